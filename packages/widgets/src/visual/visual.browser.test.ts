/**
 * Visual regression: each widget's default state at a 1280 px wide viewport (2600 px tall, so tall widgets fit) in a 720 px column
 * (the docs' text column), light theme, compared with its committed reference
 * (`__screenshots__/`, pixelmatch through Vitest's `toMatchScreenshot`). A layout or drawing change
 * fails here; after an intended change run `pnpm --filter @deepnets/widgets visual:update`
 * and look at the new references before committing them.
 */
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mountSettled, WIDGET_NAMES } from './settle.ts';

describe('widgets look as their committed references', () => {
  for (const name of WIDGET_NAMES) {
    it(`${name}: default state at 1280 px, light`, async () => {
      const widget = await mountSettled(name, { width: 1280, height: 2600 }, 720);
      try {
        await expect.element(page.elementLocator(widget.root)).toMatchScreenshot(`${name}-1280-light`, {
          comparatorName: 'pixelmatch',
          comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.0002 },
        });
      } finally {
        widget.destroy();
      }
    }, 60_000);
  }
});
