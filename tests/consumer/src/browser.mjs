// Checks the built Vite app in headless Chromium: widgets visible with their own stylesheet,
// the playground training in its Web Worker and counting regions, the guide's plugin in the
// worker and on the page, and no console errors.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium.mjs';

/** Computed style of every `path.dn-curve` inside a widget (what makes a curve visible). */
function curveStyles(widget) {
  return [...document.querySelectorAll(`[data-widget="${widget}"] path.dn-curve`)].map((path) => {
    const style = getComputedStyle(path);
    const box = path.getBoundingClientRect();
    return {
      stroke: style.stroke,
      width: Number.parseFloat(style.strokeWidth),
      area: box.width + box.height,
    };
  });
}

/** Opens `url`, runs the checks, returns what it saw; `screenshot` is a PNG path. */
export async function checkWebApp(url, { screenshot, epochs = 300 } = {}) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    page.on(
      'response',
      (response) => response.status() >= 400 && errors.push(`${response.status()}: ${response.url()}`),
    );
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"], body[data-failed]', { timeout: 60_000 });
    const failed = await page.getAttribute('body', 'data-failed');
    if (failed) throw new Error(`the app failed to start: ${failed}`);
    const seen = {
      shallowCurves: await page.evaluate(curveStyles, 'shallow-network'),
      compositionCurves: await page.evaluate(curveStyles, 'composition'),
      kinkWorker: await page.textContent('#kink-worker'),
      kinkTable: await page.locator('[data-widget="kink/table"] td[data-value]').count(),
    };
    const playground = page.locator('[data-widget="playground"]');
    seen.datasets = await playground.locator('select[data-param="dataset"] option').count();
    seen.trainEnabled = await playground.locator('button[data-action="train"]').isEnabled();
    if (seen.trainEnabled) {
      await playground.locator('button[data-action="train"]').click();
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-widget="playground"] [data-epoch]')?.dataset.epoch) >= n,
        epochs,
        { timeout: 90_000 },
      );
      // The exact count is the plain integer in the data-regions attribute (DESIGN.md, widgets).
      await page.waitForFunction(
        () =>
          /^\d+$/.test(
            document
              .querySelector('[data-widget="playground"] [data-regions]')
              ?.getAttribute('data-regions') ?? '',
          ),
        null,
        { timeout: 30_000 },
      );
      seen.epoch = Number(await playground.locator('[data-epoch]').getAttribute('data-epoch'));
      seen.regions = Number(await playground.locator('[data-regions]').getAttribute('data-regions'));
      seen.lossCurves = await page.evaluate(curveStyles, 'playground');
      seen.heatMapInFrame = await page.evaluate(() => {
        const panel = document.querySelector('[data-widget="playground"] [data-panel="decision"]');
        const canvas = panel?.querySelector('canvas');
        if (!panel || !canvas) return false;
        const [p, c] = [panel.getBoundingClientRect(), canvas.getBoundingClientRect()];
        return (
          c.width > 0 &&
          c.left >= p.left - 1 &&
          c.right <= p.right + 1 &&
          c.top >= p.top - 1 &&
          c.bottom <= p.bottom + 1
        );
      });
    }
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    return { ...seen, errors };
  } finally {
    await browser.close();
  }
}
