/**
 * Helpers on `Samples`: allocation, seeded permutations, splits and row gathering.
 */
import { DeepnetsError, type Rng } from '@deepnets/core';
import type { FloatArray } from '../kernel.ts';
import type { Samples } from './types.ts';

/** Zero-filled samples for `count` examples. */
export function createSamples(count: number, inputs: number, targetWidth: number): Samples {
  return {
    count,
    inputs,
    targetWidth,
    x: new Float64Array(count * inputs),
    y: new Float64Array(count * targetWidth),
  };
}

/** Fisher-Yates: overwrites `order[0..n)` with a uniformly random permutation of 0..n-1. */
export function shuffleIndices(rng: Rng, order: Uint32Array | Int32Array, n = order.length): void {
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

/** Copies rows `order[from..from+n)` of `src` (width `width`) into the first n rows of `dst`. */
export function gatherRows(
  src: FloatArray,
  width: number,
  order: ArrayLike<number>,
  from: number,
  n: number,
  dst: FloatArray,
): void {
  for (let r = 0; r < n; r++) {
    const s = (order[from + r] as number) * width;
    for (let c = 0; c < width; c++) dst[r * width + c] = src[s + c] as number;
  }
}

/** The examples `indices` of `samples`, in that order. */
export function selectRows(samples: Samples, indices: ArrayLike<number>): Samples {
  const out = createSamples(indices.length, samples.inputs, samples.targetWidth);
  gatherRows(samples.x, samples.inputs, indices, 0, indices.length, out.x);
  gatherRows(samples.y, samples.targetWidth, indices, 0, indices.length, out.y);
  return out;
}

/**
 * Splits `samples` at random (a seeded permutation from `rng`) into `[kept, heldOut]`, with
 * round(fraction * count) held-out examples. Both parts keep the permuted order.
 */
export function splitSamples(
  samples: Samples,
  fraction: number,
  rng: Rng,
  path = 'fraction',
): [Samples, Samples] {
  if (!(fraction >= 0 && fraction < 1)) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be in [0, 1), got ${fraction}`, path);
  }
  const order = new Uint32Array(samples.count);
  shuffleIndices(rng, order);
  const held = Math.round(fraction * samples.count);
  const cut = samples.count - held;
  return [selectRows(samples, order.subarray(0, cut)), selectRows(samples, order.subarray(cut))];
}
