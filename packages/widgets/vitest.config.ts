import { defineConfig } from 'vitest/config';
import { nodeAndBrowserProjects } from '../../vitest.shared.ts';
import { cliRegions, cliRun } from './test/cli-command.ts';

const config = nodeAndBrowserProjects({ browserSetupFiles: ['./src/visual/load-math.setup.ts'] });
// The Chromium project gets `commands.cliRegions` and `cliRun` (test/cli-command.ts): the CLI run in Node.
for (const project of config.test?.projects ?? []) {
  const browser = typeof project === 'object' && 'test' in project ? project.test?.browser : undefined;
  if (browser) browser.commands = { ...browser.commands, cliRegions, cliRun };
}

export default defineConfig(config);
