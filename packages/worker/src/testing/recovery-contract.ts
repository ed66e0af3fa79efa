/**
 * Dying workers and the pool, in Node and in Chromium: a killed worker rejects the jobs it held
 * with `WorkerDiedError`, the runner (and the pool) start fresh workers, nothing hangs; the pool
 * gives the numbers of the main thread.
 */
import { AbortError } from '@deepnets/core';
import { hyperparameterSearch, train } from '@deepnets/trainer';
import { describe, expect, it } from 'vitest';
import { WorkerDiedError } from '../errors.ts';
import { createPool } from '../pool.ts';
import { createRunner } from '../runner.ts';
import type { Harness } from './contract.ts';
import { bitsOf, failure, slowTraining, smallTraining, until } from './fixtures.ts';

export function recoveryContract(harness: Harness): void {
  describe('a worker that dies', () => {
    it('rejects the jobs it held with WORKER_DIED; the runner starts a fresh worker', async () => {
      const { createWorker, kill } = harness.killable();
      const runner = await createRunner({ createWorker });
      try {
        let last = 0;
        const held = [
          runner.api.train({
            ...slowTraining(100_000),
            throttleMs: 0,
            onEpoch: (m) => void (last = m.epoch),
          }),
          runner.api.train(slowTraining(100_000)),
        ];
        const settled = held.map(failure);
        await until(() => last >= 2);
        kill(0);
        for (const job of settled) {
          const error = (await job) as WorkerDiedError;
          expect(error).toBeInstanceOf(WorkerDiedError);
          expect(error.code).toBe('WORKER_DIED');
          expect(error.message).toMatch(/worker died/);
        }
        expect(await runner.api.ping('again')).toBe('again');
        expect(runner.started).toBe(2);
        expect(bitsOf(await runner.api.train(smallTraining()))).toEqual(bitsOf(await train(smallTraining())));
      } finally {
        await runner.terminate();
      }
    });

    it('after terminate(), pending and new calls reject instead of hanging', async () => {
      const runner = await createRunner({ createWorker: harness.killable().createWorker });
      const pending = runner.api.train(slowTraining(100_000));
      const settled = failure(pending);
      await runner.api.ping('started');
      await runner.terminate();
      expect(await settled).toMatchObject({ code: 'WORKER_DIED' });
      await expect(runner.api.ping('late')).rejects.toMatchObject({ code: 'WORKER_DIED' });
    });
  });

  describe('createPool', () => {
    it('spreads a search over its workers with the rows of an in-thread search', async () => {
      const pool = await createPool({ size: 2, createWorker: harness.killable().createWorker });
      try {
        const options = {
          data: smallTraining().data,
          space: { depth: [1, 2], width: [4, 8], learningRate: [0.05] },
          strategy: 'grid' as const,
          training: { epochs: 3, optimizer: 'adam' },
          seed: 9,
        };
        const remote = await pool.api.hyperparameterSearch(options);
        const local = await hyperparameterSearch(options);
        const strip = (rows: typeof local.rows) => rows.map(({ ms: _ms, ...row }) => row);
        expect(bitsOf(strip(remote.rows))).toEqual(bitsOf(strip(local.rows)));
        expect(remote.best.trial).toBe(local.best.trial);
      } finally {
        await pool.terminate();
      }
    });

    it('queues calls when every worker is busy; an abort while queued rejects at once', async () => {
      const pool = await createPool({ size: 1, createWorker: harness.killable().createWorker });
      try {
        const busy = new AbortController();
        const running = failure(pool.api.train({ ...slowTraining(100_000), signal: busy.signal }));
        const queued = new AbortController();
        const waiting = pool.api.ping('queued');
        const dropped = failure(pool.api.train({ ...smallTraining(), signal: queued.signal }));
        queued.abort();
        expect(await dropped).toBeInstanceOf(AbortError);
        busy.abort();
        expect(await running).toBeInstanceOf(AbortError);
        expect(await waiting).toBe('queued');
      } finally {
        await pool.terminate();
      }
    });

    it('recovers from a killed worker and runs independent jobs in parallel', async () => {
      const { createWorker, kill } = harness.killable();
      const pool = await createPool({ size: 2, createWorker });
      try {
        let last = 0;
        const doomed = pool.api.train({
          ...slowTraining(100_000),
          throttleMs: 0,
          onEpoch: (m) => void (last = m.epoch),
        });
        const settled = failure(doomed);
        await until(() => last >= 2);
        kill(0);
        expect(await settled).toBeInstanceOf(WorkerDiedError);
        const jobs = [1, 2, 3, 4].map((seed) => smallTraining({ seed, epochs: 6 }));
        const results = await Promise.all(jobs.map((job) => pool.api.train(job)));
        const local = await Promise.all(jobs.map((job) => train(job)));
        expect(bitsOf(results)).toEqual(bitsOf(local));
      } finally {
        await pool.terminate();
      }
    });
  });
}
