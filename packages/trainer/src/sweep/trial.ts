/**
 * Runs one planned sweep trial with the trainer's own code: a `random-labels` trial is
 * `trainRandomLabelsModel` (the book's Figure 20.2 model, on the first `samples` MNIST-1D
 * training examples), a `train` trial is what `deepnets train` does (`train` on a registered data
 * set). Both hand out a state every `checkpointEvery` epochs and continue from one with
 * bit-identical weights and curve, so a trial may stop, resume and move between machines.
 */
import { initNetwork, parametersForWidths } from '@deepnets/core';
import type { Checkpoint } from '../checkpoint.ts';
import { recordCurve, resumableCurve } from '../curve-recorder.ts';
import type { Samples } from '../datasets/types.ts';
import { type ExperimentLabels, mnist1dSplit } from '../experiments/mnist1d-training.ts';
import {
  type RandomLabelsModelState,
  type RandomLabelsPoint,
  trainRandomLabelsModel,
} from '../experiments/random-labels.ts';
import { type Kernel, typescriptKernel } from '../kernel.ts';
import { defaultLossName } from '../losses.ts';
import { getDataset } from '../plugin.ts';
import { train } from '../train.ts';
import type { EpochMetrics } from '../train-types.ts';
import { createWasmKernel, type WasmKernel } from '../wasm/wasm-kernel.ts';
import type { PlannedTrial, TrialSettings } from './plan.ts';

/** One point of a trial's curve. */
export interface SweepPoint {
  epoch: number;
  /** Mean training loss of the epoch. */
  loss: number;
  /** 1 - training accuracy (classification). */
  trainError?: number;
  /** 1 - test accuracy (random labels with true labels) or 1 - validation accuracy (train). */
  testError?: number;
  validationLoss?: number;
}

/** Where a trial stands: what a store keeps (only the latest per trial). */
export interface SweepTrialState {
  id: string;
  /** D_0, D_1, ..., D_o. */
  widths: number[];
  parameters: number;
  /** The kernel that produced the numbers, e.g. `"wasm-simd-f32"`. */
  kernel: string;
  epoch: number;
  /** First epoch with 100% training accuracy (random labels), else null. */
  epochsTo100: number | null;
  /** True when the stopping rule was met (100% training accuracy or the epoch cap). */
  done: boolean;
  curve: SweepPoint[];
  checkpoint: Checkpoint;
}

export interface SweepTrialOptions {
  resume?: SweepTrialState;
  /** Called with the state every `checkpointEvery` epochs, on abort, and at the end. */
  onCheckpoint?: (state: SweepTrialState) => void | Promise<void>;
  onEpoch?: (metrics: EpochMetrics) => void;
  signal?: AbortSignal;
}

const mnist = new Map<string, ReturnType<typeof mnist1dSplit>>();

/** The first `n` rows of `s`. */
const head = (s: Samples, n: number): Samples => ({
  count: Math.min(n, s.count),
  inputs: s.inputs,
  targetWidth: s.targetWidth,
  x: s.x.slice(0, Math.min(n, s.count) * s.inputs),
  y: s.y.slice(0, Math.min(n, s.count) * s.targetWidth),
});

/** The trial's kernel: WebAssembly SIMD (one fixed variant, so every machine gets the same bits) or float64 TS. */
function kernelOf(settings: TrialSettings): Kernel {
  return settings['kernel'] === 'wasm' ? createWasmKernel({ variant: 'simd' }) : typescriptKernel;
}

