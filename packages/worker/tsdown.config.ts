import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/browser-worker.ts', 'src/node-worker.ts'],
  format: 'esm',
  dts: true,
  platform: 'neutral',
  fixedExtension: false,
  sourcemap: true,
  external: [/^node:/],
});
