/**
 * The toy "function" data set for regression: targets y = sin(pi x1) cos(pi x2 / 2) plus a little
 * noise at random points of [-1, 1]^2 (seeded), so the network fits a surface instead of
 * separating classes. Its loss is least squares; the map shows the network's output.
 */
import { createRng } from '@deepnets/core';
import type { PlaygroundDataset } from './menus.ts';

/** The surface the samples come from. */
export const toyFunction = (x1: number, x2: number): number =>
  Math.sin(Math.PI * x1) * Math.cos((Math.PI * x2) / 2);

/** `count` samples of `toyFunction` with Gaussian noise of standard deviation `noise` (seeded). */
export function functionDataset(count = 200, seed = 0, noise = 0.05): PlaygroundDataset {
  const rng = createRng(seed);
  const x = new Float64Array(2 * count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const a = 2 * rng.uniform() - 1;
    const b = 2 * rng.uniform() - 1;
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = toyFunction(a, b) + noise * rng.normal();
  }
  const empty = { count: 0, inputs: 2, targetWidth: 1, x: new Float64Array(0), y: new Float64Array(0) };
  return {
    name: 'function',
    task: 'regression',
    outputs: 1,
    train: { count, inputs: 2, targetWidth: 1, x, y },
    test: empty,
  };
}
