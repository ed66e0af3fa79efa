/**
 * One trial of a hyper-parameter search: build a network with the trial's hidden widths
 * D_1..D_K, train it with the trial's learning rate, report the final losses. The runner is a
 * plain async function of a small serializable spec, so a worker pool can run trials off-thread.
 */
import { type InitScheme, initNetwork } from '@deepnets/core';
import type { Samples } from './datasets/types.ts';
import { train } from './train.ts';
import type { EpochMetrics, TrainOptions } from './train-types.ts';

/** What varies between trials (structured-clone friendly). */
export interface TrialSpec {
  /** Index of the trial in the search. */
  trial: number;
  /** Hidden widths D_1..D_K (so K = hidden.length). */
  hidden: number[];
  learningRate: number;
  /** Seed of the network's initialisation and of the training run. */
  seed: number;
}

/** What a trial reports: the last epoch's metrics. */
export interface TrialResult {
  trainLoss: number;
  validationLoss: number;
  trainAccuracy?: number;
  validationAccuracy?: number;
  epochs: number;
}

export type TrialRunner = (spec: TrialSpec, signal?: AbortSignal) => Promise<TrialResult>;

/** What all trials share. */
export interface TrialSettings {
  /** D_o, the network's outputs (the data set's `outputs` by default). */
  outputs?: number;
  /** Activation name (`"relu"` by default). */
  activation?: string;
  /** Initialiser (`"he-normal"` by default; biases zero). */
  init?: InitScheme;
  /** Training options shared by every trial (`epochs` at least). */
  training: Omit<
    TrainOptions,
    'network' | 'data' | 'validation' | 'learningRate' | 'seed' | 'signal' | 'resume' | 'controller'
  >;
}

/** Runs trials in this thread on fixed train and validation samples. */
export function createTrialRunner(
  data: Samples,
  validation: Samples,
  settings: TrialSettings & { outputs: number },
): TrialRunner {
  return async (spec, signal) => {
    const widths = [data.inputs, ...spec.hidden, settings.outputs];
    const network = initNetwork(widths, {
      init: settings.init ?? 'he-normal',
      rng: spec.seed,
      activation: settings.activation ?? 'relu',
    });
    const result = await train({
      ...settings.training,
      network,
      data,
      validation,
      learningRate: spec.learningRate,
      seed: spec.seed,
      ...(signal ? { signal } : {}),
    });
    const last = result.history.at(-1) as EpochMetrics;
    return {
      trainLoss: last.loss,
      validationLoss: last.validationLoss as number,
      ...(last.accuracy === undefined ? {} : { trainAccuracy: last.accuracy }),
      ...(last.validationAccuracy === undefined ? {} : { validationAccuracy: last.validationAccuracy }),
      epochs: result.epoch,
    };
  };
}
