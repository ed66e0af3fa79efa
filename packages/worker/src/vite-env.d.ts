// Vite's `?worker` imports (used by the browser tests and the docs).
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
