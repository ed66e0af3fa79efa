import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { nodeProject } from '../vitest.shared.ts';

const base = nodeProject();
const kink = (file: string) => fileURLToPath(new URL(`./plugins/examples/kink/src/${file}`, import.meta.url));
// The plugin guide's code samples are tests too (docs/plugins/examples); the guide's plugin
// package is imported by its name, as its users would (tsconfig.json maps the same names). The
// API page's export lists are checked against the packages' index.ts (docs/api).
export default defineConfig({
  ...base,
  resolve: {
    ...base.resolve,
    alias: [
      { find: /^deepnets-plugin-kink\/widgets$/, replacement: kink('widgets.ts') },
      { find: /^deepnets-plugin-kink$/, replacement: kink('index.ts') },
    ],
  },
  test: {
    ...base.test,
    include: ['plugins/examples/**/*.test.ts', 'api/**/*.test.ts', '.vitepress/theme/**/*.test.ts'],
  },
});
