// End-to-end checks of the student-facing pages on the built site (issue 20 items 1, 4, 5; issue
// 19's guided path): exercises answered right and wrong, a hyper-parameter search run and
// cancelled in the worker pool, the depth demonstration, the sidebar progress and the print view
// (every page at 1280 and 390 px, light and dark: pages.test.mjs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SHOTS, useSite } from './harness.mjs';

const site = useSite();
const WIDE = { width: 1280, height: 900 };

async function answer(widget, id, values) {
  const card = widget.locator(`[data-exercise="${id}"]`);
  for (const [field, text] of Object.entries(values))
    await card.locator(`[data-field="${field}"]`).fill(text);
  await card.locator('[data-role="check"]').click();
  return card.locator('[data-role="verdict"]').getAttribute('data-verdict');
}

describe('student pages', { timeout: 600_000 }, () => {
  it('exercises: right answers are marked right, wrong ones wrong, solutions open', async () => {
    const { page, problems } = await site.openPage('/sections/exercises', WIDE);
    const widget = page.locator('[data-widget="exercises"]');
    await widget.waitFor();
    const counts = { shallowParameters: '286', deepParameters: '286', shallowRegions: '96' };
    assert.equal(await answer(widget, '4.11', { ...counts, deepRegions: '60,466,176' }), 'right');
    assert.equal(await answer(widget, '4.11', { ...counts, deepRegions: '161,051' }), 'wrong');
    assert.equal(
      await answer(widget, '4.8', { phi: '4, -12, 9, -6', one: '4', two: '16', three: '64' }),
      'right',
    );
    assert.equal(await answer(widget, '4.8', { three: '48' }), 'wrong');
    await widget.locator('[data-exercise="4.1"] [data-role="reveal"]').click();
    assert.match(
      await widget.locator('[data-exercise="4.1"] [data-role="solution"]').textContent(),
      /linear regions/,
    );
    await widget.screenshot({ path: `${SHOTS}widget-exercises.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('hyper-parameter search: a grid runs in the pool, the best network is counted, Cancel stops it', async () => {
    const { page, problems } = await site.openPage('/sections/hyperparameters', WIDE);
    const widget = page.locator('[data-widget="hyper-search"]');
    await widget.waitFor();
    await widget.locator('[data-param="epochs"]').fill('60');
    await widget.locator('[data-param="rates"]').fill('0.5');
    await widget.locator('[data-action="run"]').click();
    await widget.locator('[data-role="status"]', { hasText: 'Done: 4 trials' }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-widget="hyper-search"] [data-regions]')?.dataset.regions) > 0,
    );
    assert.equal(await widget.locator('tbody tr[data-status="done"]').count(), 4);
    assert.match(await widget.locator('[data-role="cost"]').textContent(), /4 trials x 60 epochs = 240/);
    await widget.locator('[data-sort="validationLoss"]').click();
    assert.equal(await widget.locator('tbody tr').first().getAttribute('data-best'), 'true');
    await widget.screenshot({ path: `${SHOTS}widget-hyper-search.png` });
    await widget.locator('[data-param="epochs"]').fill('2000');
    await widget.locator('[data-param="widths"]').fill('16, 24');
    await widget.locator('[data-action="run"]').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-widget="hyper-search"] tr[data-status="running"]').length > 0,
    );
    await widget.locator('[data-action="cancel"]').click();
    await widget.locator('[data-role="status"]', { hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
    assert.equal(await widget.locator('tr[data-status="running"], tr[data-status="queued"]').count(), 0);
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('depth demonstration and receptive field on section 5', async () => {
    const { page, problems } = await site.openPage('/sections/shallow-vs-deep', WIDE);
    const field = page.locator('[data-widget="receptive-field"]');
    await field.waitFor();
    await field.screenshot({ path: `${SHOTS}widget-receptive-field.png` });
    const demo = page.locator('[data-widget="depth-demo"]');
    await demo.locator('[data-action="run"]:not([disabled])').waitFor();
    await demo.locator('[data-action="run"]').click();
    await demo
      .locator('[data-role="status"]', { hasText: /From K =|Every depth/ })
      .waitFor({ timeout: 300_000 });
    assert.equal(await demo.locator('circle[data-depth]').count(), 24);
    console.log('depth demo:', await demo.locator('[data-role="status"]').textContent());
    console.log(await demo.locator('[data-role="depths"]').textContent());
    await demo.screenshot({ path: `${SHOTS}widget-depth-demo.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('sidebar progress marks the current section and remembers opened ones', async () => {
    const { page, problems } = await site.openPage('/sections/composing-networks', WIDE);
    await page.locator('.dn-progress').waitFor();
    await page.goto(page.url().replace('composing-networks', 'hyperparameters'), {
      waitUntil: 'networkidle',
    });
    assert.match(await page.locator('.dn-progress-label').textContent(), /Section 3 of 5 · 2 opened/);
    assert.equal(await page.locator('.dn-progress-steps li.done').count(), 2);
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('print view: navigation and controls hidden, the widgets drawn as pictures', async () => {
    const { page, problems } = await site.openPage('/sections/composing-networks', WIDE);
    await page.locator('[data-widget="composition"] svg').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const shown = (selector) =>
      page.evaluate((s) => {
        const el = document.querySelector(s);
        return el ? getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0 : false;
      }, selector);
    assert.equal(await shown('.VPNav'), false);
    assert.equal(await shown('.VPSidebar'), false);
    assert.equal(await shown('[data-widget="composition"] input'), false);
    assert.equal(await shown('[data-widget="composition"] svg'), true);
    await page.screenshot({ path: `${SHOTS}print-composing-networks.png`, fullPage: true });
    await page.close();
    assert.deepEqual(problems, []);
  });
});
