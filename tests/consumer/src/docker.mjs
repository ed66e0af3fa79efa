// apps/cli/Dockerfile without a Docker engine (this machine has only the client): its stages are
// read from the file itself and replayed on the host in scratch folders, so a change to the
// Dockerfile is what the test runs. The build stage's RUN steps run on a committed-files copy of
// the repository minus what Dockerfile.dockerignore leaves out; the final stage gets only the
// folder the build stage copied over, and its ENTRYPOINT is started from there. What the replay
// cannot check: the base image itself (node:20-slim is the Node 20 this test runs on) and USER.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, outsideEnv, REPO, run, scratch } from './env.mjs';

const DOCKERFILE = join(REPO, 'apps/cli/Dockerfile');

/**
 * The Dockerfile as stages of instructions: comments dropped, `\`-continued lines joined.
 * @returns {{ from: string, name?: string, steps: { op: string, arg: string }[] }[]}
 */
export function readDockerfile(text = readFileSync(DOCKERFILE, 'utf8')) {
  const lines = text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = [];
  for (const line of lines) {
    const [, op, arg] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (op === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(arg) ?? [];
      stages.push({ from, name, steps: [] });
    } else if (stages.length === 0) throw new Error(`Dockerfile: ${op} before the first FROM`);
    else stages.at(-1).steps.push({ op, arg });
  }
  return stages;
}

/** Paths of the build context the .dockerignore removes (plain folder names and `**` globs). */
function ignoredPaths() {
  return readFileSync(`${DOCKERFILE}.dockerignore`, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('**/'));
}

/**
 * Replays both stages. Returns `{ image, entrypoint, pnpm }`: the final stage's root folder (only
 * what `COPY --from` put there), the ENTRYPOINT with its paths inside that folder, and the pnpm
 * version the build stage installs.
 */
export async function replayDockerfile() {
  const [build, final] = readDockerfile();
  const context = join(scratch('docker-context'), 'src');
  const buildRoot = scratch('docker-build');
  const image = scratch('docker-image');
  await run('git', ['clone', '--quiet', '--no-hardlinks', REPO, context]);
  for (const path of ignoredPaths()) rmSync(join(context, path), { recursive: true, force: true });
  const inBuild = (path) => path.replace(/(^|\s)\/(?=[a-z])/g, `$1${buildRoot}/`);

  let pnpm;
  for (const { op, arg } of build.steps) {
    if (op === 'RUN' && /^npm install -g pnpm@/.test(arg)) pnpm = arg.split('@').at(-1);
    else if (op === 'RUN') await run('sh', ['-c', inBuild(arg)], { cwd: context, timeout: 480_000 });
    else if (!['WORKDIR', 'COPY'].includes(op)) throw new Error(`build stage: ${op} is not replayed`);
  }
  let entrypoint;
  for (const { op, arg } of final.steps) {
    if (op === 'COPY') {
      const [, stage, from, to] = /^--from=(\S+)\s+(\S+)\s+(\S+)$/.exec(arg) ?? [];
      if (stage !== build.name) throw new Error(`final stage copies from ${arg}, not from the build stage`);
      cpSync(join(buildRoot, from), join(image, to), { recursive: true, verbatimSymlinks: true });
    } else if (op === 'ENTRYPOINT') {
      entrypoint = JSON.parse(arg).map((part) => (part.startsWith('/') ? join(image, part) : part));
    }
  }
  rmSync(context, { recursive: true, force: true });
  rmSync(buildRoot, { recursive: true, force: true });
  return { image, entrypoint, pnpm };
}

/** A real redis-server on a free loopback port with a password; `stop()` ends it. */
export async function startRedis(password) {
  const port = await freePort();
  const dir = scratch('docker-redis');
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--requirepass', password],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  for (let i = 0; i < 100 && !log.includes('Ready to accept'); i++) await sleep(100);
  if (!log.includes('Ready to accept')) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not start: ${log.slice(-400)}`);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Starts the image's ENTRYPOINT with `args`, as `docker run IMAGE ARGS` would. */
export function startContainer({ entrypoint }, args, env) {
  const [cmd, ...rest] = entrypoint;
  const child = spawn(cmd === 'node' ? process.execPath : cmd, [...rest, ...args], {
    env: outsideEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}
