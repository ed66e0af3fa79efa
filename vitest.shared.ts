/**
 * Shared Vitest settings for every workspace package.
 *
 * Packages are tested from source: the custom export condition `@deepnets/source`
 * points each `@deepnets/*` import at `src/index.ts`, so no prior build is needed.
 * Browser projects run in Debian Chromium through Playwright (no browser download).
 */
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import type { ViteUserConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

export { CHROMIUM_ARGS, chromiumPath };

export const SOURCE_CONDITION = '@deepnets/source';

/** Fixes fast-check's seed on CI (see the file). */
const FAST_CHECK_SEED = fileURLToPath(new URL('./scripts/fast-check-seed.ts', import.meta.url));

/**
 * Time limits per test and hook. Speed is measured by `pnpm bench`, never by a test's time limit:
 * these only catch hangs, with room for a 2-core machine running two suites at once.
 */
const LIMITS = { testTimeout: 30_000, hookTimeout: 60_000 } as const;

const sourceResolve = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
} satisfies ViteUserConfig;

/** Node-only tests: `src/**\/*.test.ts`, excluding `*.browser.test.ts`. */
export function nodeProject(): ViteUserConfig {
  return {
    ...sourceResolve,
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
      setupFiles: [FAST_CHECK_SEED],
      ...LIMITS,
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
    },
  };
}

/**
 * Node tests plus a Chromium project for `src/**\/*.browser.test.ts`; `browserSetupFiles` run
 * before each browser test file.
 */
export function nodeAndBrowserProjects(options: { browserSetupFiles?: string[] } = {}): ViteUserConfig {
  return {
    ...sourceResolve,
    test: {
      projects: [
        {
          ...sourceResolve,
          test: {
            name: 'node',
            include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
            exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
            setupFiles: [FAST_CHECK_SEED],
            ...LIMITS,
          },
        },
        {
          ...sourceResolve,
          test: {
            name: 'chromium',
            include: ['src/**/*.browser.test.ts'],
            setupFiles: options.browserSetupFiles ?? [],
            ...LIMITS,
            browser: {
              enabled: true,
              headless: true,
              screenshotFailures: false,
              provider: playwright({
                launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
                // A window larger than any test viewport, so the tester never scales its iframe
                // (screenshots at true pixels) and one device pixel per CSS pixel on every machine.
                contextOptions: { viewport: { width: 1440, height: 2800 }, deviceScaleFactor: 1 },
              }),
              instances: [{ browser: 'chromium' }],
            },
          },
        },
      ],
    },
  };
}
