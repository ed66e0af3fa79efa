/**
 * One press of Train: runs the train function (the worker's) from the current network, reports
 * each epoch and checkpoint while it is the current job, and pauses and resumes through its
 * controller. Abort ends it quietly (status back to idle).
 */
import type { Network } from '@deepnets/core';
import { ObservableTrainingController } from '@deepnets/worker';
import type { TrainFunction } from '../approximation/fit.ts';
import type { PlaygroundDataset } from './menus.ts';
import type { PlaygroundPoint } from './state.ts';

export interface TrainingJob {
  abort: AbortController;
  controller: ObservableTrainingController;
}

export interface TrainingRun {
  train: TrainFunction;
  network: Network;
  dataset: PlaygroundDataset;
  optimizer: string;
  learningRate: number;
  epochs: number;
  seed: number;
  checkpointEvery: number;
  /** Epochs run before this press (the epoch numbers shown continue from it). */
  offset: number;
  onPoint(point: PlaygroundPoint): void;
  onNetwork(network: Network): void;
}

export interface TrainingOutcome {
  network?: Network;
  /** Epochs counted from the first press. */
  epoch?: number;
  aborted: boolean;
  error?: string;
}

/** Starts `run`; `isCurrent(job)` tells whether the widget still follows this job. */
export function startTraining(
  run: TrainingRun,
  isCurrent: (job: TrainingJob) => boolean,
): { job: TrainingJob; finished: Promise<TrainingOutcome> } {
  const job: TrainingJob = { abort: new AbortController(), controller: new ObservableTrainingController() };
  const call = () =>
    run.train({
      network: run.network,
      data: run.dataset as never,
      optimizer: run.optimizer,
      learningRate: run.learningRate,
      epochs: run.epochs,
      seed: run.seed,
      keepHistory: false,
      checkpointEvery: run.checkpointEvery,
      signal: job.abort.signal,
      controller: job.controller,
      onEpoch: (m) => {
        if (!isCurrent(job)) return;
        run.onPoint({ epoch: run.offset + m.epoch, loss: m.loss, accuracy: m.accuracy });
      },
      onCheckpoint: (c) => {
        if (!isCurrent(job)) return;
        const { format: _format, ...network } = c.network;
        run.onNetwork(network);
      },
    });
  const finished = Promise.resolve()
    .then(call)
    .then(
      (result): TrainingOutcome => ({
        network: result.network,
        epoch: run.offset + result.epoch,
        aborted: false,
      }),
      (e: unknown): TrainingOutcome => {
        const aborted = (e as Error).name === 'AbortError';
        return aborted ? { aborted } : { aborted, error: (e as Error).message };
      },
    );
  return { job, finished };
}
