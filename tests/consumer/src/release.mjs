// The release flow on a temporary clone: `changeset version`, then `pnpm publish -r --dry-run`
// against a given registry, and a pack of an unbuilt package (its prepack must build it).
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { outsideEnv, PACKAGES, REPO, run } from './env.mjs';

/** Clones the committed repository to `dir`, reusing the workspace's tools and builds. */
export async function cloneForRelease(dir) {
  await run('git', ['clone', '--quiet', '--no-hardlinks', REPO, dir]);
  // The tools (changesets, tsdown) come from the workspace; dist/ folders too, so prepack sees
  // fresh builds (changeset version only edits package.json files and changelogs).
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  for (const { dir: pkg } of PACKAGES) {
    cpSync(join(pkg, 'dist'), join(dir, relative(REPO, pkg), 'dist'), { recursive: true });
  }
  return dir;
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
  const env = { ...outsideEnv(), PATH: process.env.PATH };
  const { stdout, stderr } = await run(
    'pnpm',
    ['publish', '-r', '--dry-run', '--no-git-checks', `--registry=${registry}`, '--report-summary'],
    { cwd: clone, env },
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
  const env = { ...outsideEnv(), PATH: process.env.PATH };
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', dest], { cwd: core, env });
  return stdout.trim().split('\n').at(-1).trim();
}
