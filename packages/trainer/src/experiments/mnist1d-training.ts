/**
 * The MNIST-1D examples of the random-labels experiment: the reference data set (5000 samples,
 * seed 42, 4000 train / 1000 test, 40 points) with true labels or random ones. `"shuffle"` is
 * numpy's `RandomState(42).shuffle` of all 5000 true labels (so the class counts are kept) before
 * the train/test split; see `drawRandomLabels`.
 */

import type { Samples } from '../datasets/types.ts';
import { makeMnist1d } from '../mnist1d/index.ts';

export type ExperimentLabels = 'true' | 'shuffle' | 'uniform';

export interface Mnist1dSplit {
  train: Samples;
  test: Samples;
}

const samples = (x: Float64Array, y: Int32Array, inputs: number): Samples => ({
  count: y.length,
  inputs,
  targetWidth: 1,
  x,
  y: Float64Array.from(y),
});

/** Size of the data set and seed of the random labels (defaults: 5000 examples, the data seed). */
export interface Mnist1dSplitOptions {
  /** Examples N in all (train and test, 80/20); 5000 as in the reference. */
  samples?: number;
  /** Seed of the random labels; the data set's seed by default. */
  labelSeed?: number;
}

/** The train and test examples of MNIST-1D (seed 42) with the given labels. */
export function mnist1dSplit(
  labels: ExperimentLabels,
  seed = 42,
  options: Mnist1dSplitOptions = {},
): Mnist1dSplit {
  const randomLabels =
    labels === 'true'
      ? {}
      : {
          randomLabels: {
            mode: labels,
            ...(options.labelSeed === undefined ? {} : { seed: options.labelSeed }),
          },
        };
  const d = makeMnist1d({
    seed,
    ...(options.samples === undefined ? {} : { samples: options.samples }),
    ...randomLabels,
  });
  return { train: samples(d.x, d.y, d.length), test: samples(d.xTest, d.yTest, d.length) };
}

/** The 4000 training examples only. */
export function mnist1dTraining(labels: ExperimentLabels, seed = 42): Samples {
  return mnist1dSplit(labels, seed).train;
}
