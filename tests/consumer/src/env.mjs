// Shared plumbing of the consumer tests: where the repository is, a scratch directory outside
// it, and running commands with the environment an outside user has (no pnpm or workspace
// variables, no workspace bin folders on PATH, no source export condition).
import { execFile } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Public packages, in dependency order, with their folders. */
export const PACKAGES = [
  ['@deepnets/core', 'packages/core'],
  ['@deepnets/regions', 'packages/regions'],
  ['@deepnets/trainer', 'packages/trainer'],
  ['@deepnets/worker', 'packages/worker'],
  ['@deepnets/widgets', 'packages/widgets'],
  ['deepnets-plugin-example', 'packages/plugin-example'],
  ['@deepnets/cli', 'apps/cli'],
].map(([name, dir]) => ({ name, dir: join(REPO, dir) }));

/** A fresh directory under the system temp folder (outside the workspace). */
export function scratch(prefix) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `deepnets-consumer-${prefix}-`)));
  if (dir.startsWith(REPO)) throw new Error(`scratch directory ${dir} is inside the workspace`);
  return dir;
}

/** process.env as an outside user would have it. */
export function outsideEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|TURBO_|INIT_CWD$|NODE_PATH$)/i.test(key)) continue;
    if (key === 'NODE_OPTIONS' && value.includes('@deepnets/source')) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.startsWith(REPO) && !dir.includes('node_modules'))
    .join(':');
  return {
    ...env,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/**
 * Runs a command; resolves { stdout, stderr, ms }, rejects with the command, exit code and the
 * end of stderr. `input` is written to stdin.
 */
export function run(cmd, args, { cwd, env = outsideEnv(), input, timeout = 240_000 } = {}) {
  const start = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      cmd,
      args,
      { cwd, env, timeout, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const ms = Math.round(performance.now() - start);
        if (error) {
          const tail = `${stderr}\n${stdout}`.trim().split('\n').slice(-25).join('\n');
          reject(new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed: ${error.message}\n${tail}`));
        } else resolvePromise({ stdout, stderr, ms });
      },
    );
    if (input !== undefined) child.stdin.end(input);
  });
}

/** `npm install` in `dir`, offline-first (the npm cache is shared between projects and runs). */
export function npmInstall(dir, specs = [], options = {}) {
  return run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs],
    {
      cwd: dir,
      ...options,
    },
  );
}

/** A loopback port that was free a moment ago (for the registry and Redis the tests start). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
