/**
 * MNIST-1D (Greydanus 2020) as a registered data set: 40-point sequences of 10 classes, made by
 * `makeMnist1d` identically to the reference generator. Options: `samples` (N, 5000, split
 * 80/20 into train and test), `seed` (42) and `labels` (`"true"`, or random labels for
 * memorisation experiments: `"shuffle"` permutes the true labels, `"uniform"` draws them).
 */
import { DeepnetsError } from '@deepnets/core';
import { makeMnist1d } from '../mnist1d/index.ts';
import { numberOption, rejectUnknownOptions } from './options.ts';
import type { DatasetConfig, Samples } from './types.ts';

const DEFAULTS = { samples: 5000, seed: 42, labels: 'true' };
const LABELS = ['true', 'shuffle', 'uniform'];

const samples = (x: Float64Array, y: Int32Array, length: number): Samples => ({
  count: y.length,
  inputs: length,
  targetWidth: 1,
  x,
  y: Float64Array.from(y),
});

export const mnist1d: DatasetConfig = {
  name: 'mnist1d',
  description: 'MNIST-1D: 40-point sequences of 10 digit classes (Greydanus 2020), 4000 train / 1000 test',
  task: 'classification',
  defaults: DEFAULTS,
  generate(options = {}) {
    rejectUnknownOptions('mnist1d', options, Object.keys(DEFAULTS));
    const labels = String(options['labels'] ?? DEFAULTS.labels);
    if (!LABELS.includes(labels)) {
      throw new DeepnetsError(
        'UNKNOWN_NAME',
        `unknown labels "${labels}"; known: ${LABELS.join(', ')}`,
        'datasets.mnist1d.labels',
      );
    }
    const d = makeMnist1d({
      samples: numberOption('mnist1d', options, DEFAULTS, 'samples', { min: 10, integer: true }),
      seed: numberOption('mnist1d', options, DEFAULTS, 'seed', { min: 0, integer: true }),
      ...(labels === 'true' ? {} : { randomLabels: { mode: labels as 'shuffle' | 'uniform' } }),
    });
    return {
      name: 'mnist1d',
      task: 'classification',
      outputs: 10,
      train: samples(d.x, d.y, d.length),
      test: samples(d.xTest, d.yTest, d.length),
    };
  },
};
