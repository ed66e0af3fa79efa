/**
 * Networks with one input whose linear regions on [0, 1] reach known counts: the composed
 * zig-zag ((D + 1)^K, the book's maximum for D_i = 1), the sawtooth (D^K) and problem 4.8's
 * network (4 regions; composed with itself K times, 4^(K + 1)).
 *
 * Composition follows the lecture: the output g = c + v . h_k of one copy feeds the next,
 * so layer k's pre-activations are w_j (c + v . h_k) + b_j, i.e. Omega_k = w v^T (rank one) and
 * beta_k = c w + b.
 */
import type { Layer, Network } from '@deepnets/core';
import { checkConstructionSize, checkInteger } from './errors.ts';
import { type Zigzag, zigzag } from './zigzag.ts';

/** The layers of g composed K times, g = c + sum_j v_j ReLU[w_j x + b_j]. */
function composed(g: Zigzag, layers: number): Network {
  checkInteger(layers, 1, 'layers');
  checkConstructionSize(layers, g.w.length);
  const first: Layer = { weights: g.w.map((w) => [w]), biases: [...g.b] };
  const middle: Layer = {
    weights: g.w.map((w) => g.v.map((v) => w * v)),
    biases: g.w.map((w, j) => w * g.c + (g.b[j] as number)),
  };
  const last: Layer = { weights: [[...g.v]], biases: [g.c] };
  const copy = (l: Layer): Layer => ({ weights: l.weights.map((r) => [...r]), biases: [...l.biases] });
  return {
    activation: 'relu',
    layers: [first, ...Array.from({ length: layers - 1 }, () => copy(middle)), last],
  };
}

/**
 * K hidden layers of width D >= 3 with exactly (D + 1)^K linear regions on [0, 1]: the zig-zag
 * with D + 1 pieces, each onto [0, 1], composed K times (e.g. K = 5, D = 10: 471 parameters,
 * 161,051 regions).
 */
export function maxRegionsNetwork(options: { layers: number; width: number }): Network {
  return composed(zigzag(options.width), options.layers);
}

/**
 * The sawtooth: D >= 2 units ReLU[x - j/D] (j = 0..D-1) give D equal teeth on [0, 1], each onto
 * [0, 1]; composed K times, D^K linear regions. Unit 0 has its kink at x = 0, so in deeper layers
 * its pre-activation touches zero at every valley without crossing.
 */
export function sawtoothNetwork(options: { layers: number; width: number }): Network {
  checkInteger(options.width, 2, 'width');
  const D = options.width;
  const kinks = Array.from({ length: D }, (_, j) => j / D);
  return composed(
    {
      w: kinks.map(() => 1),
      b: kinks.map((t) => -t),
      v: kinks.map((_, j) => (j === 0 ? D : (j % 2 === 1 ? -2 : 2) * D)),
      c: 0,
      kinks,
    },
    options.layers,
  );
}

/**
 * Problem 4.8 of the book: hidden units with slopes 1, 1, -1 and joints at 1/6, 2/6, 4/6, combined
 * as phi_0 + phi_1 h_1 + phi_2 h_2 + phi_3 h_3 = 4 - 12 h_1 + 9 h_2 - 6 h_3 into 4 regions that
 * oscillate between 0 and 1; composed with itself `compositions` times (0 = the shallow network),
 * 4^(compositions + 1) regions.
 */
export function problem48Network(compositions = 0): Network {
  checkInteger(compositions, 0, 'compositions');
  return composed(zigzag(3), compositions + 1);
}
