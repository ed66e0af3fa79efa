/**
 * The shallow network equal to a 1-D piecewise-linear function on [lo, hi]: with pieces of slopes
 * s_0..s_{n-1} meeting at t_1..t_{n-1},
 *
 *   f(x) = f(lo) + s_0 ReLU[x - lo] + sum_j (s_j - s_{j-1}) ReLU[x - t_j]   for x in [lo, hi],
 *
 * one hidden unit per piece. No shallow network does it with fewer than n - 1 units, since D
 * units make at most D + 1 regions on a line.
 */
import type { Network } from '@deepnets/core';
import type { Regions1D } from '@deepnets/regions';

export function shallowFromPieces(r: Regions1D, lo: number): Network {
  const n = r.edges.length - 1;
  const weights: number[][] = [];
  const biases: number[] = [];
  const out: number[] = [];
  let previous = 0;
  for (let p = 0; p < n; p++) {
    const slope = r.slopes[p] as number;
    const kink = p === 0 ? lo : (r.edges[p] as number);
    if (slope !== previous) {
      weights.push([1]);
      biases.push(-kink);
      out.push(slope - previous);
    }
    previous = slope;
  }
  const c = (r.slopes[0] as number) * lo + (r.intercepts[0] as number);
  return {
    activation: 'relu',
    layers: [
      { weights, biases },
      { weights: [out], biases: [c] },
    ],
  };
}

/**
 * y = beta_1 + sum_i omega_1i ReLU[beta_0i + omega_0i x] at every x of `xs`, for a network with one
 * input, one hidden layer and one output: a direct loop over the D units (core's general
 * evaluateBatch is far slower for the thousands of units of the K = 12 sawtooth).
 */
export function evaluateShallow1d(net: Network, xs: Float64Array): Float64Array {
  const [hidden, output] = net.layers;
  if (!hidden || !output || net.layers.length !== 2 || net.activation !== 'relu')
    throw new Error('evaluateShallow1d: expected a ReLU network with one hidden layer');
  const w0 = Float64Array.from(hidden.weights, (row) => row[0] as number);
  const b0 = Float64Array.from(hidden.biases);
  const w1 = Float64Array.from(output.weights[0] as number[]);
  const b1 = output.biases[0] as number;
  const ys = new Float64Array(xs.length);
  for (let p = 0; p < xs.length; p++) {
    const x = xs[p] as number;
    let y = b1;
    for (let i = 0; i < w0.length; i++) {
      const z = (b0[i] as number) + (w0[i] as number) * x;
      if (z > 0) y += (w1[i] as number) * z;
    }
    ys[p] = y;
  }
  return ys;
}
