// The temporary projects of the consumer suite, each made as an outside user makes it.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmInstall, outsideEnv, REPO, run, scratch } from './env.mjs';

export const GUIDE = join(REPO, 'docs/plugins/examples');
export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

function emptyProject(prefix) {
  const dir = scratch(prefix);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-${prefix}`, private: true, type: 'module' }),
  );
  return dir;
}

/**
 * The plugin guide's package (docs/plugins/examples/kink) copied out of the repository, its
 * dev dependencies installed with npm (deepnets from the tarballs), packed (prepack builds it
 * with tsc). Returns { dir, tarball }.
 */
export async function buildGuidePlugin(tarballs) {
  const dir = scratch('kink');
  cpSync(join(GUIDE, 'kink'), dir, { recursive: true });
  await npmInstall(
    dir,
    tarballs.map((t) => t.file),
  );
  const { stdout } = await run('npm', ['pack', '--silent'], { cwd: dir });
  return { dir, tarball: join(dir, stdout.trim().split('\n').at(-1)) };
}

/** A Node ESM + Vite project with every tarball, TypeScript and Vite from the npm registry. */
export async function installApp(tarballs) {
  const dir = emptyProject('app');
  await npmInstall(dir, [...tarballs.map((t) => t.file), 'typescript@~6.0.3', 'vite@~8.3.8']);
  return dir;
}

/** Publishes every tarball to the registry (in parallel). */
export function publishAll(tarballs, registry) {
  const env = outsideEnv({ npm_config_userconfig: registry.npmrc });
  return Promise.all(
    tarballs.map(({ file }) => run('npm', ['publish', file, '--registry', registry.url], { env })),
  );
}

/** A fresh project that installs the packages by name from the registry. */
export async function installFromRegistry(names, registry) {
  const dir = emptyProject('fresh');
  await npmInstall(dir, [...names, '--registry', registry.url]);
  return dir;
}

/** The integrity string npm records for a tarball file. */
export const integrityOf = (file) =>
  `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;

/** A network file y = a[a[x]] with one unit per layer: the activation applied once. */
export function writeActivationNet(file, activation) {
  const layer = { weights: [[1]], biases: [0] };
  writeFileSync(file, JSON.stringify({ format: 'deepnets.network/v1', activation, layers: [layer, layer] }));
  return file;
}
