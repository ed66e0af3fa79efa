/** Vite's `?raw` imports (browser tests read files of the repository as text). */
declare module '*?raw' {
  const text: string;
  export default text;
}
