/**
 * The signal transformations of MNIST-1D (Greydanus 2020, `mnist1d/transform.py`) and the numpy /
 * scipy primitives they rest on, each reproducing the library's arithmetic operation by operation.
 * Every transformation that draws random numbers takes the `RandomState` and draws exactly what
 * the Python code draws, in the same order.
 */

import type { RandomState } from './numpy-random.ts';
import { pairwiseSum } from './numpy-sum.ts';

/**
 * `np.linspace(start, stop, num)`: step = (stop - start) / (num - 1), y_i = i * step + start,
 * and the last point set to `stop` exactly (a single point is `start`).
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const y = new Float64Array(num);
  if (num === 1) y[0] = start;
  if (num <= 1) return y;
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) y[i] = (step === 0 ? (i / div) * delta : i * step) + start;
  y[num - 1] = stop;
  return y;
}

/**
 * `np.interp(x, xp, fp)` for increasing `xp` (what `scipy.interpolate.interp1d(kind='linear')`
 * delegates to for 1-D float64 data): outside the range the end values; at a knot its value;
 * otherwise slope * (x - xp[j]) + fp[j] with slope = (fp[j+1] - fp[j]) / (xp[j+1] - xp[j]).
 */
export function interp(x: ArrayLike<number>, xp: ArrayLike<number>, fp: ArrayLike<number>): Float64Array {
  const n = xp.length;
  const out = new Float64Array(x.length);
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v < (xp[0] as number)) {
      out[i] = fp[0] as number;
      continue;
    }
    if (v >= (xp[n - 1] as number)) {
      out[i] = fp[n - 1] as number;
      continue;
    }
    // The knot interval [xp[j], xp[j+1]) containing v; x is usually increasing, so start at j.
    if (v < (xp[j] as number)) j = 0;
    while ((xp[j + 1] as number) <= v) j++;
    const x0 = xp[j] as number;
    if (x0 === v) {
      out[i] = fp[j] as number;
      continue;
    }
    const f0 = fp[j] as number;
    const slope = ((fp[j + 1] as number) - f0) / ((xp[j + 1] as number) - x0);
    out[i] = slope * (v - x0) + f0;
  }
  return out;
}

/** mnist1d's `interpolate(x, N)`: resample x, seen on linspace(0, 1, len), at linspace(0, 1, N). */
export function resample(x: ArrayLike<number>, length: number): Float64Array {
  return interp(cachedLinspace(0, 1, length), cachedLinspace(0, 1, x.length), x);
}

const grids = new Map<string, Float64Array>();

/** `linspace`, memoised for the few grids the generator reuses (internal, never modified). */
function cachedLinspace(start: number, stop: number, num: number): Float64Array {
  const key = `${start},${stop},${num}`;
  let grid = grids.get(key);
  if (!grid) {
    grid = linspace(start, stop, num);
    grids.set(key, grid);
  }
  return grid;
}

/**
 * `scipy.ndimage.gaussian_filter1d(input, sigma)` with the defaults mnist1d uses (order 0, mode
 * 'reflect', truncate 4): a kernel of radius r = int(4 sigma + 0.5) with weights
 * exp(-x^2 / (2 sigma^2)) / sum, applied as scipy's `NI_Correlate1D` does for a symmetric kernel,
 * out_i = x_i w_0 + sum over k = r..1 of (x_{i-k} + x_{i+k}) w_k, where the signal is extended by
 * reflection about its ends (d c b a | a b c d | d c b a).
 */
export function gaussianFilter1d(input: ArrayLike<number>, sigma: number): Float64Array {
  const weights = gaussianKernel(sigma);
  const radius = (weights.length - 1) / 2;
  const n = input.length;
  // The signal with `radius` reflected values on each side.
  const ext = new Float64Array(n + 2 * radius);
  for (let i = 0; i < ext.length; i++) ext[i] = input[reflectIndex(i - radius, n)] as number;
  const out = new Float64Array(n);
  const w0 = weights[radius] as number;
  for (let i = 0; i < n; i++) {
    const c = i + radius;
    let acc = (ext[c] as number) * w0;
    for (let k = radius; k >= 1; k--) {
      acc += ((ext[c - k] as number) + (ext[c + k] as number)) * (weights[radius - k] as number);
    }
    out[i] = acc;
  }
  return out;
}

