/**
 * `deepnets sweep run SPEC.json --out DIR [--workers N] [--resume]`: trains every trial of the
 * spec on this machine's worker pool (N worker threads, default: one per core), writing each
 * trial's latest checkpoint to `DIR/trials/ID.json` every `checkpointEvery` epochs; `--resume`
 * continues after Ctrl-C or a crash. At the end: `DIR/results.json` (the printed report),
 * `DIR/curves.json` and `DIR/curves.svg` (seed bands).
 *
 * `deepnets sweep run SPEC.json --queue redis://HOST:PORT [--name N] [--wait]`: adds the trials to
 * the BullMQ queue instead (idempotent) for `sweep worker` processes on any machine; `--wait`
 * follows them until every trial is done or failed.
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { AbortError } from '@deepnets/core';
import type { PlannedTrial } from '@deepnets/trainer';
import { createPool } from '@deepnets/worker';
import { integerFlag, stringFlag } from '../../args.ts';
import { type Command, type CommandIO, type ParsedArgs, UsageError } from '../../command.ts';
import { executeTrial } from './execute.ts';
import { sweepProgress } from './progress.ts';
import { closeWhenReady, enqueueTrials, openQueue, openQueueContext, openStore } from './queue.ts';
import { reportOf, type SweepReport, writeCurves } from './report.ts';
import { plannedTrials } from './spec-file.ts';
import { dirStore, type TrialStore, writeFileAtomic } from './store.ts';
import { waitForTrials } from './wait.ts';

/** Runs `trials` on a pool of `workers` threads, `workers` at a time. */
async function runLocal(
  trials: readonly PlannedTrial[],
  store: TrialStore,
  workers: number,
  io: CommandIO,
): Promise<void> {
  const records = await Promise.all(trials.map((t) => store.summary(t.id)));
  const todo = trials.filter((_, i) => records[i]?.status !== 'done' && records[i]?.status !== 'failed');
  const view = sweepProgress(todo, io);
  const pool = await createPool({ size: Math.max(1, Math.min(workers, todo.length)) });
  const next = [...todo];
  try {
    await Promise.all(
      Array.from({ length: pool.size }, async () => {
        for (let trial = next.shift(); trial; trial = next.shift()) {
          const id = trial.id;
          const record = await executeTrial(pool, trial, store, {
            ...(io.signal ? { signal: io.signal } : {}),
            onEpoch: (m) => view.epoch(id, m.epoch),
          });
          view.finished(id, record.status, record.epoch, record.reason);
        }
      }),
    );
  } finally {
    view.close();
    await pool.terminate();
  }
  if (io.signal?.aborted) throw new AbortError('the sweep was interrupted; continue with --resume');
}

async function runInDirectory(args: ParsedArgs, io: CommandIO, trials: PlannedTrial[]): Promise<SweepReport> {
  const out = stringFlag(args, 'out');
  if (out === undefined)
    throw new UsageError('--out DIR (local run) or --queue redis://HOST:PORT is required');
  const workers = integerFlag(args, 'workers', {
    fallback: availableParallelism(),
    min: 1,
    max: 256,
  }) as number;
  const store = dirStore(out);
  const started = (await Promise.all(trials.map((t) => store.summary(t.id)))).filter((r) => r !== null);
  if (started.length > 0 && args.flags.resume !== true)
    throw new UsageError(
      `${out} already holds ${started.length} trials of this sweep; add --resume to continue them`,
    );
  const t0 = performance.now();
  await mkdir(out, { recursive: true });
  await writeFileAtomic(join(out, 'plan.jsonl'), trials.map((t) => `${JSON.stringify(t)}\n`).join(''));
  await runLocal(trials, store, workers, io);
  const records = (await Promise.all(trials.map((t) => store.load(t.id)))).filter((r) => r !== null);
  await writeCurves(records, join(out, 'curves.json'), join(out, 'curves.svg'));
  const report = reportOf(trials, records, Math.round(performance.now() - t0));
  await writeFileAtomic(join(out, 'results.json'), JSON.stringify(report));
  return report;
}

async function runOnQueue(args: ParsedArgs, io: CommandIO, trials: PlannedTrial[]) {
  const t0 = performance.now();
  const ctx = await openQueueContext(args);
  const store = openStore(ctx, args, false);
  const queue = openQueue(ctx);
  try {
    const enqueued = await enqueueTrials(queue, store, trials);
    io.stderr(
      `added ${enqueued.length} of ${trials.length} trials to queue "${ctx.name}" at ${ctx.target.shown}\n`,
    );
    if (args.flags.wait === true) await waitForTrials(queue, store, trials, io);
    const records = (await Promise.all(trials.map((t) => store.load(t.id)))).filter((r) => r !== null);
    return { ...reportOf(trials, records, Math.round(performance.now() - t0)), enqueued: enqueued.length };
  } finally {
    await closeWhenReady(queue);
    await store.close();
  }
}

export const sweepRunCommand: Command = {
  path: ['sweep', 'run'],
  summary: 'Run a sweep: on the local worker pool (--out DIR, --resume) or via a Redis queue (--queue URL).',
  usage:
    'deepnets sweep run SPEC.json (--out DIR [--workers N] [--resume] | --queue redis://HOST:PORT [--name NAME] [--store DIR] [--wait]) [--json]',
  run: async (args, io) => {
    const trials = await plannedTrials(args, io);
    if (args.flags.queue !== undefined) return runOnQueue(args, io, trials);
    return runInDirectory(args, io, trials);
  },
  human: (result) => {
    const r = result as SweepReport & { enqueued?: number };
    const lines = r.trials.map(
      (t) =>
        `${t.id}  ${t.status.padEnd(7)} epoch ${String(t.epochs).padStart(7)}` +
        (t.epochsTo100 ? `  100% at ${t.epochsTo100}` : '') +
        (t.final.loss === null ? '' : `  loss ${t.final.loss.toPrecision(4)}`) +
        (t.final.accuracy === undefined ? '' : `  accuracy ${(100 * t.final.accuracy).toFixed(1)}%`) +
        (t.reason ? `  (${t.reason})` : ''),
    );
    const head =
      r.enqueued === undefined
        ? `sweep of ${r.trials.length} trials in ${r.ms} ms`
        : `enqueued ${r.enqueued} of ${r.trials.length} trials`;
    return [head, ...lines].join('\n');
  },
};
