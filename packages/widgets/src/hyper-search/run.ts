/**
 * Runs a planned search: each trial initialises its network here (seeded, He normal) and trains it
 * through the injected `train` (the docs pass a worker pool's, so trials run side by side off the
 * main thread), `concurrency` at a time. Every trial gets the same validation split: the trainer
 * holds out `validation` of the examples, seeded by the search seed. Aborting `signal` aborts every
 * trial in flight (each worker stops before its next epoch) and marks the rest cancelled.
 */
import { AbortError, initNetwork, type Network } from '@deepnets/core';
import type { RemoteTrainOptions, RunnerApi, TrainResult } from '@deepnets/worker';
import { type HyperSearchSettings, initialRows, planTrials, type TrialPlan, type TrialRow } from './state.ts';

/** A data set as the worker's `makeDataset` returns it. */
export type Dataset = Awaited<ReturnType<RunnerApi['makeDataset']>>;
export type MakeSearchDataset = (
  name: string,
  options: { seed?: number; samples?: number },
) => Promise<Dataset>;
export type TrainTrial = (options: RemoteTrainOptions) => Promise<TrainResult>;

export interface SearchCallbacks {
  /** The rows after any change (a new array each time). */
  onRows(rows: TrialRow[]): void;
  /** A trial finished with this trained network. */
  onNetwork(trial: number, network: Network): void;
}

/** What every trial of a run shares. */
export interface TrialRunSettings {
  epochs: number;
  /** Fraction held out for validation (the same split for every trial), or 0 for none. */
  validation: number;
  /** Seed of the split and of the training loop. */
  seed: number;
}

/** Plans, then trains every trial; resolves with the final rows (cancelled ones marked). */
export function runSearch(
  settings: HyperSearchSettings,
  data: Dataset,
  services: { train: TrainTrial; concurrency: number },
  signal: AbortSignal,
  on: SearchCallbacks,
): Promise<TrialRow[]> {
  return runTrials(planTrials(settings), settings, data, services, signal, on);
}

/** Trains the given trials, `concurrency` at a time; resolves with the final rows. */
export async function runTrials(
  plans: TrialPlan[],
  settings: TrialRunSettings,
  data: Dataset,
  services: { train: TrainTrial; concurrency: number },
  signal: AbortSignal,
  on: SearchCallbacks,
): Promise<TrialRow[]> {
  let rows = initialRows(plans, data.outputs);
  const patch = (trial: number, change: Partial<TrialRow>) => {
    rows = rows.map((r) => (r.trial === trial ? { ...r, ...change } : r));
    on.onRows(rows);
  };
  on.onRows(rows);
  let next = 0;
  const lane = async () => {
    while (next < rows.length && !signal.aborted) {
      const row = rows[next++] as TrialRow;
      patch(row.trial, { status: 'running' });
      const network = initNetwork([2, ...row.hidden, data.outputs], { init: 'he-normal', rng: row.seed });
      const curve: TrialRow['curve'] = [];
      try {
        const result = await services.train({
          network,
          data,
          ...(settings.validation > 0 ? { validation: settings.validation } : {}),
          learningRate: row.learningRate,
          epochs: settings.epochs,
          batchSize: 'full',
          seed: settings.seed,
          signal,
          throttleMs: 50,
          onEpoch: (m) => {
            curve.push({ epoch: m.epoch, train: m.loss, validation: m.validationLoss ?? Number.NaN });
            const accuracy = m.accuracy === undefined ? {} : { trainAccuracy: m.accuracy };
            patch(row.trial, {
              epoch: m.epoch,
              trainLoss: m.loss,
              ...accuracy,
              ...(m.validationLoss === undefined ? {} : { validationLoss: m.validationLoss }),
              ...(m.validationAccuracy === undefined ? {} : { validationAccuracy: m.validationAccuracy }),
              curve: [...curve],
            });
          },
        });
        const last = result.history.at(-1);
        patch(row.trial, {
          status: 'done',
          epoch: result.epoch,
          ...(last ? { trainLoss: last.loss } : {}),
          ...(last?.accuracy === undefined ? {} : { trainAccuracy: last.accuracy }),
          ...(last?.validationLoss === undefined ? {} : { validationLoss: last.validationLoss }),
          ...(last?.validationAccuracy === undefined ? {} : { validationAccuracy: last.validationAccuracy }),
        });
        on.onNetwork(row.trial, result.network);
      } catch (error) {
        if (error instanceof AbortError || signal.aborted) patch(row.trial, { status: 'cancelled' });
        else patch(row.trial, { status: 'failed' });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, services.concurrency) }, lane));
  if (signal.aborted) {
    rows = rows.map((r) =>
      r.status === 'queued' || r.status === 'running' ? { ...r, status: 'cancelled' } : r,
    );
    on.onRows(rows);
  }
  return rows;
}
