// Vite's `?inline` CSS imports (the stylesheet's browser test inserts and removes the CSS text).
declare module '*.css?inline' {
  const css: string;
  export default css;
}
