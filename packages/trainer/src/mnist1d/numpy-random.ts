/**
 * numpy's legacy `RandomState` (the global `np.random.*` functions) reproduced draw for draw:
 * the same MT19937 stream, consumed in the same order, turned into numbers by the same
 * arithmetic, so that a program ported from numpy gets bit-identical values for the same seed.
 *
 * Algorithms (numpy/random/mtrand.pyx, src/distributions, src/legacy):
 * - `random()` / `rand()` / `randomSample()`: 53-bit doubles, (a 2^26 + b) / 2^53.
 * - `randn()`: the legacy polar Box-Muller method. Draw x1, x2 = 2u - 1 until
 *   0 < r2 = x1^2 + x2^2 < 1, let f = sqrt(-2 log(r2) / r2), return f x2 and cache f x1 for the
 *   next call. The cache lives across calls (an odd-sized `randn` leaves a value for the next
 *   one) and `seed` clears it. `log` is glibc's, see `glibc-log.ts`.
 * - `randint(low, high)`: masked rejection. With rng = high - low - 1 and mask the smallest
 *   2^k - 1 >= rng, draw (32-bit output & mask) until it is <= rng; ranges beyond 32 bits draw
 *   64-bit words (first output in the high half).
 * - `choice(n)`: `randint(0, n)`; with `p`, a search in the normalised cumulative sum of p by
 *   `random()` (side "right"); without replacement, the first `size` of `permutation(n)`.
 * - `shuffle` / `permutation`: Fisher-Yates from the end, j = masked draw in [0, i] for
 *   i = n - 1 down to 1, swapping elements i and j.
 * - `uniform(low, high)`: low + (high - low) * random().
 */

import { DeepnetsError } from '@deepnets/core';
import { glibcLog } from './glibc-log.ts';
import { MT19937 } from './mt19937.ts';

/** A seed as `np.random.seed` accepts it: an integer or a list of integers, each in [0, 2^32). */
export type NumpySeed = number | readonly number[];

export interface ChoiceOptions {
  /** Number of draws; omitted means one scalar draw. */
  size?: number;
  /** Draw with replacement (numpy's default, true). */
  replace?: boolean;
  /** Probabilities of the n outcomes (non-negative, summing to 1 within sqrt(machine epsilon)). */
  p?: readonly number[];
}

const TWO_POW_32 = 4294967296;

function checkWord(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= TWO_POW_32) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `${what} must be an integer between 0 and 2**32 - 1, got ${value}`,
    );
  }
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 0) {
    throw new DeepnetsError('OUT_OF_RANGE', `size must be a non-negative integer, got ${size}`);
  }
}

export class RandomState {
  private readonly bits = new MT19937();
  private hasGauss = false;
  private gauss = 0;

  /** Like `np.random.RandomState(seed)` / `np.random.seed(seed)`. */
  constructor(seed: NumpySeed = 0) {
    this.seed(seed);
  }

  /** Like `np.random.seed(seed)`: reseeds the generator and clears the cached normal deviate. */
  seed(seed: NumpySeed): void {
    if (typeof seed === 'number') {
      checkWord(seed, 'seed');
      this.bits.seed(seed);
    } else {
      if (seed.length === 0) throw new DeepnetsError('OUT_OF_RANGE', 'seed array must not be empty');
      for (const word of seed) checkWord(word, 'seed element');
      this.bits.seedByArray(seed);
    }
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** One raw 32-bit output of the generator (what `randint(2**32, dtype=np.uint32)` returns). */
  nextUint32(): number {
    return this.bits.nextUint32();
  }

  /** `np.random.random_sample()`: a double in [0, 1). */
  random(): number {
    return this.bits.nextDouble();
  }

  /** `np.random.rand()` / `np.random.rand(n)`. */
  rand(): number;
  rand(size: number): Float64Array;
  rand(size?: number): number | Float64Array {
    return size === undefined ? this.random() : this.fill(size, () => this.random());
  }

  /** `np.random.random_sample(size)`. */
  randomSample(size: number): Float64Array {
    return this.rand(size);
  }

  /** `np.random.randn()` / `np.random.randn(n)`: standard normal deviates (legacy polar method). */
  randn(): number;
  randn(size: number): Float64Array;
  randn(size?: number): number | Float64Array {
    if (size === undefined) return this.gaussian();
    checkSize(size);
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = this.gaussian();
    return out;
  }

  /** `np.random.uniform(low, high)` / `(low, high, size)`: low + (high - low) * random(). */
  uniform(low: number, high: number): number;
  uniform(low: number, high: number, size: number): Float64Array;
  uniform(low: number, high: number, size?: number): number | Float64Array {
    const range = high - low;
    if (!Number.isFinite(range))
      throw new DeepnetsError('OUT_OF_RANGE', 'uniform: range exceeds valid bounds');
    const draw = (): number => low + range * this.random();
    return size === undefined ? draw() : this.fill(size, draw);
  }

  /**
   * `np.random.randint(low, high)` (or `randint(high)` for [0, high)), masked rejection sampling.
   * Bounds must be safe integers with high - low <= 2^53.
   */
  randint(low: number, high?: number): number;
  randint(low: number, high: number | undefined, size: number): Float64Array;
  randint(low: number, high?: number, size?: number): number | Float64Array {
    const lo = high === undefined ? 0 : low;
    const hi = high === undefined ? low : high;
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi - lo > 2 ** 53) {
      throw new DeepnetsError('OUT_OF_RANGE', `randint: bounds must be safe integers, got [${lo}, ${hi})`);
    }
    if (lo >= hi) throw new DeepnetsError('OUT_OF_RANGE', `randint: low >= high (${lo} >= ${hi})`);
    const draw = (): number => lo + this.boundedMasked(hi - lo - 1);
    return size === undefined ? draw() : this.fill(size, draw);
  }

