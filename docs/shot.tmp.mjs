// Temporary (not committed): screenshots of pages at 1280 and 390 px, light and dark.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
const DIST = new URL('./.vitepress/dist/', import.meta.url).pathname;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const tries = [p, `${p}.html`, join(p, 'index.html')];
  for (const t of tries) {
    try { const body = await readFile(join(DIST, t)); res.writeHead(200, { 'content-type': types[extname(t)] ?? 'application/octet-stream' }); res.end(body); return; } catch {}
  }
  res.writeHead(404); res.end();
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync','--disable-dev-shm-usage'] });
const [,, path, name, selector, waitMs] = process.argv;
for (const width of [1280, 390]) for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(Number(waitMs ?? 1500));
  const file = `/tmp/h5shots/${name}-${width}-${scheme}.png`;
  if (selector && selector.startsWith('tiles:')) {
    const [, sel, n] = selector.split(':');
    const top = sel === '-' ? 0 : await page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY - 60);
    for (let k = 0; k < Number(n); k++) {
      await page.evaluate((y) => window.scrollTo(0, y), top + k * 840);
      await page.waitForTimeout(300);
      await page.screenshot({ path: file.replace('.png', `-t${k}.png`) });
    }
  } else if (selector && selector !== '-') {
    const el = page.locator(selector).first();
    await el.scrollIntoViewIfNeeded();
    await el.screenshot({ path: file });
  } else await page.screenshot({ path: file, fullPage: true });
  console.log(file, errors.length ? errors : 'no errors');
  await page.close();
}
await browser.close(); server.close();
