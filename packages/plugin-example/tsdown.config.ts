import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/widgets.ts'],
  format: 'esm',
  dts: true,
  platform: 'neutral',
  fixedExtension: false,
  sourcemap: false,
});
