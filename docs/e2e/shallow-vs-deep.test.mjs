// End-to-end check of section 5 (shallow vs. deep) on the built site in headless Chromium.
// Expected numbers are computed here from the widgets' own inputs, never read from the packages.
// The page must stay responsive while the random-labels models train (a requestAnimationFrame
// counter keeps advancing). Screenshots go to docs/test-results/.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countFrames, SHOTS, useSite, waitForUrlParam } from './harness.mjs';

const PAGE = '/sections/shallow-vs-deep';
const params = (widths) => widths.slice(1).reduce((s, w, k) => s + (widths[k] + 1) * w, 0);
const attr = async (locator, name) => locator.first().getAttribute(name);
const sliderValue = async (widget, key) =>
  Number(await widget.locator(`input[data-param="${key}"]`).inputValue());

const site = useSite();

describe('section 5: shallow vs. deep', { timeout: 300_000 }, () => {
  it('shows the computed numbers of every widget and reacts to input', async () => {
    const { page, problems } = await site.openPage(PAGE);

    // Figure 4.7: the slide's point, 1-[10 x 5]-1, and 11^5 regions.
    const fig = page.locator('[data-widget="figure-4-7"]');
    await fig.locator('[data-role="highlight"]').first().waitFor();
    assert.equal(
      Number(await attr(fig.locator('[data-parameters]').first(), 'data-parameters')),
      params([1, 10, 10, 10, 10, 10, 1]),
    );
    assert.equal(await attr(fig.locator('[data-bound]').first(), 'data-bound'), String(11n ** 5n));
    // Figure 4.7b's point: 10-[50 x 5]-1, marked like a) and labelled as reached by a construction.
    const b = fig.locator('[data-marked="b"]');
    assert.equal(
      Number(await attr(b.locator('[data-parameters]'), 'data-parameters')),
      params([10, 50, 50, 50, 50, 50, 1]),
    );
    assert.equal(await attr(b.locator('[data-eq417-status]'), 'data-eq417-status'), 'construction');
    assert.equal(await attr(b.locator('[data-bound-kind]'), 'data-bound-kind'), 'upper-bound');
    assert.equal(await fig.locator('[data-role="highlight"]').count(), 2);
    await fig.locator('input[data-param="di"]').fill('1');
    await fig.locator('input[data-param="k"]').fill('3');
    await fig.locator('input[data-param="d"]').fill('6');
    await fig.locator('[data-action="add-construction"]').click();
    await fig.locator('tbody [data-regions]').waitFor();
    assert.equal(Number(await attr(fig.locator('tbody [data-regions]'), 'data-regions')), 7 ** 3);
    await waitForUrlParam(page, 'f47.d', '6'); // the form is in the URL

    // Construction explorer: (D+1)^K from its own sliders; one more layer by keyboard.
    const ce = page.locator('[data-widget="construction-explorer"]');
    await ce.locator('[data-regions]').waitFor();
    let k = await sliderValue(ce, 'k');
    const d = await sliderValue(ce, 'd');
    assert.equal(Number(await attr(ce.locator('[data-regions]'), 'data-regions')), (d + 1) ** k);
    await ce.locator('input[data-param="k"]').focus();
    await page.keyboard.press('ArrowRight');
    k += 1;
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-widget="construction-explorer"] [data-regions]')
          ?.getAttribute('data-regions') === String(n),
      (d + 1) ** k,
    );
    await ce.locator('svg.dn-zoomable').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    const inView = Number(await ce.locator('[data-role="view"]').getAttribute('data-in-view'));
    assert.ok(inView < (d + 1) ** k, `zoomed in: ${inView} regions in view`);
    await ce.screenshot({ path: `${SHOTS}widget-construction-explorer.png` });

    // Sawtooth: 2^K regions for both networks; the shallow one has 2^K units.
    const st = page.locator('[data-widget="sawtooth"]');
    await st.locator('[data-regions]').first().waitFor();
    await st.locator('input[data-param="k"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const K = await sliderValue(st, 'k');
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-widget="sawtooth"] tr[data-network="shallow"] [data-units]')
          ?.getAttribute('data-units') === String(n),
      2 ** K,
    );
    for (const net of ['deep', 'shallow']) {
      assert.equal(
        Number(await attr(st.locator(`tr[data-network="${net}"] [data-regions]`), 'data-regions')),
        2 ** K,
      );
    }

    // Convolutions: a 3 x 3 stride-1 stack widens the field by 2 per layer; 1 + 2L >= 1000.
    const cc = page.locator('[data-widget="conv-calculator"]');
    assert.equal(Number(await attr(cc.locator('[data-layers]'), 'data-layers')), Math.ceil((1000 - 1) / 2));
    assert.equal(
      Number(await attr(cc.locator('[data-layer="dense"] [data-parameters]'), 'data-parameters')),
      1e6 * 1e6 + 1e6,
    );

    // Approximation (defaults: the sawtooth, deep 3 x 2 against a shallow net of the same budget):
    // both networks trained in the worker, both counted.
    const ap = page.locator('[data-widget="approximation"]');
    await ap.locator('tr[data-network="deep"] [data-regions]').waitFor({ timeout: 120_000 });
    const shallowUnits = Math.round((params([1, 2, 2, 2, 1]) - 1) / 3);
    assert.equal(
      Number(await attr(ap.locator('tr[data-network="deep"] [data-parameters]'), 'data-parameters')),
      params([1, 2, 2, 2, 1]),
    );
    assert.equal(
      Number(await attr(ap.locator('tr[data-network="shallow"] [data-parameters]'), 'data-parameters')),
      params([1, shallowUnits, 1]),
    );
    const shallowRegions = Number(
      await attr(ap.locator('tr[data-network="shallow"] [data-regions]'), 'data-regions'),
    );
    assert.ok(
      shallowRegions >= 1 && shallowRegions <= shallowUnits + 1,
      `shallow fit: ${shallowRegions} regions`,
    );
    await ap.locator('[data-role="identity-regions"]').waitFor();
    assert.equal(
      Number(await attr(ap.locator('[data-role="identity-regions"]'), 'data-regions')),
      shallowRegions,
    );

    for (const name of ['figure-4-7', 'sawtooth', 'conv-calculator', 'approximation']) {
      await page.locator(`[data-widget="${name}"]`).screenshot({ path: `${SHOTS}widget-${name}.png` });
    }
    await page.screenshot({ path: `${SHOTS}sections-shallow-vs-deep-widgets.png`, fullPage: true });
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('stays responsive while the random-labels models train in workers', async () => {
    const { page, problems } = await site.openPage(`${PAGE}?rl.n=400`);
    const rl = page.locator('[data-widget="random-labels"]');
    await rl.scrollIntoViewIfNeeded();
    const params4 = await rl
      .locator('tbody [data-parameters]')
      .evaluateAll((els) => els.map((e) => Number(e.dataset.parameters)));
    assert.deepEqual(
      params4,
      [[298], [100, 100], [75, 75, 75], [63, 63, 63, 63]].map((h) => params([40, ...h, 10])),
    );
    const frames = await countFrames(page);
    await rl.locator('[data-action="run"]').click();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-widget="random-labels"] [data-live-epoch]')].some(
          (e) => Number(e.dataset.liveEpoch) > 10,
        ),
      undefined,
      { timeout: 120_000 },
    );
    const before = await frames();
    await page.waitForTimeout(1000);
    const during = await frames();
    const running = await rl.getAttribute('data-running');
    console.log(
      `random-labels: ${during - before} animation frames in 1 s of training (running: ${running})`,
    );
    assert.ok(
      during - before >= 10,
      `the page kept drawing frames during training (${during - before} in 1 s)`,
    );
    await page.waitForFunction(
      () => document.querySelector('[data-widget="random-labels"]')?.dataset.running === 'false',
      undefined,
      {
        timeout: 240_000,
      },
    );
    const epochs = await rl
      .locator('tbody [data-epochs-to-100]')
      .evaluateAll((els) =>
        els.map((e) => Number(e.dataset.epochsTo_100 ?? e.getAttribute('data-epochs-to-100'))),
      );
    console.log(`random-labels live epochs to 100%: ${epochs.join(', ')}`);
    await rl.screenshot({ path: `${SHOTS}widget-random-labels.png` });
    // True labels: the same models, now with test error (dashed curves) on unseen examples.
    await rl.locator('select[data-param="labels"]').selectOption('true');
    await rl.locator('[data-action="run"]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-widget="random-labels"]')?.dataset.running === 'true',
    );
    await page.waitForFunction(
      () => document.querySelector('[data-widget="random-labels"]')?.dataset.running === 'false',
      undefined,
      {
        timeout: 240_000,
      },
    );
    assert.equal(await rl.locator('path[data-model-test]').count(), 4);
    const status = await rl.locator('[data-role="live-status"]').textContent();
    console.log(`random-labels true labels: ${status}`);
    assert.match(status ?? '', /test accuracy/);
    await rl.screenshot({ path: `${SHOTS}widget-random-labels-true.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('fits a phone screen, in the dark theme', async () => {
    const { page, problems } = await site.openPage(PAGE, { width: 390, height: 844 }, 'dark');
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('dark')), 'dark theme');
    await page.locator('[data-widget="sawtooth"] [data-regions]').first().waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('[data-widget] *')]
        .filter(
          (e) =>
            e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('table'),
        )
        .slice(0, 6)
        .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`),
    );
    assert.ok(overflow <= 1, `no horizontal scrolling (${overflow} px): ${wide.join(', ')}`);
    await page.locator('[data-widget="construction-explorer"] [data-regions]').waitFor();
    await page
      .locator('[data-widget="construction-explorer"]')
      .screenshot({ path: `${SHOTS}phone-dark-construction-explorer.png` });
    await page
      .locator('[data-widget="figure-4-7"]')
      .screenshot({ path: `${SHOTS}phone-dark-figure-4-7.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });
});
