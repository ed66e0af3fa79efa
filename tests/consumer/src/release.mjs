// The release flow on a temporary clone: `changeset version`, then `pnpm publish -r --dry-run`
// against a given registry, and a pack of an unbuilt package (its prepack must build it).
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGES, REPO, run } from './env.mjs';

/**
 * Clones the committed repository to `dir` and installs it as the README says
 * (`pnpm install --frozen-lockfile`, offline from the pnpm store). Returns what
 * `pnpm exec deepnets help` said before the build (the bin must be linked already).
 */
export async function cloneAndInstall(dir) {
  await run('git', ['clone', '--quiet', '--no-hardlinks', REPO, dir]);
  await run('pnpm', ['install', '--frozen-lockfile', '--offline'], { cwd: dir });
  const beforeBuild = await run('pnpm', ['exec', 'deepnets', 'help'], { cwd: dir }).catch((error) => error);
  return { dir, beforeBuild };
}

/**
 * Stands in for `pnpm build` in the clone: the workspace's fresh dist/ folders, copied (the same
 * sources, already built by turbo), so prepack finds them up to date.
 */
export function copyBuilds(clone) {
  for (const { dir: pkg } of PACKAGES) {
    cpSync(join(pkg, 'dist'), join(clone, relative(REPO, pkg), 'dist'), { recursive: true });
  }
}

export const manifest = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** Runs `changeset version` in the clone; returns { name: version } of every public package. */
export async function changesetVersion(clone) {
  await run(process.execPath, [join(REPO, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: clone });
  return Object.fromEntries(
    PACKAGES.map(({ name, dir }) => [name, manifest(join(clone, relative(REPO, dir)))]),
  );
}

/** `pnpm publish -r --dry-run` in the clone against `registry`; returns its output. */
export async function publishDryRun(clone, registry) {
  const { stdout, stderr } = await run(
    'pnpm',
    ['publish', '-r', '--dry-run', '--no-git-checks', `--registry=${registry}`, '--report-summary'],
    { cwd: clone },
  );
  const summary = join(clone, 'pnpm-publish-summary.json');
  return {
    output: `${stdout}\n${stderr}`,
    summary: existsSync(summary) ? JSON.parse(readFileSync(summary, 'utf8')) : undefined,
  };
}

/** Deletes core's dist/ in the clone and packs it: the tarball must still hold the build. */
export async function packUnbuilt(clone, dest) {
  const core = join(clone, 'packages/core');
  rmSync(join(core, 'dist'), { recursive: true, force: true });
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', dest], { cwd: core });
  return stdout.trim().split('\n').at(-1).trim();
}
