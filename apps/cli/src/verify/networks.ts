/**
 * The networks the checks count, in the lecture's scalar notation (theta, phi for network 1;
 * theta', phi' for network 2). These are inputs, not results: every count is computed from them.
 * The lecture's example pairs live in @deepnets/core (lecture-networks.ts), shared with the widgets.
 */
import { type Network, type ShallowPair, shallowNetwork } from '@deepnets/core';

export { FIGURE_4_1, FIGURE_4_2, NINE_REGIONS, SIXTEEN_REGIONS } from '@deepnets/core';

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