async function runRandomLabels(
  trial: PlannedTrial,
  kernel: Kernel,
  options: SweepTrialOptions,
): Promise<SweepTrialState> {
  const s = trial.settings;
  const labels = s['labels'] as ExperimentLabels;
  const split = mnist.get(labels) ?? mnist1dSplit(labels);
  mnist.set(labels, split);
  const maxEpochs = s['maxEpochs'] as number;
  const toState = (st: RandomLabelsModelState): SweepTrialState => ({
    id: trial.id,
    widths: st.widths,
    parameters: st.parameters,
    kernel: st.kernel,
    epoch: st.epoch,
    epochsTo100: st.epochsTo100,
    done: st.epochsTo100 !== null || st.epoch >= maxEpochs,
    curve: st.curve,
    checkpoint: st.checkpoint,
  });
  const final = await trainRandomLabelsModel({
    model: { name: s['model'] as string, hidden: s['hidden'] as number[] },
    data: head(split.train, s['samples'] as number),
    ...(labels === 'true' ? { test: split.test } : {}),
    maxEpochs,
    kernel,
    seed: s.seed,
    learningRate: s['lr'] as number,
    curveEvery: s['curveEvery'] as number,
    checkpointEvery: s['checkpointEvery'] as number,
    ...(options.resume
      ? {
          resume: {
            ...options.resume,
            name: s['model'] as string,
            curve: resumableCurve(options.resume.curve, options.resume.epoch, {
              curveEvery: s['curveEvery'] as number,
              checkpointEvery: s['checkpointEvery'] as number,
            }) as RandomLabelsPoint[],
          },
        }
      : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onEpoch ? { onEpoch: options.onEpoch } : {}),
    onCheckpoint: (st) => options.onCheckpoint?.(toState(st)),
  });
  return toState(final);
}

async function runTrain(
  trial: PlannedTrial,
  kernel: Kernel,
  options: SweepTrialOptions,
): Promise<SweepTrialState> {
  const s = trial.settings;
  const data = getDataset(s['dataset'] as string).generate({
    seed: s.seed,
    ...(s['samples'] === undefined ? {} : { samples: s['samples'] as number }),
    ...(s['noise'] === undefined ? {} : { noise: s['noise'] as number }),
  });
  const loss = defaultLossName(data.task);
  const widths = [data.train.inputs, ...(s['hidden'] as number[]), data.outputs];
  const epochs = s['epochs'] as number;
  const curveEvery = s['curveEvery'] as number;
  const checkpointEvery = s['checkpointEvery'] as number;
  const { resume } = options;
  const cadence = { curveEvery, checkpointEvery };
  const pointOf = (m: EpochMetrics): SweepPoint => ({
    epoch: m.epoch,
    loss: m.loss,
    ...(m.accuracy === undefined ? {} : { trainError: 1 - m.accuracy }),
    ...(m.validationLoss === undefined ? {} : { validationLoss: m.validationLoss }),
    ...(m.validationAccuracy === undefined ? {} : { testError: 1 - m.validationAccuracy }),
  });
  if (resume?.done) return resume;
  const recorder = recordCurve({
    ...cadence,
    curve: resume ? resumableCurve(resume.curve, resume.epoch, cadence) : [],
    pointOf,
    stateOf: (checkpoint, curve): SweepTrialState => ({
      id: trial.id,
      widths,
      parameters: parametersForWidths(widths),
      kernel: kernel.name,
      epoch: checkpoint.epoch,
      epochsTo100: null,
      done: checkpoint.epoch >= epochs,
      curve,
      checkpoint,
    }),
    onCheckpoint: options.onCheckpoint,
    onEpoch: options.onEpoch,
  });
  const batchSize = s['batchSize'];
  const result = await train({
    network: initNetwork(widths, { init: 'he-normal', rng: s.seed, activation: s['activation'] as string }),
    data,
    loss,
    optimizer: s['optimizer'] as string,
    learningRate: s['lr'] as number,
    epochs,
    seed: s.seed,
    validation: s['validation'] as number,
    l2: s['l2'] as number,
    ...(batchSize === undefined ? {} : { batchSize: batchSize as number | 'full' }),
    keepHistory: false,
    kernel,
    ...(resume ? { resume: resume.checkpoint } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...recorder.hooks,
  });
  return recorder.finish(result.checkpoint);
}

/**
 * Trains `trial` (from `resume` when given) to its stopping rule and resolves with its final
 * state. Rejects with `AbortError` on `signal` (after a last `onCheckpoint`) and with
 * `TrainingDivergedError` when the loss stops being finite.
 */
export async function runSweepTrial(
  trial: PlannedTrial,
  options: SweepTrialOptions = {},
): Promise<SweepTrialState> {
  const kernel = kernelOf(trial.settings);
  try {
    return trial.settings.experiment === 'train'
      ? await runTrain(trial, kernel, options)
      : await runRandomLabels(trial, kernel, options);
  } finally {
    (kernel as Partial<WasmKernel>).dispose?.();
  }
}