const kernels = new Map<number, Float64Array>();

/**
 * scipy's `_gaussian_kernel1d(sigma, 0, radius)` with radius = int(4 sigma + 0.5). The weights
 * are cached per sigma; the returned array is shared, do not modify it.
 */
export function gaussianKernel(sigma: number): Float64Array {
  const cached = kernels.get(sigma);
  if (cached) return cached;
  const radius = Math.trunc(4 * sigma + 0.5);
  const scale = -0.5 / (sigma * sigma);
  const phi = new Float64Array(2 * radius + 1);
  for (let i = 0; i < phi.length; i++) {
    const x = i - radius;
    phi[i] = Math.exp(scale * (x * x));
  }
  const sum = pairwiseSum(phi);
  const weights = phi.map((v) => v / sum);
  kernels.set(sigma, weights);
  return weights;
}

/** scipy.ndimage's 'reflect' extension: index i of a signal of length n, mirrored about the edges. */
function reflectIndex(i: number, n: number): number {
  const period = 2 * n;
  let k = ((i % period) + period) % period;
  if (k >= n) k = period - 1 - k;
  return k;
}

/** mnist1d's `pad`: append p = low + int(rand() (high - low + 1)) zeros. */
export function pad(x: ArrayLike<number>, low: number, high: number, rng: RandomState): Float64Array {
  const p = low + Math.floor(rng.random() * (high - low + 1));
  const out = new Float64Array(x.length + p);
  out.set(x);
  return out;
}

/** mnist1d's scaling: x * (1 + scaleCoeff (rand() - 0.5)), in place. */
export function scale(x: Float64Array, scaleCoeff: number, rng: RandomState): Float64Array {
  const factor = 1 + scaleCoeff * (rng.random() - 0.5);
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * factor;
  return x;
}

/**
 * mnist1d's `translate`: k = np.random.choice(maxTranslation), then
 * concatenate([x[-k:], x[:-k]]), a circular shift right by k (k = 0, or k >= n, leaves x as is).
 */
export function translate(x: ArrayLike<number>, maxTranslation: number, rng: RandomState): Float64Array {
  const k = rng.choice(maxTranslation);
  const n = x.length;
  // For k >= n, x[-k:] is all of x and x[:-k] is empty: no shift at all.
  const shift = k >= n ? 0 : k;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = x[(i - shift + n) % n] as number;
  return out;
}

/**
 * mnist1d's correlated noise: where the signal is exactly 0 (the padding), replace it with
 * gaussian_filter(corrScale * randn(n), 2), computed as mask * x + (1 - mask) * noise like numpy.
 * The noise is drawn for every position, whether used or not.
 */
export function addCorrelatedNoise(x: Float64Array, corrScale: number, rng: RandomState): Float64Array {
  const noise = rng.randn(x.length);
  for (let i = 0; i < noise.length; i++) noise[i] = corrScale * (noise[i] as number);
  const smooth = gaussianFilter1d(noise, 2);
  for (let i = 0; i < x.length; i++) {
    const m = x[i] !== 0 ? 1 : 0;
    x[i] = m * (x[i] as number) + (1 - m) * (smooth[i] as number);
  }
  return x;
}

/** mnist1d's iid noise: x + iidScale * randn(n), in place. */
export function addIidNoise(x: Float64Array, iidScale: number, rng: RandomState): Float64Array {
  const noise = rng.randn(x.length);
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) + iidScale * (noise[i] as number);
  return x;
}

/** mnist1d's `shear`: x - coeff * linspace(-0.5, 0.5, n) with coeff = shearScale (rand() - 0.5). */
export function shear(x: Float64Array, shearScale: number, rng: RandomState): Float64Array {
  const coeff = shearScale * (rng.random() - 0.5);
  const ramp = cachedLinspace(-0.5, 0.5, x.length);
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) - coeff * (ramp[i] as number);
  return x;
}
