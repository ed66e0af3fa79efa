/**
 * The networks the checks count, in the lecture's scalar notation (theta, phi for network 1;
 * theta', phi' for network 2). These are inputs, not results: every count is computed from them.
 * They are the same networks the docs widgets start from (packages/widgets composition params).
 */
import { type Network, shallowNetwork } from '@deepnets/core';

/** Two shallow networks with one input: h_d = a[theta_d0 + theta_d1 x], y = phi_0 + sum_d phi_d h_d. */
export interface ShallowPair {
  theta1: number[][];
  phi1: number[];
  theta2: number[][];
  phi2: number[];
}

/** The two 1-3-1 networks of the book's Figure 4.1 (UDL notebook 4.1, "Composing networks"). */
export const FIGURE_4_1: ShallowPair = {
  theta1: [
    [0, -1],
    [0, 1],
    [-0.67, 1],
  ],
  phi1: [1, -2, -3, 9.3],
  theta2: [
    [-0.6, -1],
    [0.2, 1],
    [-0.5, 1],
  ],
  phi2: [0.5, -1, -1.5, 2],
};

/** Network 1 folds [-1, 1] three times, network 2 has three pieces in that range: 9 regions. */
export const NINE_REGIONS: ShallowPair = {
  theta1: [
    [1, 1],
    [0.33, 1],
    [-0.33, 1],
  ],
  phi1: [-1, 3, -6, 6],
  theta2: [
    [1.5, 1],
    [0.3, 1],
    [-0.4, 1],
  ],
  phi2: [-0.5, 1, -2.5, 3.5],
};

/** Network 1 zig-zags four times, network 2 has all three joints in range: 4 x 4 regions. */
export const SIXTEEN_REGIONS: ShallowPair = {
  theta1: [
    [1 / 3, 1],
    [1 / 3, -1],
    [2 / 3, -1],
  ],
  phi1: [3.5, -3, 4.5, -6],
  theta2: [
    [0.25, 1],
    [0, -1],
    [0.25, -1],
  ],
  phi2: [0, -1, 1.5, -2],
};

/**
 * The book's Figure 4.2 example: three lines around a triangle where every unit of network 1
 * (two inputs) is off, and network 2 bending just above the flat value.
 */
export const FIGURE_4_2: ShallowPair = {
  theta1: [
    [-0.3, 0, 1],
    [-0.3, -0.87, -0.5],
    [-0.3, 0.87, -0.5],
  ],
  phi1: [-1, 1.2, 1.6, 2],
  theta2: [
    [1.5, 1],
    [0.8, 1],
  ],
  phi2: [0, 1, -2],
};

/** A shallow 1-6-1 network with joints at -5/6, -3/6, ..., 5/6 and alternating slopes. */
export function shallowSixUnits(): Network {
  const joints = [-5, -3, -1, 1, 3, 5].map((j) => j / 6);
  return shallowNetwork({
    theta: joints.map((t) => [-t, 1]),
    phi: [0, ...joints.map((_, d) => (d % 2 === 0 ? 2 : -2) * (d + 1))],
  });
}

export const networksOf = (pair: ShallowPair): [Network, Network] => [
  shallowNetwork({ theta: pair.theta1, phi: pair.phi1 }),
  shallowNetwork({ theta: pair.theta2, phi: pair.phi2 }),
];
