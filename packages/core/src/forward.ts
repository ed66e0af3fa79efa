/**
 * The forward pass of the lecture's general deep network:
 *
 *   h_1 = a[beta_0 + Omega_0 x],  h_k = a[beta_{k-1} + Omega_{k-1} h_{k-1}],  y = beta_K + Omega_K h_K.
 *
 * Shapes are checked as the pass goes (a wrong input length or a ragged layer is a `ShapeError`,
 * a NaN or infinite input a `DeepnetsError` with code `NON_FINITE`), and so is a value that
 * overflows on the way (code `NON_FINITE`, naming the layer and the unit): no call returns a silent
 * NaN or Infinity. Call `validateNetwork` once for a full check of a network you did not build.
 */
import { getActivation } from './default-registry.ts';
import { DeepnetsError, ShapeError } from './errors.ts';
import type { Layer, Network } from './network.ts';
import { inputSize } from './shape.ts';

/** Every intermediate value of one forward pass (index k-1 holds hidden layer k). */
export interface ForwardTrace {
  /** preActivations[k-1] = beta_{k-1} + Omega_{k-1} h_{k-1}: the pre-activations of hidden layer k. */
  preActivations: number[][];
  /** activations[k-1] = h_k = a[preActivations[k-1]]. */
  activations: number[][];
  /** y = beta_K + Omega_K h_K. */
  output: number[];
}

function checkInput(net: Network, x: ArrayLike<number>, path: string): void {
  const di = inputSize(net);
  if (x.length !== di) throw new ShapeError(`has ${x.length} entries, expected D_i = ${di}`, path);
  for (let j = 0; j < x.length; j++) {
    if (!Number.isFinite(x[j])) {
      throw new DeepnetsError('NON_FINITE', `must be finite, got ${x[j]}`, `${path}[${j}]`);
    }
  }
}

/**
 * Throws `NON_FINITE` naming layer k and unit i when a computed value overflowed (or became NaN);
 * `what` says which value (a pre-activation of hidden layer k + 1, its activation, or an output).
 */
function checkComputed(value: number, k: number, i: number, last: number, what = 'pre-activation'): void {
  if (Number.isFinite(value)) return;
  const where = k < last ? `unit ${i} of hidden layer ${k + 1}` : `output ${i}`;
  throw new DeepnetsError(
    'NON_FINITE',
    `the ${k < last ? what : 'value'} of ${where} is ${value}: the computation overflowed double precision`,
    `layers[${k}]`,
  );
}

/** beta_k + Omega_k h for one layer. */
function affine(layer: Layer, h: readonly number[], k: number): number[] {
  const { weights, biases } = layer;
  if (biases.length !== weights.length) {
    throw new ShapeError(`has ${biases.length} biases for ${weights.length} rows`, `layers[${k}].biases`);
  }
  return weights.map((row, i) => {
    if (row.length !== h.length) {
      throw new ShapeError(
        `row ${i} has ${row.length} entries, expected ${h.length}`,
        `layers[${k}].weights`,
      );
    }
    let z = biases[i] as number;
    for (let j = 0; j < row.length; j++) z += (row[j] as number) * (h[j] as number);
    return z;
  });
}

/** Omega_k as one row-major Float64Array, checking that every row has `width` entries. */
function flatWeights(layer: Layer, k: number, width: number): Float64Array {
  const w = new Float64Array(layer.weights.length * width);
  layer.weights.forEach((row, i) => {
    if (row.length !== width) {
      throw new ShapeError(`row ${i} has ${row.length} entries, expected ${width}`, `layers[${k}].weights`);
    }
    w.set(row, i * width);
  });
  return w;
}

/** Runs the network on one input x (D_i entries), recording every layer's values. */
export function forwardTrace(net: Network, x: readonly number[]): ForwardTrace {
  checkInput(net, x, 'x');
  const a = getActivation(net.activation).f;
  const preActivations: number[][] = [];
  const activations: number[][] = [];
  let h: number[] = [...x];
  const last = net.layers.length - 1;
  for (let k = 0; k < last; k++) {
    const z = affine(net.layers[k] as Layer, h, k);
    z.forEach((v, i) => {
      checkComputed(v, k, i, last);
    });
    h = z.map(a);
    h.forEach((v, i) => {
      checkComputed(v, k, i, last, 'activation');
    });
    preActivations.push(z);
    activations.push(h);
  }
  const output = affine(net.layers[last] as Layer, h, last);
  output.forEach((v, i) => {
    checkComputed(v, last, i, last);
  });
  return { preActivations, activations, output };
}

/** y = f[x]: the network's output (D_o entries) for one input x (D_i entries). */
export function evaluate(net: Network, x: readonly number[]): number[] {
  return forwardTrace(net, x).output;
}

/**
 * The outputs for `count` inputs stored row-major in `xs` (input n is xs[n D_i .. n D_i + D_i - 1]);
 * returns `count * D_o` values, row-major, in a Float64Array.
 */
export function evaluateBatch(net: Network, xs: Float64Array | Float32Array, count: number): Float64Array {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be a non-negative integer, got ${count}`, 'count');
  }
  const di = inputSize(net);
  if (xs.length !== count * di) {
    throw new ShapeError(`has ${xs.length} values, expected count * D_i = ${count} * ${di}`, 'xs');
  }
  for (let n = 0; n < xs.length; n++) {
    if (!Number.isFinite(xs[n])) {
      throw new DeepnetsError('NON_FINITE', `must be finite, got ${xs[n]}`, `xs[${n}]`);
    }
  }
  const a = getActivation(net.activation).f;
  let h: Float64Array = Float64Array.from(xs);
  let width = di;
  const last = net.layers.length - 1;
  net.layers.forEach((layer, k) => {
    const rows = layer.weights.length;
    const w = flatWeights(layer, k, width);
    const b = Float64Array.from(layer.biases);
    if (b.length !== rows) {
      throw new ShapeError(`has ${b.length} biases for ${rows} rows`, `layers[${k}].biases`);
    }
    const z = new Float64Array(count * rows);
    for (let n = 0; n < count; n++) {
      const base = n * width;
      for (let i = 0; i < rows; i++) {
        let s = b[i] as number;
        const wi = i * width;
        for (let j = 0; j < width; j++) s += (w[wi + j] as number) * (h[base + j] as number);
        const v = k < last ? a(s) : s;
        if (!Number.isFinite(v)) {
          checkComputed(s, k, i, last);
          checkComputed(v, k, i, last, 'activation');
        }
        z[n * rows + i] = v;
      }
    }
    h = z;
    width = rows;
  });
  return h;
}
