/**
 * Train, Pause/Resume and stop: one training job at a time, run by the train function (the
 * worker's) from the current network. Epoch numbers continue across presses of Train; each
 * epoch and checkpoint is reported while the job is current; abort ends it quietly.
 */
import type { Network } from '@deepnets/core';
import { ObservableTrainingController } from '@deepnets/worker';
import type { createStore } from '../kit/widget.ts';
import type { TrainFunction } from '../kit/worker-services.ts';
import type { PlaygroundDataset } from './menus.ts';
import type { PlaygroundOptions, PlaygroundPoint, PlaygroundState } from './state.ts';

interface TrainingJob {
  abort: AbortController;
  controller: ObservableTrainingController;
}

export interface TrainingContext {
  store: ReturnType<typeof createStore<PlaygroundState>>;
  options(): PlaygroundOptions;
  trainFunction(): TrainFunction | undefined;
  dataset(): PlaygroundDataset | undefined;
  seed(): number;
  /** Whether Train may run now (e.g. the widths field is valid). */
  allowed(): boolean;
  /** After each epoch's point was added to the history. */
  onPoint(): void;
  /** A checkpoint's network (while training). */
  onNetwork(): void;
  /** The run ended with `network` (or failed or was aborted: undefined). */
  onEnd(network: Network | undefined): void;
}

export interface TrainingControl {
  train(): Promise<void>;
  /** Pauses a running job or resumes a paused one. */
  togglePause(): void;
  /** Aborts the job and starts epochs again from 0. */
  stop(): void;
}

export function createTrainingControl(ctx: TrainingContext): TrainingControl {
  let job: TrainingJob | undefined;
  let offset = 0;
  const patch = (p: Partial<PlaygroundState>) => ctx.store.set({ ...ctx.store.get(), ...p });

  async function train(): Promise<void> {
    const s = ctx.store.get();
    const trainFn = ctx.trainFunction();
    const dataset = ctx.dataset();
    const network = s.network;
    if (!trainFn || !dataset || !network || !ctx.allowed() || job) return;
    const mine: TrainingJob = {
      abort: new AbortController(),
      controller: new ObservableTrainingController(),
    };
    const start = offset;
    job = mine;
    patch({ status: 'training', error: undefined, stopped: undefined });
    const options = ctx.options();
    let result: Awaited<ReturnType<TrainFunction>> | undefined;
    let error: unknown;
    try {
      result = await trainFn({
        network,
        data: dataset as never,
        optimizer: s.optimizer,
        learningRate: s.learningRate,
        epochs: options.epochs ?? 3000,
        ...(s.validation > 0 ? { validation: s.validation } : {}),
        ...(s.stopAt.kind === 'accuracy' ? { stopAtAccuracy: s.stopAt.value } : {}),
        ...(s.stopAt.kind === 'loss' ? { stopAtLoss: s.stopAt.value } : {}),
        seed: ctx.seed(),
        keepHistory: false,
        checkpointEvery: options.checkpointEvery ?? 10,
        signal: mine.abort.signal,
        controller: mine.controller,
        onEpoch: (m) => {
          if (job !== mine) return;
          const point: PlaygroundPoint = {
            epoch: start + m.epoch,
            loss: m.loss,
            accuracy: m.accuracy,
            ...(m.validationLoss === undefined ? {} : { validationLoss: m.validationLoss }),
            ...(m.validationAccuracy === undefined ? {} : { validationAccuracy: m.validationAccuracy }),
          };
          patch({ epoch: point.epoch, history: [...ctx.store.get().history, point] });
          ctx.onPoint();
        },
        onCheckpoint: (c) => {
          if (job !== mine) return;
          const { format: _format, ...net } = c.network;
          patch({ network: net });
          ctx.onNetwork();
        },
      });
    } catch (e) {
      error = e;
    }
    if (job !== mine) return;
    job = undefined;
    if (result) {
      offset = start + result.epoch;
      const stopped = result.stoppedBy === 'stopWhen' ? stopReason(s.stopAt) : undefined;
      patch({ status: 'idle', network: result.network, epoch: offset, stopped });
      return ctx.onEnd(result.network);
    }
    const aborted = (error as Error).name === 'AbortError';
    patch({ status: aborted ? 'idle' : 'error', error: aborted ? undefined : (error as Error).message });
    ctx.onEnd(undefined);
  }

  return {
    train,
    togglePause() {
      if (!job) return;
      const paused = job.controller.paused;
      if (paused) job.controller.resume();
      else job.controller.pause();
      patch({ status: paused ? 'training' : 'paused' });
    },
    stop() {
      job?.abort.abort();
      job = undefined;
      offset = 0;
    },
  };
}

/** "training accuracy reached 95%" / "training loss reached 0.05". */
export function stopReason(stopAt: PlaygroundState['stopAt']): string {
  return stopAt.kind === 'accuracy'
    ? `training accuracy reached ${+(100 * stopAt.value).toFixed(1)}%`
    : `training loss reached ${stopAt.value}`;
}
