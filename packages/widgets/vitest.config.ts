import { defineConfig } from 'vitest/config';
import { nodeAndBrowserProjects } from '../../vitest.shared.ts';

export default defineConfig({
  ...nodeAndBrowserProjects({ browserSetupFiles: ['./src/visual/load-math.setup.ts'] }),
});
