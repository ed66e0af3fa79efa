/**
 * `deepnets sweep worker --queue redis://HOST:PORT [--concurrency N] [--store DIR] [--lock-ms MS]`:
 * pulls trials from the queue and trains them on a pool of N worker threads, storing every
 * checkpoint (Redis by default). BullMQ's lock on a job is renewed every MS/2 while the trial
 * trains; when a worker dies the lock lapses after MS and a stalled-job check of another worker
 * (every MS/2; a job is moved at the second check that finds it unlocked) puts the trial back in
 * the queue, where a worker resumes it from its stored checkpoint. Ctrl-C or SIGTERM: the running trials store a checkpoint and go back to the
 * queue at once.
 */
import { AbortError } from '@deepnets/core';
import { type PlannedTrial, trialId } from '@deepnets/trainer';
import { createPool } from '@deepnets/worker';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import { integerFlag } from '../../args.ts';
import { type Command, UsageError } from '../../command.ts';
import { executeTrial, WORKER_NAME } from './execute.ts';
import {
  closeWhenReady,
  connectionOptions,
  openQueueContext,
  openStore,
  type TrialJobData,
} from './queue.ts';
import { redactError } from './redis-url.ts';

/** A job's trial, checked: its id must be the hash of its settings. */
function trialOf(job: Job<TrialJobData>): PlannedTrial {
  const trial = job.data?.trial;
  if (
    !trial ||
    typeof trial.settings !== 'object' ||
    trialId(trial.settings) !== trial.id ||
    job.id !== trial.id
  )
    throw new UnrecoverableError(`job ${job.id} does not hold a trial whose id matches its settings`);
  return trial;
}

export const sweepWorkerCommand: Command = {
  path: ['sweep', 'worker'],
  summary: 'Train queued sweep trials (any number of machines); checkpoints go to Redis or --store DIR.',
  usage:
    'deepnets sweep worker --queue redis://HOST:PORT [--name NAME] [--concurrency N] [--store DIR] [--lock-ms MS] [--json]',
  run: async (args, io) => {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const concurrency = integerFlag(args, 'concurrency', { fallback: 1, min: 1, max: 64 }) as number;
    const lockMs = integerFlag(args, 'lock-ms', { fallback: 30_000, min: 500 }) as number;
    const ctx = await openQueueContext(args);
    const store = openStore(ctx, args, true);
    const pool = await createPool({ size: concurrency });
    const running = new Map<string, AbortController>();
    let stopping = false;
    let trained = 0;
    const worker = new Worker<TrialJobData>(
      ctx.name,
      async (job, token) => {
        const trial = trialOf(job);
        const controller = new AbortController();
        running.set(trial.id, controller);
        try {
          const record = await executeTrial(pool, trial, store, { signal: controller.signal });
          trained++;
          io.stderr(
            `${trial.id} ${record.status} at epoch ${record.epoch}${record.reason ? `: ${record.reason}` : ''}\n`,
          );
          if (record.status === 'failed') throw new UnrecoverableError(record.reason ?? 'failed');
          return { epoch: record.epoch };
        } catch (error) {
          if (!(error instanceof AbortError || (error as { code?: string }).code === 'ABORTED') || !token)
            throw error;
          await job.moveToDelayed(Date.now(), token);
          throw new DelayedError();
        } finally {
          running.delete(trial.id);
        }
      },
      {
        connection: connectionOptions(ctx, true),
        concurrency,
        lockDuration: lockMs,
        stalledInterval: Math.max(250, Math.round(lockMs / 2)),
        maxStalledCount: 1000,
        autorun: false,
      },
    );
    let lastError = 0;
    worker.on('error', (error) => {
      if (Date.now() - lastError < 5000) return;
      lastError = Date.now();
      io.stderr(`deepnets sweep worker: ${redactError(error, ctx.target)} (retrying)\n`);
    });
    const stop = () => {
      if (stopping) return;
      stopping = true;
      for (const c of running.values()) c.abort();
      closeWhenReady(worker).catch((error: unknown) =>
        io.stderr(`deepnets sweep worker: ${redactError(error, ctx.target)}
`),
      );
    };
    io.signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGTERM', stop);
    io.stderr(
      `worker ${WORKER_NAME} on queue "${ctx.name}" at ${ctx.target.shown}, ${concurrency} at a time\n`,
    );
    try {
      await worker.run();
    } finally {
      process.removeListener('SIGTERM', stop);
      await pool.terminate();
      await store.close();
    }
    return { worker: WORKER_NAME, trained };
  },
};
