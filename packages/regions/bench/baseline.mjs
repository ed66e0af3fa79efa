// Builds @deepnets/regions as of git revision REV (default: main) into node_modules/.baseline/REV/dist,
// for `node bench/plane.mjs --baseline node_modules/.baseline/REV/dist` (both builds timed in one run).
// Usage inside packages/regions: node bench/baseline.mjs [REV]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const rev = process.argv[2] ?? 'main';
const git = (...args) => execFileSync('git', args, { cwd: pkg, encoding: 'utf8', maxBuffer: 1 << 26 });
const sha = git('rev-parse', '--short', rev).trim();
const out = join(pkg, 'node_modules', '.baseline', rev.replaceAll('/', '_'));
rmSync(out, { recursive: true, force: true });
for (const file of git('ls-tree', '-r', '--name-only', rev, '--', 'src').split('\n').filter(Boolean)) {
  const rel = file.slice(file.indexOf('src/'));
  mkdirSync(dirname(join(out, rel)), { recursive: true });
  writeFileSync(join(out, rel), git('show', `${rev}:packages/regions/${rel}`));
}
// inside packages/regions/node_modules, so the build resolves @deepnets/core like dist/ does
execFileSync(
  join(pkg, '../../node_modules/.bin/tsdown'),
  [
    'src/index.ts',
    '--no-config',
    '--format',
    'esm',
    '--platform',
    'neutral',
    '--out-dir',
    'dist',
    '--silent',
  ],
  { cwd: out, stdio: 'inherit' },
);
console.log(`built @deepnets/regions at ${rev} (${sha}) into ${out}`);
