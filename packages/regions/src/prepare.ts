/**
 * A network flattened into typed arrays for the region sweeps: Omega_k row-major and transposed,
 * beta_k, and the declared pieces of its piecewise-linear activation a[.].
 */
import {
  getActivation,
  inputSize,
  isPiecewiseLinear,
  type Network,
  NotPiecewiseLinearError,
  validateNetwork,
} from '@deepnets/core';
import { RegionsError } from './errors.ts';

/** Options shared by the long enumerations. */
export interface EnumerationOptions {
  /** Checked between layers; an aborted signal throws core's `AbortError`. */
  signal?: AbortSignal;
  /** Called after each hidden layer k (1-based) with the number of pieces or polygons so far. */
  onProgress?: (progress: { layer: number; layers: number; regions: number }) => void;
  /**
   * Relative tolerance of the geometry (default `DEFAULT_TOLERANCE`): two cuts closer than
   * `tolerance * scale` are one cut, scale being the size of the domain (see README, "Numerical policy").
   */
  tolerance?: number;
  /** Relative tolerance when comparing affine maps for linear regions (default `MAP_TOLERANCE`). */
  mapTolerance?: number;
  /**
   * The most bytes the pieces or polygons of one layer may take (default `MAX_REGION_BYTES`): the
   * enumeration estimates its memory before each allocation and throws `TOO_LARGE` beyond it.
   */
  maxBytes?: number;
}

/** Default memory limit of one layer's pieces or polygons: 512 MB. */
export const MAX_REGION_BYTES = 512 * 2 ** 20;

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Throws `TOO_LARGE` (naming the estimate and the limit) when `bytes` exceed `limit`. */
export function checkMemory(bytes: number, limit: number, what: string): void {
  if (bytes > limit) {
    throw new RegionsError(
      'TOO_LARGE',
      `${what} would take about ${mb(bytes)} MB, more than the limit of ${mb(limit)} MB (option maxBytes)`,
      'maxBytes',
    );
  }
}

/** Cuts closer than this times the domain's scale are identified. */
export const DEFAULT_TOLERANCE = 1e-10;
/** Slopes differing by less than this times the magnitude of their summed terms are equal. */
export const MAP_TOLERANCE = 1e-9;

export interface Prepared {
  /** [D_0 = D_i, D_1, ..., D_K, D_o]. */
  widths: number[];
  /** Omega_k row-major: weights[k][i * D_k + j]. */
  weights: Float64Array[];
  /** Omega_k transposed: columns[k][j * D_{k+1} + i] (column j = the weights out of unit j). */
  columns: Float64Array[];
  biases: Float64Array[];
  /** Breakpoints b_1 < ... < b_m of a[.], and slope/intercept of its m + 1 pieces. */
  breakpoints: Float64Array;
  slopes: Float64Array;
  intercepts: Float64Array;
}

/** Validates `net`, checks it has `inputs` inputs and a piecewise-linear activation, flattens it. */
export function prepare(net: Network, inputs: number): Prepared {
  validateNetwork(net);
  const act = getActivation(net.activation);
  if (!isPiecewiseLinear(act)) throw new NotPiecewiseLinearError(act.name);
  if (inputSize(net) !== inputs) {
    throw new RegionsError(
      'SHAPE_MISMATCH',
      `has D_i = ${inputSize(net)} inputs; this analysis needs D_i = ${inputs} (use regionsOnSegment or regionsOnPlane for other input sizes)`,
      'network',
    );
  }
  const widths = [inputs, ...net.layers.map((l) => l.weights.length)];
  const weights: Float64Array[] = [];
  const columns: Float64Array[] = [];
  const biases: Float64Array[] = [];
  net.layers.forEach((layer, k) => {
    const rows = widths[k + 1] as number;
    const cols = widths[k] as number;
    const w = new Float64Array(rows * cols);
    const wt = new Float64Array(rows * cols);
    layer.weights.forEach((row, i) => {
      row.forEach((v, j) => {
        w[i * cols + j] = v;
        wt[j * rows + i] = v;
      });
    });
    weights.push(w);
    columns.push(wt);
    biases.push(Float64Array.from(layer.biases));
  });
  checkUnderflow(net, act.slopes);
  return {
    widths,
    weights,
    columns,
    biases,
    breakpoints: Float64Array.from(act.breakpoints),
    slopes: Float64Array.from(act.slopes),
    intercepts: Float64Array.from(act.intercepts),
  };
}

/** Below this, a product of coefficients may be subnormal (relative precision lost) or zero. */
const SMALLEST_SAFE_PRODUCT = 2 ** -1000;

/**
 * Throws `PRECISION_LOST` when a product of coefficients along some path through the network can
 * underflow: the product over layers of the smallest non-zero |weight| or |bias| of each layer,
 * times the smallest non-zero |slope| of a[.] per hidden layer. Below 2^-1000 (about 9e-302)
 * a non-zero slope could round to 0 and two regions would silently count as one.
 */
function checkUnderflow(net: Network, slopes: readonly number[]): void {
  const minNonZero = (values: Iterable<number>): number => {
    let m = Infinity;
    for (const v of values) if (v !== 0) m = Math.min(m, Math.abs(v));
    return m;
  };
  const slope = Math.min(1, minNonZero(slopes));
  let log2 = 0;
  net.layers.forEach((layer, k) => {
    const m = Math.min(minNonZero(layer.weights.flat()), minNonZero(layer.biases));
    if (m !== Infinity) log2 += Math.log2(Math.min(1, m));
    if (k < net.layers.length - 1) log2 += Math.log2(slope);
    if (log2 < Math.log2(SMALLEST_SAFE_PRODUCT)) {
      throw new RegionsError(
        'PRECISION_LOST',
        `products of the smallest weights through layers 0..${k} reach about 2^${Math.round(log2)}, below 2^-1000: slopes could underflow to 0 in double precision, so an exact count cannot be promised (rescale the weights)`,
        `layers[${k}]`,
      );
    }
  });
}

/** Index of the activation piece containing z (right-continuous: z = b_j lies in piece j). */
export function pieceOf(breakpoints: Float64Array, z: number): number {
  let j = 0;
  while (j < breakpoints.length && z >= (breakpoints[j] as number)) j++;
  return j;
}

/** Checks a tolerance option. */
export function checkTolerance(value: number | undefined, fallback: number, path: string): number {
  const t = value ?? fallback;
  if (!(t >= 0 && t < 1)) throw new RegionsError('OUT_OF_RANGE', `must be in [0, 1), got ${t}`, path);
  return t;
}

/** Checks the `maxBytes` option (a positive number; default `MAX_REGION_BYTES`). */
export function checkMaxBytes(value: number | undefined): number {
  const limit = value ?? MAX_REGION_BYTES;
  if (!(limit > 0))
    throw new RegionsError('OUT_OF_RANGE', `must be a positive number of bytes, got ${limit}`, 'maxBytes');
  return limit;
}
