/**
 * Trials of networks trained side by side, as the hyper-parameter search and the depth
 * demonstration run them: one planned trial (hidden widths D_1..D_K, learning rate alpha, seed of
 * the initialisation), its row in a live table, and the runner that trains the planned trials
 * through an injected `train` (the docs pass a worker pool's), `concurrency` at a time. Every trial
 * gets the same validation split: the trainer holds out `validation` of the examples, seeded by the
 * run's seed. Aborting `signal` aborts every trial in flight (each worker stops before its next
 * epoch) and marks the rest cancelled.
 */
import { AbortError, initNetwork, type Network, parametersForWidths } from '@deepnets/core';
import type { Dataset, TrainFunction } from './worker-services.ts';

/** One planned trial: K = hidden.length hidden layers of widths hidden[k], learning rate alpha. */
export interface TrialPlan {
  trial: number;
  hidden: number[];
  learningRate: number;
  /** Seed of the network's initialisation. */
  seed: number;
}

export type TrialStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

/** One row of the live table. */
export interface TrialRow extends TrialPlan {
  parameters: number;
  status: TrialStatus;
  epoch: number;
  trainLoss?: number;
  trainAccuracy?: number;
  validationLoss?: number;
  validationAccuracy?: number;
  /** (epoch, training loss, validation loss) as training goes. */
  curve: { epoch: number; train: number; validation: number }[];
}

/** A queued row for each planned trial (inputs 2, outputs = classes). */
export function initialRows(plans: TrialPlan[], outputs: number): TrialRow[] {
  return plans.map((p) => ({
    ...p,
    parameters: parametersForWidths([2, ...p.hidden, outputs]),
    status: 'queued',
    epoch: 0,
    curve: [],
  }));
}

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

/** Trains the given trials, `concurrency` at a time; resolves with the final rows. */
export async function runTrials(
  plans: TrialPlan[],
  settings: TrialRunSettings,
  data: Dataset,
  services: { train: TrainFunction; concurrency: number },
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
