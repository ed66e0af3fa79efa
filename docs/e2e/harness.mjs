// Shared set-up of the docs end-to-end tests: serve the built site with `vitepress preview` on a
// free local port, drive Debian's Chromium with playwright-core, and collect every console
// error, page error and failed request of a page. Screenshots go to docs/test-results/.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const DOCS = fileURLToPath(new URL('..', import.meta.url));
/** Every page of the site (the e2e suites visit each one). */
export const SITE_PAGES = [
  '/',
  '/guide/getting-started',
  '/guide/recap',
  '/sections/composing-networks',
  '/sections/combining-networks',
  '/sections/hyperparameters',
  '/sections/notation',
  '/sections/shallow-vs-deep',
  '/sections/exercises',
  '/guide/checking-the-lecture',
  '/guide/reliability',
  '/guide/sweeps',
  '/api/',
  '/plugins/',
];

export const SHOTS = fileURLToPath(new URL('../test-results/', import.meta.url));

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

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

/**
 * Registers before/after hooks that start the preview server and Chromium for this test file,
 * and returns `openPage(path, viewport?, colorScheme?)` → `{ page, problems }`.
 */
export function useSite() {
  let server;
  let browser;
  let base = '';
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn('pnpm', ['exec', 'vitepress', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: DOCS,
      stdio: 'ignore',
      detached: true,
    });
    await waitForServer(base);
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    await browser?.close();
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  });

  return {
    async openPage(path, viewport = { width: 1200, height: 900 }, colorScheme = 'light') {
      const page = await browser.newPage({ viewport, colorScheme });
      page.setDefaultTimeout(90_000);
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
      await page.goto(base + path, { waitUntil: 'networkidle' });
      return { page, problems };
    },
  };
}

/**
 * Starts counting the page's animation frames; resolves with a function that reads the count, so
 * a test can tell whether long work leaves the page drawing (frames keep coming) or frozen.
 */
export async function countFrames(page) {
  await page.evaluate(() => {
    window.__frames = 0;
    const tick = () => {
      window.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () => page.evaluate(() => window.__frames);
}

/**
 * Waits until the page URL's query holds `name` (equal to `value` unless it is null). Widgets
 * write their state into the URL at most every 250 ms, so a test waits for it instead of reading
 * `page.url()` right after an input.
 */
export async function waitForUrlParam(page, name, value = null) {
  await page.waitForFunction(
    ([n, v]) => {
      const params = new URLSearchParams(window.location.search);
      return v === null ? params.has(n) : params.get(n) === v;
    },
    [name, value],
    { timeout: 5_000 },
  );
}
