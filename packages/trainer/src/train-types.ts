/**
 * Options, per-epoch metrics and result of `train`.
 */
import type { Network, Registry } from '@deepnets/core';
import type { Checkpoint } from './checkpoint.ts';
import type { TrainingController } from './controller.ts';
import type { Dataset, Samples } from './datasets/types.ts';
import type { Kernel } from './kernel.ts';
import type { LossConfig } from './losses.ts';
import type { OptimizerConfig } from './optimizers.ts';
import type { LearningRateSchedule } from './schedule.ts';

export interface TrainOptions {
  /** The starting network (not modified); ignored when `resume` is given. */
  network: Network;
  /** Training examples, or a data set (its `train` part; its task picks the default loss). */
  data: Samples | Dataset;
  /** Validation examples, or a fraction in [0, 1) of `data` held out at random (seeded by `seed`). */
  validation?: Samples | number;
  /** A registered loss name or config; by default least squares (regression) or softmax cross-entropy. */
  loss?: string | LossConfig;
  /** A registered optimizer name or config; `"gd"` (full-batch gradient descent) by default. */
  optimizer?: string | OptimizerConfig;
  /** Optimizer hyper-parameters other than alpha, e.g. `{ beta1: 0.9 }`. */
  optimizerOptions?: Readonly<Record<string, number>>;
  /** Base learning rate alpha_0. */
  learningRate: number;
  schedule?: LearningRateSchedule;
  /** L2 weight lambda on the weights Omega_k (0 by default). */
  l2?: number;
  /** Stop after this many epochs in total (counting the epochs of a resumed checkpoint). */
  epochs?: number;
  /** Stop after this many optimizer steps in total. At least one of `epochs` and `steps` is needed. */
  steps?: number;
  /** Examples per step: `"full"` or a number; the optimizer's default otherwise. */
  batchSize?: number | 'full';
  /** Seed of the validation split and of the shuffling (0 by default). */
  seed?: number;
  /** Reshuffle the examples every epoch for mini-batches (true by default). */
  shuffle?: boolean;
  /** Abort: `train` rejects with core's `AbortError` before the next epoch. */
  signal?: AbortSignal;
  /** Pause and resume between epochs. */
  controller?: TrainingController;
  /** Keep every epoch's metrics in `TrainResult.history` (true); false for runs of millions of epochs. */
  keepHistory?: boolean;
  /** Called after every epoch with its metrics. */
  onEpoch?: (metrics: EpochMetrics) => void;
  /** Continue the run saved in this checkpoint. */
  resume?: Checkpoint;
  /** Call `onCheckpoint` every this many epochs (and once when aborted). */
  checkpointEvery?: number;
  onCheckpoint?: (checkpoint: Checkpoint) => void | Promise<void>;
  /** Stop early when this returns true (e.g. 100% training accuracy). */
  stopWhen?: (metrics: EpochMetrics) => boolean;
  /** Dense kernels; the float64 TypeScript reference by default. */
  kernel?: Kernel;
  /** Registry to read names from; core's default registry by default. */
  registry?: Registry;
  /** Refuse (TOO_LARGE) runs estimated to need more bytes than this; 2 GiB by default. */
  memoryLimit?: number;
  /** Give the event loop a turn when this many milliseconds have passed since the last one (10). */
  yieldEveryMs?: number;
}

export interface EpochMetrics {
  /** Completed epochs, counting from 1. */
  epoch: number;
  /** Optimizer steps done so far. */
  step: number;
  /** alpha used in this epoch. */
  learningRate: number;
  /** Mean training loss over the epoch's batches, each taken before its update (without L2). */
  loss: number;
  /** Fraction of training examples predicted right in those batches (classification losses). */
  accuracy?: number;
  /** Mean loss on the validation examples after the epoch. */
  validationLoss?: number;
  validationAccuracy?: number;
}

export interface TrainResult {
  /** The trained network. */
  network: Network;
  /** Metrics of the epochs run by this call (empty with `keepHistory: false`). */
  history: EpochMetrics[];
  epoch: number;
  step: number;
  stoppedBy: 'epochs' | 'steps' | 'stopWhen';
  /** The final state, to continue training later. */
  checkpoint: Checkpoint;
}
