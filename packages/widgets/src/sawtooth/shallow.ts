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
