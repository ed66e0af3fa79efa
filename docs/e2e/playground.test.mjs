// End-to-end check of the playground on the plugin guide, on the built site in headless Chromium:
// the example plugin's data set and activation are in the menus (registered on the page and in the
// docs' worker), training runs in the worker, the exact region count appears, and the page keeps
// drawing frames while it trains. Screenshots go to docs/test-results/.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countFrames, SHOTS, useSite, waitForUrlParam } from './harness.mjs';

const optionValues = (select) => select.evaluate((s) => [...s.options].map((o) => o.value));

const site = useSite();

describe('playground on the plugin guide', { timeout: 300_000 }, () => {
  it('trains the example plugin activation on the example plugin data set and counts exact regions', async () => {
    const { page, problems } = await site.openPage('/plugins/');
    const widget = page.locator('[data-widget="playground"]');
    await widget.waitFor();
    const datasets = widget.locator('select[data-param="dataset"]');
    const activations = widget.locator('select[data-param="activation"]');
    assert.ok(
      (await optionValues(datasets)).includes('example/checkerboard'),
      'checkerboard in the data set menu',
    );
    assert.ok(
      (await optionValues(activations)).includes('example/two-sided-relu'),
      'two-sided ReLU in the menu',
    );
    assert.ok((await optionValues(datasets)).includes('two-moons'), 'built-in data sets too');
    await datasets.selectOption('example/checkerboard');
    await activations.selectOption('example/two-sided-relu');
    const frames = await countFrames(page);
    // Keyboard: focus Train and press Enter.
    await widget.locator('button[data-action="train"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-widget="playground"] [data-epoch]')?.dataset.epoch) > 5,
      undefined,
      { timeout: 60_000 },
    );
    const before = await frames();
    const epochBefore = Number(await widget.locator('[data-epoch]').getAttribute('data-epoch'));
    await page.waitForTimeout(1000);
    const during = await frames();
    const epochAfter = Number(await widget.locator('[data-epoch]').getAttribute('data-epoch'));
    const status = await widget.getAttribute('data-status');
    console.log(
      `playground: ${during - before} animation frames in 1 s; epochs ${epochBefore} -> ${epochAfter} (${status})`,
    );
    assert.ok(
      during - before >= 10,
      `the page kept drawing frames during training (${during - before} in 1 s)`,
    );
    assert.ok(epochAfter > epochBefore || status === 'idle', 'the epoch counter advanced');
    await page.waitForFunction(
      () =>
        /^[1-9]\d*$/.test(
          document.querySelector('[data-widget="playground"] [data-regions]')?.dataset.regions ?? '',
        ),
      undefined,
      { timeout: 60_000 },
    );
    const regions = Number(await widget.locator('[data-regions]').getAttribute('data-regions'));
    assert.ok(Number.isInteger(regions) && regions > 0, `region count ${regions}`);
    assert.ok((await widget.locator('[data-role="outline"]').count()) === 1, 'region outlines drawn');
    assert.equal(
      await widget.locator('[data-role="data"] circle').count(),
      400,
      'checkerboard has 400 points',
    );
    console.log(`playground: ${regions} exact linear regions at epoch ${epochAfter}`);
    await widget.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await widget.screenshot({ path: `${SHOTS}playground-plugins.png` });
    // The URL holds the configuration.
    await waitForUrlParam(page, 'pg.dataset', 'example/checkerboard');
    await waitForUrlParam(page, 'pg.activation', 'example/two-sided-relu');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
