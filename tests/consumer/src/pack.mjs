// Packs every public package once (`pnpm pack`, which runs each package's prepack build) and
// reads what a tarball really ships, for the release checks.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { PACKAGES, REPO, run } from './env.mjs';

/** Packs each public package into `dest`; returns { name, file, bytes } in dependency order. */
export async function packAll(dest) {
  mkdirSync(dest, { recursive: true });
  // pnpm packs (it rewrites workspace: ranges and applies publishConfig), in parallel.
  return Promise.all(
    PACKAGES.map(async ({ name, dir }) => {
      const { stdout } = await run('pnpm', ['pack', '--pack-destination', dest], { cwd: dir });
      const file = stdout.trim().split('\n').at(-1).trim();
      return { name, file, bytes: statSync(file).size };
    }),
  );
}

/** Extracts a tarball into `dir` (its files land in `dir/package`). */
export async function extract(file, dir) {
  mkdirSync(dir, { recursive: true });
  await run('tar', ['xzf', file, '-C', dir]);
  return join(dir, 'package');
}

function listFiles(root, prefix = '') {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, path) : [path];
  });
}

/** Every string target of an exports / bin map. */
function targets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

/**
 * Problems a user would hit with the extracted package in `root`: missing LICENSE or build,
 * exports or bins naming missing files, dangling source-map comments, the dev-only source
 * condition, unresolved workspace: ranges, example repository URLs.
 */
export function tarballProblems(root, rootLicense) {
  const files = new Set(listFiles(root));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const problems = [];
  if (!files.has('LICENSE')) problems.push('no LICENSE');
  else if (readFileSync(join(root, 'LICENSE'), 'utf8') !== rootLicense)
    problems.push('LICENSE is not the MIT text of the root');
  if (!files.has('README.md')) problems.push('no README.md');
  if (![...files].some((f) => f.startsWith('dist/'))) problems.push('no dist/ (unbuilt)');
  for (const target of [...targets(pkg.exports), ...targets(pkg.bin), pkg.types].filter(Boolean)) {
    const path = posix.normalize(target);
    if (!files.has(path)) problems.push(`"${target}" is named in package.json but not shipped`);
  }
  for (const file of files) {
    if (!/\.(m?js|d\.ts)$/.test(file)) continue;
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(/[#@] sourceMappingURL=(\S+)/g)) {
      const map = posix.join(posix.dirname(file), match[1]);
      if (!match[1].startsWith('data:') && !files.has(map))
        problems.push(`${file} names ${match[1]}, not shipped`);
    }
  }
  if (manifest.includes('@deepnets/source'))
    problems.push('package.json shows the @deepnets/source condition');
  if (manifest.includes('workspace:')) problems.push('package.json has a workspace: range');
  if (manifest.includes('example.invalid')) problems.push('package.json names example.invalid');
  if (pkg.publishConfig?.access !== 'public') problems.push('publishConfig.access is not public');
  return problems;
}

export const rootLicense = () => readFileSync(join(REPO, 'LICENSE'), 'utf8');
