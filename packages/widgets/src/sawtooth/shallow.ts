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

/** A running sum with Neumaier's compensation (thousands of terms of size 2^K cancel here). */
class CompensatedSum {
  private sum = 0;
  private carry = 0;
  add(term: number): void {
    const next = this.sum + term;
    this.carry += Math.abs(this.sum) >= Math.abs(term) ? this.sum - next + term : term - next + this.sum;
    this.sum = next;
  }
  get value(): number {
    return this.sum + this.carry;
  }
}

/**
 * y = beta_1 + sum_i omega_1i ReLU[beta_0i + omega_0i x] at every x of `xs`, for a network with one
 * input, one hidden layer and one output. Unit i is active on one side of its joint
 * t_i = -beta_0i / omega_0i, so sweeping the xs in increasing order switches each unit on (or off)
 * once: while active it adds omega_1i omega_0i to the slope and omega_1i beta_0i to the offset.
 * O((D + n) log(D + n)) instead of the direct O(D n), which took ~30 ms for the 4,096 units and
 * 2,049 points of the K = 12 sawtooth (a long task while dragging K). Tested against core's
 * evaluateBatch (shallow.test.ts).
 */
export function evaluateShallow1d(net: Network, xs: Float64Array): Float64Array {
  const [hidden, output] = net.layers;
  if (!hidden || !output || net.layers.length !== 2 || net.activation !== 'relu')
    throw new Error('evaluateShallow1d: expected a ReLU network with one hidden layer');
  const outWeights = output.weights[0] as number[];
  const slope = new CompensatedSum();
  const offset = new CompensatedSum();
  offset.add(output.biases[0] as number);
  /** Units that switch at their joint: +1 switches on (omega_0 > 0), -1 switches off. */
  const switches: { at: number; unit: number; sign: 1 | -1 }[] = [];
  hidden.biases.forEach((bias, unit) => {
    const w = (hidden.weights[unit] as number[])[0] as number;
    const v = outWeights[unit] as number;
    if (w === 0) {
      if (bias > 0) offset.add(v * bias);
    } else if (w > 0) {
      switches.push({ at: -bias / w, unit, sign: 1 });
    } else {
      slope.add(v * w);
      offset.add(v * bias);
      switches.push({ at: -bias / w, unit, sign: -1 });
    }
  });
  // At a shared joint the units switching off go first (they are off at x = t, the others not yet on).
  switches.sort((a, b) => a.at - b.at || a.sign - b.sign);
  const order = Array.from(xs.keys()).sort((a, b) => (xs[a] as number) - (xs[b] as number));
  const ys = new Float64Array(xs.length);
  let next = 0;
  for (const p of order) {
    const x = xs[p] as number;
    // ReLU[beta + omega x] > 0 strictly past the joint: on for x > t (omega > 0), off for x >= t.
    for (; next < switches.length; next++) {
      const s = switches[next] as (typeof switches)[number];
      if (s.sign === 1 ? !(x > s.at) : !(x >= s.at)) break;
      const w = (hidden.weights[s.unit] as number[])[0] as number;
      const v = outWeights[s.unit] as number;
      slope.add(s.sign * v * w);
      offset.add(s.sign * v * (hidden.biases[s.unit] as number));
    }
    ys[p] = offset.value + slope.value * x;
  }
  return ys;
}
