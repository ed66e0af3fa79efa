/**
 * Inputs shared by the Node and the Chromium tests, and `bitsOf`, which turns any result into
 * the hexadecimal bytes of its numbers so that `toEqual` compares results bit for bit.
 */
import { initNetwork, type Network } from '@deepnets/core';
import { getDataset } from '@deepnets/trainer';
import type { LocalOnlyTrainFields, TrainOptions } from '../types.ts';

/** Options that both `train` and `runner.api.train` accept. */
export type SharedTrainOptions = Omit<TrainOptions, LocalOnlyTrainFields>;

/** UDL notebook 4.1, network 1: theta = (0,-1), (0,1), (-0.67,1); phi = (1,-2,-3,9.3). */
export const network1: Network = {
  activation: 'relu',
  layers: [
    { weights: [[-1], [1], [1]], biases: [0, 0, -0.67] },
    { weights: [[-2, -3, 9.3]], biases: [1] },
  ],
};

/** A small classification run: adam on mini-batches, a validation split, checkpoints. */
export function smallTraining(overrides: Partial<SharedTrainOptions> = {}): SharedTrainOptions {
  return {
    network: initNetwork([2, 12, 12, 2], { init: 'he-normal', rng: 7 }),
    data: getDataset('two-moons').generate({ samples: 160, seed: 3 }),
    validation: 0.25,
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 16,
    epochs: 12,
    seed: 5,
    ...overrides,
  };
}

/** A run whose epochs take a few milliseconds each (full batch, wider layers). */
export function slowTraining(epochs: number): SharedTrainOptions {
  return {
    network: initNetwork([2, 64, 64, 2], { init: 'he-normal', rng: 2 }),
    data: getDataset('spiral').generate({ samples: 600, seed: 1 }),
    learningRate: 0.01,
    epochs,
  };
}

const hex = (x: number): string => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
};

/** `value` with every number replaced by the hex of its float64 bits (typed arrays as lists). */
export function bitsOf(value: unknown): unknown {
  if (typeof value === 'number') return hex(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return { [value.constructor.name]: Array.from(value as unknown as ArrayLike<number>, hex) };
  }
  if (Array.isArray(value)) return value.map(bitsOf);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bitsOf(v)]));
  }
  return value;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `condition()` holds (checked every 5 ms), rejects after `ms`. */
export async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await sleep(5);
  }
}

/** The rejection reason of `promise` (handled at once); fails if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
