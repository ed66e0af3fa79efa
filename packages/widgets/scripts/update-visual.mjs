#!/usr/bin/env node
/**
 * Rewrites the visual-regression references of every widget (src/visual/__screenshots__) from the
 * current code, then copies the 1280 px light screenshots to docs/public/images/widgets/NAME.png
 * for the READMEs. The widgets whose point needs a worker (approximation trained, region-slices
 * with a plane counted) are then shot once more with a worker (src/visual/gallery.browser.test.ts,
 * VITE_GALLERY=1) and those images replace theirs in the gallery. Look at the new PNGs (git diff
 * shows which changed) before committing them.
 *
 *   pnpm --filter @deepnets/widgets visual:update            # every widget
 *   pnpm --filter @deepnets/widgets visual:update -- -t notation   # one widget
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const references = join(here, 'src/visual/__screenshots__/visual.browser.test.ts');
const images = join(here, '../../docs/public/images/widgets');

execFileSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--project',
    'chromium',
    'src/visual/visual.browser.test.ts',
    '-u',
    ...process.argv.slice(2),
  ],
  { cwd: here, stdio: 'inherit' },
);
mkdirSync(images, { recursive: true });
for (const file of readdirSync(references)) {
  const match = /^(.+)-1280-light-chromium-linux\.png$/.exec(file);
  if (match) copyFileSync(join(references, file), join(images, `${match[1]}.png`));
}
const gallery = join(here, 'src/visual/__gallery__');
execFileSync(
  'pnpm',
  ['exec', 'vitest', 'run', '--project', 'chromium', 'src/visual/gallery.browser.test.ts'],
  {
    cwd: here,
    stdio: 'inherit',
    env: { ...process.env, VITE_GALLERY: '1' },
  },
);
for (const file of existsSync(gallery) ? readdirSync(gallery) : []) {
  if (file.endsWith('.png')) copyFileSync(join(gallery, file), join(images, file));
}
console.log(`references in ${references}, README images in ${images}`);
