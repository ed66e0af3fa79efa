// Every page of the built site as a first-time reader meets it (issue 19): at 390 and 1280 px, in
// the light and the dark theme, no console error, no failed request and no sideways scroll (the
// document is never wider than the window; wide math and tables scroll inside their own box).
// With DOCS_PAGE_SHOTS=1 (`cd docs && DOCS_PAGE_SHOTS=1 node --test e2e/pages.test.mjs`) a
// full-page screenshot of each goes to docs/test-results/pages/ to be looked at (off by default:
// 56 full-page screenshots of long pages are slow on CI's two cores).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SHOTS, SITE_PAGES, useSite } from './harness.mjs';

const VIEWPORTS = [
  ['390', { width: 390, height: 844 }],
  ['1280', { width: 1280, height: 900 }],
];
const DIR = `${SHOTS}pages/`;
const slug = (path) => (path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\//g, '-'));

const site = useSite();

describe('every page at 390 and 1280 px, light and dark', { timeout: 900_000 }, () => {
  mkdirSync(DIR, { recursive: true });
  for (const path of SITE_PAGES)
    for (const [name, viewport] of VIEWPORTS)
      for (const scheme of ['light', 'dark'])
        it(`${path} at ${name} px, ${scheme}: no console error, no sideways scroll`, async () => {
          const { page, problems } = await site.openPage(path, viewport, scheme);
          // let the widgets draw (workers answer after the load event)
          await page.waitForTimeout(1_500);
          const overflow = await page.evaluate(() => ({
            by: document.documentElement.scrollWidth - window.innerWidth,
            // the widest element that sticks out on the right, to say what to fix
            culprit: [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
              .filter((e) => getComputedStyle(e).position !== 'fixed')
              .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
              .slice(0, 3),
          }));
          if (process.env.DOCS_PAGE_SHOTS === '1')
            await page.screenshot({ path: `${DIR}${slug(path)}-${name}-${scheme}.png`, fullPage: true });
          await page.close();
          assert.ok(
            overflow.by <= 0,
            `${path} scrolls sideways by ${overflow.by} px (${overflow.culprit.join(', ')})`,
          );
          assert.deepEqual(problems, []);
        });
});
