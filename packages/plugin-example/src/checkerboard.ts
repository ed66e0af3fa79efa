/**
 * `example/checkerboard`: points uniform on [-1, 1]^2, labelled by the colour of a
 * `cells` x `cells` checkerboard: a data set that needs many linear regions to classify.
 */
import { createRng } from '@deepnets/core';
import { createSamples, type DatasetConfig, type DatasetOptions, type Samples } from '@deepnets/trainer';

const DEFAULTS = { seed: 0, samples: 400, testSamples: 400, cells: 4 } as const;

function integer(options: DatasetOptions, key: keyof typeof DEFAULTS, min: number): number {
  const value = options[key] ?? DEFAULTS[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(
      `example/checkerboard: option "${key}" must be a whole number >= ${min}, got ${String(value)}`,
    );
  }
  return value;
}

export const checkerboard: DatasetConfig = {
  name: 'example/checkerboard',
  description: 'Checkerboard on [-1, 1]^2 (cells x cells squares, two classes)',
  task: 'classification',
  defaults: DEFAULTS,
  generate(options = {}) {
    const cells = integer(options, 'cells', 1);
    const rng = createRng(integer(options, 'seed', 0));
    const draw = (count: number): Samples => {
      const s = createSamples(count, 2, 1);
      for (let i = 0; i < count; i++) {
        const x0 = 2 * rng.uniform() - 1;
        const x1 = 2 * rng.uniform() - 1;
        s.x[2 * i] = x0;
        s.x[2 * i + 1] = x1;
        s.y[i] = (Math.floor(((x0 + 1) / 2) * cells) + Math.floor(((x1 + 1) / 2) * cells)) % 2;
      }
      return s;
    };
    const train = draw(integer(options, 'samples', 1));
    const test = draw(integer(options, 'testSamples', 0));
    return { name: 'example/checkerboard', task: 'classification', outputs: 2, train, test };
  },
};