  /** `np.random.choice(n, size, replace, p)` over 0..n-1 (map the indices for a general array). */
  choice(n: number): number;
  choice(n: number, options: ChoiceOptions & { size: number }): Float64Array;
  choice(n: number, options: ChoiceOptions): number | Float64Array;
  choice(n: number, options: ChoiceOptions = {}): number | Float64Array {
    const { size, replace = true, p } = options;
    if (size !== undefined) checkSize(size);
    const count = size ?? 1;
    if (!Number.isSafeInteger(n) || (n <= 0 && count !== 0)) {
      throw new DeepnetsError('OUT_OF_RANGE', `choice: a must be a positive integer, got ${n}`);
    }
    const cdf = p === undefined ? undefined : cumulative(p, n);
    let out: Float64Array;
    if (replace) {
      if (cdf === undefined) {
        out = this.fill(count, () => this.boundedMasked(n - 1));
      } else {
        out = this.fill(count, () => searchRight(cdf, this.random()));
      }
    } else {
      if (count > n)
        throw new DeepnetsError(
          'OUT_OF_RANGE',
          'choice: cannot take a larger sample than population when replace=false',
        );
      if (p !== undefined) {
        throw new DeepnetsError('OUT_OF_RANGE', 'choice: replace=false together with p is not supported');
      }
      out = this.permutation(n).subarray(0, count);
    }
    return size === undefined ? (out[0] as number) : out;
  }

  /** `np.random.permutation(n)`: a shuffled `arange(n)`. */
  permutation(n: number): Float64Array {
    checkSize(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return this.shuffle(out);
  }

  /** `np.random.shuffle(x)` along the first axis, in place; returns `x`. */
  shuffle<T extends { length: number; [index: number]: unknown }>(x: T): T {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.boundedMasked(i);
      const tmp = x[j];
      x[j] = x[i];
      x[i] = tmp;
    }
    return x;
  }

  /** The next normal deviate of numpy's `legacy_gauss`. */
  private gaussian(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.bits.nextDouble() - 1;
      x2 = 2 * this.bits.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** A uniform integer in [0, rng] by masked rejection (numpy's `random_interval`). */
  private boundedMasked(rng: number): number {
    if (rng === 0) return 0;
    if (rng <= 0xffffffff) {
      if (rng === 0xffffffff) return this.bits.nextUint32();
      const mask = 2 ** (32 - Math.clz32(rng)) - 1;
      let value: number;
      do value = (this.bits.nextUint32() & mask) >>> 0;
      while (value > rng);
      return value;
    }
    const highMask = 2 ** (32 - Math.clz32(Math.floor(rng / TWO_POW_32))) - 1;
    let value: number;
    do {
      const high = (this.bits.nextUint32() & highMask) >>> 0;
      const low = this.bits.nextUint32();
      value = high * TWO_POW_32 + low;
    } while (value > rng);
    return value;
  }

  private fill(size: number, draw: () => number): Float64Array {
    checkSize(size);
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = draw();
    return out;
  }
}

/** numpy's `p.cumsum(); cdf /= cdf[-1]` after the same validation as `choice`. */
function cumulative(p: readonly number[], n: number): Float64Array {
  if (p.length !== n)
    throw new DeepnetsError('SHAPE_MISMATCH', `choice: a has ${n} entries but p has ${p.length}`);
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i] as number;
    if (!(pi >= 0))
      throw new DeepnetsError('OUT_OF_RANGE', `choice: probabilities must be non-negative, p[${i}] = ${pi}`);
    sum += pi;
    cdf[i] = sum;
  }
  if (Math.abs(sum - 1) > Math.sqrt(2 ** -52))
    throw new DeepnetsError('OUT_OF_RANGE', 'choice: probabilities do not sum to 1');
  for (let i = 0; i < n; i++) cdf[i] = (cdf[i] as number) / sum;
  return cdf;
}

/** numpy's `searchsorted(side='right')`: the number of entries <= value. */
function searchRight(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
