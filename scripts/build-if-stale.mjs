#!/usr/bin/env node
// `prepack` of every public package: builds the package (`pnpm run build`) unless dist/ is newer
// than every input (src/, scripts/, tsdown.config.ts), so `pnpm pack` / `pnpm publish` never ship
// a package without its build, and a pack right after `pnpm build` costs nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Modification times of every file under `path` (a file or a directory). */
function mtimes(path) {
  if (!existsSync(path)) return [];
  const stat = statSync(path);
  if (!stat.isDirectory()) return [stat.mtimeMs];
  return readdirSync(path).flatMap((name) => mtimes(join(path, name)));
}

const inputs = ['src', 'scripts', 'tsdown.config.ts'].flatMap(mtimes);
const outputs = mtimes('dist');
const fresh = outputs.length > 0 && Math.min(...outputs) >= Math.max(...inputs);
if (fresh) {
  console.error('prepack: dist/ is up to date');
} else {
  console.error('prepack: building dist/');
  execFileSync('pnpm', ['run', 'build'], { stdio: 'inherit' });
}
