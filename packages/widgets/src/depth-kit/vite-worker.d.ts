// Vite's `?worker` imports (the section-5 browser tests start a real deepnets worker).
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
