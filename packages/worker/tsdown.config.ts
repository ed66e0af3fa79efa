import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    // The library and the browser worker entry: sibling packages stay imports (one copy of each
    // class in an app); bundlers (Vite's `?worker`) bundle the browser worker themselves.
    entry: ['src/index.ts', 'src/browser-worker.ts'],
    format: 'esm',
    dts: true,
    platform: 'neutral',
    fixedExtension: false,
    sourcemap: false,
    deps: { neverBundle: [/^node:/] },
  },
  {
    // The Node worker is started by file name, so it is one self-contained file: it does not
    // depend on how (or whether) the sibling packages resolve from inside a worker thread.
    entry: ['src/node-worker.ts'],
    format: 'esm',
    dts: true,
    platform: 'node',
    fixedExtension: false,
    sourcemap: false,
    clean: false,
    deps: { alwaysBundle: [/^@deepnets\//, /^comlink/] },
  },
]);
