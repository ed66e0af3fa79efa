/**
 * The book's random-labels experiment (Prince, *Understanding Deep Learning*, Figure 20.2; the
 * lecture's "fitting and generalization"): four ReLU MLPs with about 15,200 parameters each,
 *
 *   40-[298]-10, 40-[100, 100]-10, 40-[75, 75, 75]-10, 40-[63, 63, 63, 63]-10
 *   (15,208 / 15,210 / 15,235 / 15,319 parameters),
 *
 * He-initialised with zero biases beta_k, trained by full-batch gradient descent
 * phi <- phi - alpha dL/dphi with alpha = 0.0025 (no momentum, no regularisation) on the mean
 * softmax cross-entropy of the 4000 MNIST-1D training examples with random labels, until every
 * training example is classified right (100% training accuracy) or an epoch cap. Deeper models
 * memorise the random labels in fewer epochs.
 *
 * `trainRandomLabelsModel` trains one model, records its training error 1 - accuracy (and test
 * error when test data are given) every `curveEvery` epochs and hands out checkpoints to continue
 * later with identical results (full-batch gradient descent has no random state besides phi).
 */
import { DeepnetsError, initNetwork, parametersForWidths } from '@deepnets/core';
import type { Checkpoint } from '../checkpoint.ts';
import { recordCurve, resumableCurve } from '../curve-recorder.ts';
import type { Samples } from '../datasets/types.ts';
import type { Kernel } from '../kernel.ts';
import { train } from '../train.ts';
import type { EpochMetrics } from '../train-types.ts';

/** One of the four models: its name (depth x width) and hidden widths D_1..D_K. */
export interface RandomLabelsModel {
  name: string;
  hidden: number[];
}

/** The four MLPs of Figure 20.2, shallowest first. */
export const RANDOM_LABELS_MODELS: readonly RandomLabelsModel[] = [
  { name: '1x298', hidden: [298] },
  { name: '2x100', hidden: [100, 100] },
  { name: '3x75', hidden: [75, 75, 75] },
  { name: '4x63', hidden: [63, 63, 63, 63] },
];

/** The experiment's learning rate alpha. */
export const RANDOM_LABELS_LEARNING_RATE = 0.0025;

/** One sampled point of a learning curve. */
export interface RandomLabelsPoint {
  epoch: number;
  /** Mean softmax cross-entropy on the training examples (before the epoch's update). */
  loss: number;
  /** 1 - training accuracy. */
  trainError: number;
  /** 1 - test accuracy (after the epoch's update), when test examples were given. */
  testError?: number;
}

/** Where a model's training stands; what a checkpoint file holds besides the training state. */
export interface RandomLabelsModelState {
  name: string;
  widths: number[];
  parameters: number;
  /** Name of the kernel that produced the curve, e.g. `"wasm-simd-f32"`. */
  kernel: string;
  epoch: number;
  /** The first epoch with 100% training accuracy, or null. */
  epochsTo100: number | null;
  curve: RandomLabelsPoint[];
  /** The training state to resume from (`deepnets.checkpoint/v1`). */
  checkpoint: Checkpoint;
}

export interface RandomLabelsModelOptions {
  model: RandomLabelsModel;
  /** The training examples (40 inputs, class indices 0..9). */
  data: Samples;
  /** Test examples for the generalisation comparison (true labels); none by default. */
  test?: Samples;
  /** Stop after this many epochs in total if 100% training accuracy is not reached. */
  maxEpochs: number;
  kernel?: Kernel;
  /** Seed of the He initialisation (1). */
  seed?: number;
  learningRate?: number;
  /**
   * Record a curve point every this many epochs (100); epoch 1, every checkpoint's epoch and the
   * last epoch are always on the curve (so a resumed run's curve equals an uninterrupted one's).
   */
  curveEvery?: number;
  /** Call `onCheckpoint` every this many epochs (1000), once more when aborted, and at the end. */
  checkpointEvery?: number;
  onCheckpoint?: (state: RandomLabelsModelState) => void | Promise<void>;
  /** Called after every epoch. */
  onEpoch?: (metrics: EpochMetrics) => void;
  /** Continue from a saved state (its curve is kept up to its epoch). */
  resume?: RandomLabelsModelState;
  signal?: AbortSignal;
}

/**
 * Trains one model of the experiment until 100% training accuracy or `maxEpochs`, resolving with
 * its final state. Rejects with core's `AbortError` when `signal` aborts (after a last
 * `onCheckpoint`) and with `TrainingDivergedError` if the loss stops being finite.
 */
export async function trainRandomLabelsModel(
  options: RandomLabelsModelOptions,
): Promise<RandomLabelsModelState> {
  const { model, data, test, resume } = options;
  const widths = [data.inputs, ...model.hidden, 10];
  if (resume && resume.widths.join() !== widths.join()) {
    throw new DeepnetsError(
      'SHAPE_MISMATCH',
      `saved state has widths ${resume.widths.join('-')}, model ${model.name} has ${widths.join('-')}`,
      'resume',
    );
  }
  const cadence = {
    curveEvery: options.curveEvery ?? 100,
    checkpointEvery: options.checkpointEvery ?? 1000,
  };
  const seed = options.seed ?? 1;
  let epochsTo100 = resume?.epochsTo100 ?? null;
  const pointOf = (m: EpochMetrics): RandomLabelsPoint => ({
    epoch: m.epoch,
    loss: m.loss,
    trainError: 1 - (m.accuracy as number),
    ...(m.validationAccuracy === undefined ? {} : { testError: 1 - m.validationAccuracy }),
  });
  if (resume && (epochsTo100 !== null || resume.epoch >= options.maxEpochs)) return resume;
  const recorder = recordCurve({
    ...cadence,
    curve: resume ? resumableCurve(resume.curve, resume.epoch, cadence) : [],
    pointOf,
    stateOf: (checkpoint, curve): RandomLabelsModelState => ({
      name: model.name,
      widths,
      parameters: parametersForWidths(widths),
      kernel: options.kernel?.name ?? 'ts-f64',
      epoch: checkpoint.epoch,
      epochsTo100,
      curve,
      checkpoint,
    }),
    onCheckpoint: options.onCheckpoint,
    onEpoch: options.onEpoch,
  });
  const result = await train({
    network: initNetwork(widths, { init: 'he-normal', biases: 'zero', rng: seed, activation: 'relu' }),
    data,
    ...(test ? { validation: test } : {}),
    loss: 'softmax-cross-entropy',
    optimizer: 'gd',
    batchSize: 'full',
    learningRate: options.learningRate ?? RANDOM_LABELS_LEARNING_RATE,
    epochs: options.maxEpochs,
    keepHistory: false,
    ...(options.kernel ? { kernel: options.kernel } : {}),
    ...(resume ? { resume: resume.checkpoint } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...recorder.hooks,
    stopWhen: (m) => {
      if (m.accuracy === 1 && epochsTo100 === null) epochsTo100 = m.epoch;
      return m.accuracy === 1;
    },
  });
  return recorder.finish(result.checkpoint);
}
