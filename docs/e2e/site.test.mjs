// End-to-end check of the built docs site in headless Debian Chromium (playwright-core).
// Every page loads with no console error and no failed request; the section-1 widget draws and
// reacts to its sliders. A screenshot of each page is saved under docs/test-results/.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SHOTS, SITE_PAGES, useSite, waitForUrlParam } from './harness.mjs';

const shotName = (path) => (path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\//g, '-'));

const site = useSite();

describe('docs site', () => {
  for (const path of SITE_PAGES) {
    it(`${path} loads with no console error and no failed request`, async () => {
      const { page, problems } = await site.openPage(path);
      await page.screenshot({ path: `${SHOTS}${shotName(path)}.png`, fullPage: true });
      await page.close();
      assert.deepEqual(problems, []);
    });
  }

  it('checking the lecture: the verify table is on the page and no row fails', async () => {
    const { page, problems } = await site.openPage('/guide/checking-the-lecture');
    const verdicts = await page
      .locator('.dn-verify tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.dataset.verdict));
    assert.ok(verdicts.length >= 25, `${verdicts.length} rows`);
    assert.ok(!verdicts.includes('fails'), 'no failing row');
    assert.equal(verdicts.filter((v) => v === 'differs: typo in the source').length, 2);
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('section 1: the shallow-network widget draws and follows its sliders', async () => {
    const { page, problems } = await site.openPage('/sections/composing-networks');
    const widget = page.locator('[data-widget="shallow-network"]');
    await widget.locator('[data-role="joint"]').first().waitFor();
    const curve = widget.locator('[data-role="curve"]');
    const before = await curve.getAttribute('d');
    assert.ok(before && before.length > 100, 'the curve has a path');
    // The default network (theta = [[-0.2, 1], [-0.5, 1], [0.8, -1]]) has its joints at
    // x = -theta_k0 / theta_k1 = 0.2, 0.5 and 0.8: four visible pieces on [0, 1].
    const jointXs = await widget
      .locator('[data-role="joint"]')
      .evaluateAll((els) => els.map((e) => Number(e.dataset.x)));
    assert.deepEqual(
      jointXs.map((x) => x.toFixed(2)),
      ['0.20', '0.50', '0.80'],
    );

    // Keyboard: focus theta_30 and press ArrowRight ten times (+0.10): h_3's joint moves from
    // -0.8 / -1 = 0.8 to -0.9 / -1 = 0.9.
    const slider = widget.locator('input[data-param="theta.3.0"]');
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (old) =>
        document.querySelector('[data-widget="shallow-network"] [data-role="curve"]')?.getAttribute('d') !==
        old,
      before,
    );
    const moved = await widget.locator('[data-role="joint"][data-unit="3"]').getAttribute('data-x');
    assert.equal(Number(moved).toFixed(2), '0.90');
    await page.screenshot({ path: `${SHOTS}section-1-widget-after-slider.png`, fullPage: false });
    await page.close();
    assert.deepEqual(problems, []);
  });
  it('plugins: the example plugin widget mounts by name and marks its two breakpoints', async () => {
    const { page, problems } = await site.openPage('/plugins/');
    const widget = page.locator('[data-widget="example/activation-plot"]');
    await widget.waitFor();
    assert.equal(await widget.locator('[data-role="breakpoint"]').count(), 2);
    await page.close();
    assert.deepEqual(problems, []);
  });
});

// Widgets 4-7 (sections 2-4). Expected counts are computed here, independently of the site's
// packages: a plain forward pass over a fine grid, counting runs of one activation pattern and
// merging neighbouring runs with equal slopes.
function bruteRegions1d(layers, [lo, hi], samples = 20000) {
  const forward = (x) => {
    let h = [x];
    let pattern = '';
    layers.forEach(({ weights, biases }, k) => {
      const z = weights.map((row, i) => row.reduce((s, w, j) => s + w * h[j], biases[i]));
      if (k < layers.length - 1) {
        pattern += z.map((v) => (v > 0 ? 1 : 0)).join('');
        h = z.map((v) => Math.max(0, v));
      } else h = z;
    });
    return { pattern, y: h };
  };
  const runs = [];
  for (let n = 0; n <= samples; n++) {
    const x = lo + ((hi - lo) * n) / samples;
    const { pattern, y } = forward(x);
    const last = runs.at(-1);
    if (last && last.pattern === pattern) Object.assign(last, { x1: x, y1: y });
    else runs.push({ pattern, x0: x, x1: x, y0: y, y1: y });
  }
  let linear = 1;
  let previous;
  for (const r of runs) {
    if (r.x1 === r.x0) continue;
    const slope = r.y1.map((v, o) => (v - r.y0[o]) / (r.x1 - r.x0));
    if (previous && slope.some((v, o) => Math.abs(v - previous[o]) > 1e-6 * (1 + Math.abs(v)))) linear++;
    previous = slope;
  }
  return linear;
}

/** The widget's parameters, read from its sliders: { key: value }. */
const sliderValues = (widget) =>
  widget
    .locator('input[data-param]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.param, Number(e.value)])));
const shownCount = async (widget) =>
  Number(await widget.locator('[data-regions]').first().getAttribute('data-regions'));

describe('docs site: widgets of sections 2-4', () => {
  it('section 2: layer-panels counts the output regions of its 1-3-3-1 network and follows a slider', async () => {
    const { page, problems } = await site.openPage('/sections/combining-networks');
    const widget = page.locator('[data-widget="layer-panels"]');
    await widget.locator('[data-regions]').waitFor();
    const layers = (p) => {
      const u = [1, 2, 3];
      return [
        { weights: u.map((d) => [p[`theta.${d}.1`]]), biases: u.map((d) => p[`theta.${d}.0`]) },
        { weights: u.map((i) => u.map((j) => p[`psi.${i}.${j}`])), biases: u.map((i) => p[`psi.${i}.0`]) },
        { weights: [u.map((j) => p[`phi.${j}`])], biases: [p['phi.0']] },
      ];
    };
    assert.equal(await shownCount(widget), bruteRegions1d(layers(await sliderValues(widget)), [0, 1]));
    const slider = widget.locator('input[data-param="psi.1.0"]');
    await slider.focus();
    const before = await shownCount(widget);
    for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(200);
    const after = await shownCount(widget);
    assert.equal(after, bruteRegions1d(layers(await sliderValues(widget)), [0, 1]));
    await waitForUrlParam(page, 'lp.psi.1.0'); // the state is in the URL
    console.log(
      `layer-panels regions ${before} -> ${after}, redraw ${await widget.getAttribute('data-ms')} ms`,
    );
    await widget.screenshot({ path: `${SHOTS}widget-layer-panels.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('section 2: two-outputs marks the same joints on both outputs and counts regions exactly', async () => {
    const { page, problems } = await site.openPage('/sections/combining-networks?to.theta.1.0=-0.35');
    const widget = page.locator('[data-widget="two-outputs"]');
    await widget.locator('[data-regions]').waitFor();
    const joints = (o) =>
      widget
        .locator(`[data-role="joint"][data-output="${o}"]`)
        .evaluateAll((els) => els.map((e) => e.dataset.x));
    assert.deepEqual(await joints(1), await joints(2));
    const p = await sliderValues(widget);
    assert.equal(p['theta.1.0'], -0.35, 'restored from the URL');
    const d = [1, 2, 3, 4];
    const layers = [
      { weights: d.map((u) => [p[`theta.${u}.1`]]), biases: d.map((u) => p[`theta.${u}.0`]) },
      { weights: [1, 2].map((o) => d.map((u) => p[`phi.${o}.${u}`])), biases: [p['phi.1.0'], p['phi.2.0']] },
    ];
    assert.equal(await shownCount(widget), bruteRegions1d(layers, [0, 1]));
    await widget.screenshot({ path: `${SHOTS}widget-two-outputs.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('section 3: the network builder updates parameters and bound from buttons and keys', async () => {
    const { page, problems } = await site.openPage('/sections/hyperparameters');
    const widget = page.locator('[data-widget="network-builder"]');
    await widget.locator('[data-regions]').waitFor();
    const params = (widths) => widths.slice(1).reduce((s, w, k) => s + (widths[k] + 1) * w, 0);
    const read = async (attr) => widget.locator(`[${attr}]`).first().getAttribute(attr);
    assert.equal(Number(await read('data-parameters')), params([1, 4, 4, 4, 1]));
    assert.equal(await read('data-bound'), String((4 + 1) ** 3));
    const regions = await shownCount(widget);
    assert.ok(regions >= 1 && regions <= 125, `a random network's count ${regions} is within the bound`);
    await widget.locator('[data-action="add-layer"]').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-widget="network-builder"] [data-bound]')?.getAttribute('data-bound') ===
        String(5 ** 4),
    );
    assert.equal(Number(await read('data-parameters')), params([1, 4, 4, 4, 4, 1]));
    await widget.locator('.dn-diagram').focus();
    await page.keyboard.press('ArrowUp');
    // Widths 5, 4, 4, 4 with one input: the zig-zags compose to (5 + 1) 5^3, the exact maximum.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-widget="network-builder"] [data-bound]')?.getAttribute('data-bound') ===
        String(6 * 5 ** 3),
    );
    assert.equal(await read('data-bound-kind'), 'exact');
    assert.equal(Number(await read('data-parameters')), params([1, 5, 4, 4, 4, 1]));
    await widget.locator('input[data-inputs="2"]').check();
    await widget.locator('polygon[data-role="region"]').first().waitFor();
    await waitForUrlParam(page, 'nb.inputs', '2');
    console.log(
      `network-builder 2-D regions ${await shownCount(widget)}, redraw ${await widget.getAttribute('data-ms')} ms`,
    );
    await widget.screenshot({ path: `${SHOTS}widget-network-builder.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('section 4: the notation widget opens on the 1-3-3-1 network (22 parameters), renames it, and shows the 43-parameter example below', async () => {
    const { page, problems } = await site.openPage('/sections/notation');
    // sum over layers of (D_k + 1) D_{k+1}: one weight per input plus a bias for every unit
    const params = (widths) => widths.slice(1).reduce((s, w, k) => s + (widths[k] + 1) * w, 0);
    const widget = page.locator('[data-widget="notation"]').first();
    await widget.locator('math').first().waitFor();
    const small = params([1, 3, 3, 1]);
    assert.equal(small, 2 * 3 + 4 * 3 + 4 * 1);
    assert.equal(Number(await widget.locator('[data-parameters]').getAttribute('data-parameters')), small);
    assert.equal(await widget.locator('.dn-math [data-coef]').count(), small);
    await widget.locator('[role="tab"][data-tab="scalar"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(
      await widget.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab'),
      'vector',
    );
    await widget.locator('.dn-math [data-coef]').nth(4).hover();
    assert.equal(await widget.locator('.dn-diagram .dn-active').count(), 1);
    // The renaming tab works on the widget's own network: the same 22 parameters, Psi -> Omega_1.
    await widget.locator('[role="tab"][data-tab="renaming"]').click();
    assert.match((await widget.locator('.dn-math').textContent()) ?? '', /Ψ/);
    assert.equal(Number(await widget.locator('[data-parameters]').getAttribute('data-parameters')), small);
    await widget.screenshot({ path: `${SHOTS}widget-notation.png` });

    const example = page.locator('[data-widget="notation"]').nth(1);
    await example.locator('math').first().waitFor();
    assert.equal(
      Number(await example.locator('[data-parameters]').getAttribute('data-parameters')),
      params([3, 4, 2, 3, 2]),
    );
    await page.close();
    assert.deepEqual(problems, []);
  });
});

describe('docs site: composition and combining widgets (sections 1 and 2)', () => {
  it('section 1: the composition widget counts 9 regions, follows a mouse drag and folds', async () => {
    const { page, problems } = await site.openPage('/sections/composing-networks');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const widget = page.locator('[data-widget="composition"]');
    const count = widget.locator('[data-of="composition"][data-regions]');
    await count.waitFor();
    assert.equal(await count.getAttribute('data-regions'), '9');
    assert.ok(
      Number(await widget.locator('[data-of="shallow"][data-regions]').getAttribute('data-regions')) <= 7,
    );
    // Drag h_3's joint of network 1 (x = 0.33) to the right with the mouse.
    const joint = widget.locator('[data-panel="network-1"] [data-role="joint"][data-unit="3"]');
    await joint.scrollIntoViewIfNeeded();
    const box = await joint.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 25, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const moved = Number(await joint.getAttribute('data-x'));
    assert.ok(moved > 0.4, `the joint moved right (now at x = ${moved})`);
    // Keyboard: the focused joint moves by 0.01 per arrow press.
    await joint.focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(Number(await joint.getAttribute('data-x')).toFixed(2), (moved - 0.01).toFixed(2));
    // Fold (reduced motion: no animation, straight to folded).
    await widget.locator('[data-panel="folding"] button').click();
    assert.equal(await widget.locator('[data-panel="folding"]').getAttribute('data-fold'), '1.00');
    await widget.locator('[data-panel="folding"]').screenshot({ path: `${SHOTS}section-1-folding.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('section 1: the 2-D composition shows 7 regions (1 flat) and 13 after composing, on painted canvases', async () => {
    const { page, problems } = await site.openPage('/sections/composing-networks');
    const widget = page.locator('[data-widget="composition-2d"]');
    await widget.locator('[data-of="composition"][data-regions]').waitFor();
    assert.equal(
      await widget.locator('[data-of="network-1"][data-regions]').getAttribute('data-regions'),
      '7',
    );
    assert.equal(
      await widget.locator('[data-of="composition"][data-regions]').getAttribute('data-regions'),
      '13',
    );
    assert.equal(await widget.locator('[data-role="flat"]').count(), 2);
    const colours = await widget
      .locator('canvas')
      .first()
      .evaluate((canvas) => {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        const seen = new Set();
        for (let i = 0; i < data.length; i += 400) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
        return seen.size;
      });
    assert.ok(colours > 10, `the heat map is painted (${colours} colours)`);
    const heat = widget.locator('[data-panel="composition"] svg');
    await heat.scrollIntoViewIfNeeded();
    const box = await heat.boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    assert.match(await widget.locator('p[data-role="probe"]').textContent(), /network 1 gives y = /);
    await widget.screenshot({ path: `${SHOTS}section-1-composition-2d.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('section 2: the combining widget derives with live numbers and agrees at the pointer', async () => {
    const { page, problems } = await site.openPage('/sections/combining-networks');
    const widget = page.locator('[data-widget="combining"]');
    await widget.locator('[data-role="derivation"] math').first().waitFor();
    assert.equal(await widget.locator('[data-role="derivation"] > li').count(), 5);
    assert.equal(await widget.locator('[data-rank]').first().getAttribute('data-rank'), '1');
    const plot = widget.locator('[data-panel="composition"] svg');
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5);
    const check = widget.locator('[data-agree]');
    assert.equal(await check.getAttribute('data-agree'), 'true');
    const free = widget.locator('[data-role="free-psi"]');
    assert.equal(await free.locator('[data-of="free"][data-regions]').getAttribute('data-regions'), '16');
    assert.equal(await free.getAttribute('data-verdict'), 'unreachable');
    await widget.screenshot({ path: `${SHOTS}section-2-combining.png` });
    await page.close();
    assert.deepEqual(problems, []);
  });
});
