// End-to-end check of the built docs site in headless Debian Chromium (playwright-core).
// Every page loads with no console error and no failed request; the section-1 widget draws and
// reacts to its sliders. A screenshot of each page is saved under docs/test-results/.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PORT = 4173 + Math.floor(Math.random() * 500);
const BASE = `http://127.0.0.1:${PORT}`;
const DOCS = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const PAGES = [
  '/',
  '/guide/getting-started',
  '/sections/composing-networks',
  '/sections/combining-networks',
  '/sections/hyperparameters',
  '/sections/notation',
  '/sections/shallow-vs-deep',
  '/api/',
  '/plugins/',
];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let server;
let browser;

async function waitForServer(url, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`docs preview server did not answer at ${url} within ${ms} ms`);
}

/** Opens `path` and records console errors, page errors and failed requests. */
async function openPage(path) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(BASE + path, { waitUntil: 'networkidle' });
  return { page, problems };
}

const shotName = (path) => (path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\//g, '-'));

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = spawn('pnpm', ['exec', 'vitepress', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: DOCS,
    stdio: 'ignore',
    detached: true,
  });
  await waitForServer(BASE);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

describe('docs site', () => {
  for (const path of PAGES) {
    it(`${path} loads with no console error and no failed request`, async () => {
      const { page, problems } = await openPage(path);
      await page.screenshot({ path: `${SHOTS}${shotName(path)}.png`, fullPage: true });
      await page.close();
      assert.deepEqual(problems, []);
    });
  }

  it('section 1: the shallow-network widget draws and follows its sliders', async () => {
    const { page, problems } = await openPage('/sections/composing-networks');
    const widget = page.locator('[data-widget="shallow-network"]');
    await widget.locator('[data-role="joint"]').first().waitFor();
    const curve = widget.locator('[data-role="curve"]');
    const before = await curve.getAttribute('d');
    assert.ok(before && before.length > 100, 'the curve has a path');
    // Network 1 of UDL notebook 4.1 has joints at x = 0, 0 and 0.67 on [0, 1].
    const jointXs = await widget
      .locator('[data-role="joint"]')
      .evaluateAll((els) => els.map((e) => Number(e.dataset.x)));
    assert.deepEqual(
      jointXs.map((x) => x.toFixed(2)),
      ['0.00', '0.00', '0.67'],
    );

    // Keyboard: focus theta_30 and press ArrowRight ten times (+0.10): h_3's joint moves to 0.57.
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
    assert.equal(Number(moved).toFixed(2), '0.57');
    await page.screenshot({ path: `${SHOTS}section-1-widget-after-slider.png`, fullPage: false });
    await page.close();
    assert.deepEqual(problems, []);
  });
  it('plugins: the example plugin widget mounts by name and marks its two breakpoints', async () => {
    const { page, problems } = await openPage('/plugins/');
    const widget = page.locator('[data-widget="example/activation-plot"]');
    await widget.waitFor();
    assert.equal(await widget.locator('[data-role="breakpoint"]').count(), 2);
    await page.close();
    assert.deepEqual(problems, []);
  });
});
