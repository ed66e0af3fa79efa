/**
 * End to end on a real Redis with real processes: 12 trials (scaled MNIST-1D random-labels models
 * and two-moons networks), 3 `sweep worker` processes, one SIGKILLed in the middle of a trial,
 * and a Redis restart while the sweep runs. Everything must finish, the killed trial must resume
 * from its stored checkpoint, and every trial's final weights and curve must equal those of a
 * local `sweep run` of the same spec. Needs the built CLI (`pnpm build`).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrialRecord } from './store.ts';
import { startTestRedis, type TestRedis } from './testing/redis-server.ts';

const BIN = fileURLToPath(new URL('../../../dist/bin.js', import.meta.url));
const run = promisify(execFile);
const cli = async (...args: string[]) =>
  (await run(process.execPath, [BIN, ...args], { timeout: 60_000 })).stdout;

const SPEC = [
  {
    experiment: 'random-labels',
    models: ['1x298', '2x100', '3x75', '4x63'],
    seeds: [1, 2],
    samples: 100,
    lr: 0.01,
    maxEpochs: 240,
    checkpointEvery: 30,
    curveEvery: 10,
  },
  {
    experiment: 'train',
    dataset: 'two-moons',
    hidden: ['8,8', 16],
    epochs: 300,
    lr: 0.01,
    seed: [1, 2],
    checkpointEvery: 40,
  },
];

const workers: ChildProcess[] = [];
let redis: TestRedis | undefined;

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await redis?.dispose();
});

/** Every stored record (`field: 'summary'`: without checkpoint and curve, cheap to poll). */
async function records(client: Redis, field: 'record' | 'summary' = 'record'): Promise<TrialRecord[]> {
  const ids = await client.smembers('deepnets:sweep:e2e:trials');
  const texts = await Promise.all(ids.map((id) => client.hget(`deepnets:sweep:e2e:trial:${id}`, field)));
  return texts.filter((t): t is string => t !== null).map((t) => JSON.parse(t) as TrialRecord);
}

async function until<T>(
  what: string,
  ms: number,
  probe: () => Promise<T | undefined>,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('deepnets sweep across worker processes (real Redis)', () => {
  it('survives a SIGKILLed worker and a Redis restart with bit-identical results', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-sweep-e2e-'));
    const spec = join(dir, 'spec.json');
    await writeFile(spec, JSON.stringify(SPEC));
    redis = await startTestRedis();
    const queue = ['--queue', redis.url, '--name', 'e2e'];
    const submitted = JSON.parse(await cli('sweep', 'run', spec, ...queue, '--json'));
    expect(submitted.trials).toHaveLength(12);
    expect(submitted.enqueued).toBe(12);

    for (let i = 0; i < 3; i++) {
      const w = spawn(process.execPath, [BIN, 'sweep', 'worker', ...queue, '--lock-ms', '1500'], {
        stdio: 'ignore',
      });
      workers.push(w);
    }
    const client = new Redis({
      port: redis.port,
      host: '127.0.0.1',
      maxRetriesPerRequest: null,
      lazyConnect: false,
    });
    client.on('error', () => undefined);
    try {
      // Kill the worker of a random-labels trial once it stored a checkpoint and is not done.
      const victim = await until(
        'a trial mid-way',
        60_000,
        async () =>
          (await records(client, 'summary')).find(
            (r) => r.status === 'running' && r.id.startsWith('rl-') && r.epoch >= 30 && r.epoch <= 180,
          ),
        5,
      );
      const pid = Number(victim.worker?.split(':').at(-1));
      const killed = workers.find((w) => w.pid === pid);
      expect(killed).toBeDefined();
      killed?.kill('SIGKILL');
      await new Promise((resolve) => killed?.once('exit', resolve));
      const stored = JSON.parse(
        (await client.hget(`deepnets:sweep:e2e:trial:${victim.id}`, 'record')) as string,
      ) as TrialRecord;
      expect(stored.status).toBe('running');

      // A Redis restart while the others work: nothing finished may be lost.
      const doneBefore = await until('three finished trials', 60_000, async () => {
        const done = (await records(client, 'summary')).filter((r) => r.status === 'done').map((r) => r.id);
        return done.length >= 3 ? done : undefined;
      });
      await redis.stop();
      await sleep(300);
      await redis.start();

      const all = await until('every trial done', 120_000, async () => {
        const rs = await records(client, 'summary');
        return rs.length === 12 && rs.every((r) => r.status === 'done') ? records(client) : undefined;
      });
      expect(all.map((r) => r.id)).toEqual(expect.arrayContaining(doneBefore));
      const resumedVictim = all.find((r) => r.id === victim.id) as TrialRecord;
      expect(resumedVictim.resumedFrom).toEqual([stored.epoch]);
      expect(stored.epoch % 30).toBe(0);
      expect(resumedVictim.worker).not.toBe(victim.worker);

      const again = JSON.parse(await cli('sweep', 'run', spec, ...queue, '--json'));
      expect(again.enqueued).toBe(0);
      const status = JSON.parse(await cli('sweep', 'status', spec, ...queue, '--json'));
      expect(status.counts).toEqual({ queued: 0, running: 0, done: 12, failed: 0 });

      // The same spec run locally in one go gives the same bits.
      const local = join(dir, 'local');
      await cli('sweep', 'run', spec, '--out', local, '--workers', '2', '--json');
      for (const r of all) {
        const mine = JSON.parse(await readFile(join(local, 'trials', `${r.id}.json`), 'utf8')) as TrialRecord;
        expect(r.state?.checkpoint.network, r.id).toEqual(mine.state?.checkpoint.network);
        expect(r.state?.curve, r.id).toEqual(mine.state?.curve);
      }
      const results = JSON.parse(
        await cli(
          'sweep',
          'results',
          spec,
          ...queue,
          '--curves',
          join(dir, 'c.json'),
          '--plot',
          join(dir, 'c.svg'),
          '--json',
        ),
      );
      const localResults = JSON.parse(await readFile(join(local, 'results.json'), 'utf8'));
      expect(results.trials).toEqual(localResults.trials);
      const curves = JSON.parse(await readFile(join(dir, 'c.json'), 'utf8'));
      expect(curves.groups).toHaveLength(6);
    } finally {
      client.disconnect();
    }
  }, 240_000);
});
