#!/usr/bin/env node
// The cost of the queue: per trial (enqueue, pick-up, status writes, completion) and per stored
// checkpoint, against a local `sweep run` of the same trials. Starts its own redis-server on a
// free loopback port (temp dir, append-only) and runs the built CLI in this process.
// msPerTrialQueue (submit to done, trivial trials, warm worker) bounds the queue's cost per trial;
// msPerTrialLocal also holds the pool start and the final files of a local run.
// Usage: node bench/sweep-overhead.mjs [--trials 40] [--repeat 3]
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { main } from '../dist/index.js';

const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TRIALS = flag('trials', 40);
const REPEAT = flag('repeat', 3);
const quiet = {
  stdout: () => {},
  stderr: () => {},
  readFile: (p) => import('node:fs/promises').then((f) => f.readFile(p, 'utf8')),
  writeFile: async () => {},
  isTTY: false,
};

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = s.address();
    s.close(() => resolve(free));
  });
});
const dir = await mkdtemp(join(tmpdir(), 'deepnets-bench-'));
const redis = spawn(
  'redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes'],
  { stdio: 'ignore' },
);
const url = `redis://127.0.0.1:${port}`;
const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null });
client.on('error', () => undefined); // until the server is up
for (let i = 0; i < 50 && (await client.ping().catch(() => null)) !== 'PONG'; i++) await sleep(100);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
let runs = 0;

async function spec(body) {
  const path = join(dir, `spec-${++runs}.json`);
  await writeFile(path, JSON.stringify(body));
  return path;
}

/** ms for a local run of the spec (1 worker thread). */
async function local(body) {
  const path = await spec(body);
  const t0 = performance.now();
  const code = await main(['sweep', 'run', path, '--out', join(dir, `out-${runs}`), '--workers', '1'], quiet);
  if (code !== 0) throw new Error('local run failed');
  return performance.now() - t0;
}

/** ms from submitting the spec to every trial done, with one in-process worker. */
async function queued(body, count) {
  const path = await spec(body);
  const name = `bench-${runs}`;
  const stop = new AbortController();
  const worker = main(['sweep', 'worker', '--queue', url, '--name', name], { ...quiet, signal: stop.signal });
  await sleep(500); // the worker is up and waiting
  const t0 = performance.now();
  if ((await main(['sweep', 'run', path, '--queue', url, '--name', name], quiet)) !== 0)
    throw new Error('submit failed');
  for (;;) {
    const done = await client.eval(
      "local n = 0 for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do if redis.call('HGET', KEYS[2] .. id, 'status') == 'done' then n = n + 1 end end return n",
      2,
      `deepnets:sweep:${name}:trials`,
      `deepnets:sweep:${name}:trial:`,
    );
    if (done === count) break;
    await sleep(5);
  }
  const ms = performance.now() - t0;
  stop.abort();
  await worker;
  return ms;
}

// Per trial: trivial trials (one epoch of a 2-4-2 network), so the time is all overhead.
const trivial = {
  experiment: 'train',
  dataset: 'two-moons',
  hidden: 4,
  epochs: 1,
  samples: 20,
  lr: 0.01,
  seed: Array.from({ length: TRIALS }, (_, i) => i),
};
// Per checkpoint: one 4x63 random-labels trial of 200 epochs, a checkpoint every epoch or only at the end.
const ckpt = (every) => ({
  experiment: 'random-labels',
  models: '4x63',
  samples: 400,
  lr: 1e-6,
  maxEpochs: 200,
  checkpointEvery: every,
  curveEvery: 10,
});

/**
 * ms from SIGKILL of the worker process that trains a trial to another worker process resuming
 * it (its record names the new worker), with the given --lock-ms.
 */
async function recovery(lockMs) {
  const path = await spec({
    experiment: 'random-labels',
    models: '4x63',
    samples: 400,
    lr: 1e-6,
    maxEpochs: 100000,
    checkpointEvery: 100,
    seed: runs,
  });
  const name = `recover-${runs}`;
  const bin = new URL('../dist/bin.js', import.meta.url).pathname;
  const args = ['sweep', 'worker', '--queue', url, '--name', name, '--lock-ms', String(lockMs)];
  const workers = [0, 1].map(() => spawn(process.execPath, [bin, ...args], { stdio: 'ignore' }));
  await main(['sweep', 'run', path, '--queue', url, '--name', name], quiet);
  const record = async () => {
    const [id] = await client.smembers(`deepnets:sweep:${name}:trials`);
    const text = id && (await client.hget(`deepnets:sweep:${name}:trial:${id}`, 'record'));
    return text ? JSON.parse(text) : null;
  };
  let r = await record();
  while (!(r?.status === 'running' && r.epoch >= 100)) {
    await sleep(20);
    r = await record();
  }
  const victim = workers.find((w) => r.worker.endsWith(`:${w.pid}`));
  const t0 = performance.now();
  victim.kill('SIGKILL');
  while (!((r = await record()) && r.resumedFrom.length > 0 && !r.worker.endsWith(`:${victim.pid}`)))
    await sleep(20);
  const ms = performance.now() - t0;
  for (const w of workers) w.kill('SIGKILL');
  return { lockMs, ms, resumedFrom: r.resumedFrom };
}

const rows = { localTrial: [], queueTrial: [], localCkpt: [], queueCkpt: [] };
for (let r = 0; r < REPEAT; r++) {
  rows.localTrial.push((await local(trivial)) / TRIALS);
  rows.queueTrial.push((await queued(trivial, TRIALS)) / TRIALS);
  rows.localCkpt.push(((await local(ckpt(1))) - (await local(ckpt(1000)))) / 199);
  rows.queueCkpt.push(((await queued(ckpt(1), 1)) - (await queued(ckpt(1000), 1))) / 199);
}
const recoveries = [await recovery(30_000), await recovery(5000)];
const result = {
  trials: TRIALS,
  repeat: REPEAT,
  msPerTrialLocal: median(rows.localTrial),
  msPerTrialQueue: median(rows.queueTrial),
  msPerCheckpointDir: median(rows.localCkpt),
  msPerCheckpointRedis: median(rows.queueCkpt),
  recoveries,
  samples: rows,
};
console.log(JSON.stringify(result, null, 1));
client.disconnect();
redis.kill('SIGTERM');
await new Promise((r) => redis.once('exit', r));
await rm(dir, { recursive: true, force: true });
