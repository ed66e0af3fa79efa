import { defineConfig } from 'vitest/config';
import { nodeProject } from '../vitest.shared.ts';

const base = nodeProject();
// The plugin guide's code samples are tests too (docs/plugins/examples); the API page's export
// lists are checked against the packages' index.ts (docs/api).
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['plugins/examples/**/*.test.ts', 'api/**/*.test.ts'] },
});
