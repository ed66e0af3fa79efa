/**
 * The settings of `deepnets experiment random-labels` read from its flags: which models, which
 * data (labels, label seed, samples), which arithmetic; `runSettings` is the part that defines
 * the run's numbers and is stored in every state file.
 */
import {
  type ExperimentLabels,
  RANDOM_LABELS_LEARNING_RATE,
  RANDOM_LABELS_MODELS,
  type RandomLabelsModel,
} from '@deepnets/trainer';
import { integerFlag, numberFlag, stringFlag } from '../args.ts';
import { type ParsedArgs, UsageError } from '../command.ts';
import { wasmVariantFlag } from './bench.ts';
import type { RunSettings } from './experiment-state.ts';

/** Seed of the MNIST-1D examples (the reference data set's). */
export const DATA_SEED = 42;

export interface Settings {
  labels: ExperimentLabels;
  labelSeed: number;
  samples: number;
  maxEpochs: number;
  learningRate: number;
  seed: number;
  kernel: 'wasm' | 'ts';
  variant: 'simd' | 'relaxed';
  threads: 1 | 2;
  checkpointEvery: number;
  curveEvery: number;
  resume: boolean;
  out: string;
}

export function settingsOf(args: ParsedArgs): Settings {
  const labels = stringFlag(args, 'labels', 'shuffle') as string;
  if (!['true', 'shuffle', 'uniform'].includes(labels)) {
    throw new UsageError(`--labels must be shuffle, uniform or true, got "${labels}"`);
  }
  const kernel = stringFlag(args, 'kernel', 'wasm') as string;
  if (kernel !== 'wasm' && kernel !== 'ts')
    throw new UsageError(`--kernel must be wasm or ts, got "${kernel}"`);
  const threads = integerFlag(args, 'threads', { fallback: 1, min: 1, max: 2 }) as 1 | 2;
  if (threads === 2 && kernel !== 'wasm') throw new UsageError('--threads 2 needs --kernel wasm');
  return {
    labels: labels as ExperimentLabels,
    labelSeed: integerFlag(args, 'label-seed', { fallback: DATA_SEED, min: 0, max: 2 ** 32 - 1 }) as number,
    samples: integerFlag(args, 'samples', { fallback: 5000, min: 20, max: 100_000 }) as number,
    maxEpochs: integerFlag(args, 'max-epochs', { fallback: 2_000_000, min: 1 }) as number,
    learningRate: numberFlag(args, 'lr', RANDOM_LABELS_LEARNING_RATE) as number,
    seed: integerFlag(args, 'seed', { fallback: 1, min: 0, max: 2 ** 32 - 1 }) as number,
    kernel,
    variant: kernel === 'wasm' ? wasmVariantFlag(args) : 'simd',
    threads,
    checkpointEvery: integerFlag(args, 'checkpoint-every', { fallback: 1000, min: 1 }) as number,
    curveEvery: integerFlag(args, 'curve-every', { fallback: 100, min: 1 }) as number,
    resume: args.flags.resume === true,
    out: stringFlag(args, 'out', 'random-labels') as string,
  };
}

export function modelsOf(args: ParsedArgs): RandomLabelsModel[] {
  const text = stringFlag(args, 'models');
  if (text === undefined) return [...RANDOM_LABELS_MODELS];
  return text.split(',').map((name) => {
    const model = RANDOM_LABELS_MODELS.find((m) => m.name === name.trim());
    if (!model) {
      throw new UsageError(
        `--models: unknown model "${name}"; known: ${RANDOM_LABELS_MODELS.map((m) => m.name).join(', ')}`,
      );
    }
    return model;
  });
}

/** What defines the run's numbers (stored in every state file; a resume must match). */
export const runSettings = (s: Settings): RunSettings => ({
  labels: s.labels,
  labelSeed: s.labelSeed,
  samples: s.samples,
  learningRate: s.learningRate,
  seed: s.seed,
  kernel: s.kernel === 'wasm' ? `wasm-${s.variant}-f32` : 'ts-f64',
});
