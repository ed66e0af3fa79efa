// A real npm registry for the round trip: Verdaccio 6.8.0 (a dev dependency) on a free loopback
// port with its storage in a temp directory. Packages we publish are served only from it;
// everything else is proxied from the npm registry npm is configured with.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort, outsideEnv, run } from './env.mjs';

const require = createRequire(import.meta.url);

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() > end) throw new Error(`Verdaccio did not answer ${url} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts Verdaccio in `dir`; resolves { url, npmrc, stop }, `npmrc` holding a publish token. */
export async function startRegistry(dir) {
  const uplink = (await run('npm', ['config', 'get', 'registry'])).stdout.trim();
  const port = await freePort();
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      `auth: { htpasswd: { file: ${join(dir, 'htpasswd')}, max_users: 10 } }`,
      // Verdaccio marks an uplink offline for fail_timeout after max_fails failed requests (default
      // 2 in 5 min) and then answers 404 for every package not yet cached: on a loaded machine two
      // slow packuments were enough (bullmq's is 3.5 MB). Retry instead.
      `uplinks: { upstream: { url: ${uplink}, timeout: 120s, max_fails: 20, fail_timeout: 2s } }`,
      'packages:',
      "  '@deepnets/*': { access: $all, publish: $authenticated }",
      "  'deepnets-plugin-*': { access: $all, publish: $authenticated }",
      "  '**': { access: $all, publish: $authenticated, proxy: upstream }",
      'web: { enable: false }',
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  const bin = join(require.resolve('verdaccio/package.json'), '..', 'bin', 'verdaccio');
  const child = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: outsideEnv(),
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  try {
    await waitFor(`${url}-/ping`, 120_000);
    const response = await fetch(`${url}-/user/org.couchdb.user:consumer`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'consumer', password: 'consumer-tests' }),
    });
    const { token } = await response.json();
    if (!token) throw new Error(`no token from Verdaccio (${response.status})`);
    const npmrc = join(dir, 'npmrc');
    writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    return { url, npmrc, stop, log: () => log };
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${log}`);
  }
}
