/**
 * Trains one trial on a worker of the pool, reading where it stands from a store and writing
 * every checkpoint back before training goes on (the worker waits for the write), so a process
 * that dies loses at most one checkpoint interval. The same function serves `sweep run` (the
 * local worker pool, a directory store) and `sweep worker` (trials from the queue).
 */
import { hostname } from 'node:os';
import type { EpochMetrics, PlannedTrial, SweepTrialState } from '@deepnets/trainer';
import type { Pool } from '@deepnets/worker';
import type { TrialRecord, TrialStore } from './store.ts';

/** This process, as recorded in `TrialRecord.worker`. */
export const WORKER_NAME = `${hostname()}:${process.pid}`;

export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Throttled epochs of the running trial (progress view). */
  onEpoch?: (metrics: EpochMetrics) => void;
  /** After each stored checkpoint. */
  onState?: (state: SweepTrialState) => void | Promise<void>;
}

/**
 * Runs `trial` to its end from its stored state. Resolves with the final record (status `done`,
 * or `failed` with the reason when the training diverged); rejects on abort (the last
 * checkpoint is stored first) and on store errors.
 */
export async function executeTrial(
  pool: Pool,
  trial: PlannedTrial,
  store: TrialStore,
  options: ExecuteOptions = {},
): Promise<TrialRecord> {
  const stored = await store.load(trial.id);
  if (stored?.status === 'done') return stored;
  const resume = stored?.state;
  const base = {
    id: trial.id,
    settings: trial.settings,
    resumedFrom: [...(stored?.resumedFrom ?? []), ...(resume ? [resume.epoch] : [])],
    worker: WORKER_NAME,
  };
  await store.save({
    ...base,
    status: 'running',
    epoch: resume?.epoch ?? 0,
    ...(resume ? { state: resume } : {}),
  });
  try {
    const final = await pool.api.runSweepTrial({
      trial,
      ...(resume ? { resume } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      throttleMs: 250,
      ...(options.onEpoch ? { onEpoch: options.onEpoch } : {}),
      onCheckpoint: async (state) => {
        await store.save({ ...base, status: 'running', epoch: state.epoch, state });
        await options.onState?.(state);
      },
    });
    const done: TrialRecord = { ...base, status: 'done', epoch: final.epoch, state: final };
    await store.save(done);
    return done;
  } catch (error) {
    if ((error as { code?: string }).code !== 'TRAINING_DIVERGED') throw error;
    const latest = await store.load(trial.id);
    const failed: TrialRecord = {
      ...base,
      status: 'failed',
      epoch: latest?.epoch ?? 0,
      reason: (error as Error).message,
      ...(latest?.state ? { state: latest.state } : {}),
    };
    await store.save(failed);
    return failed;
  }
}
