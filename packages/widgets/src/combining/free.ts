/**
 * The general two-layer network of the contrast: the first layer and output of the 16-region
 * composition, but Psi free (22 parameters: 6 + 3 + 9 + 4). Its default Psi is the composition's
 * rank-one Psi nudged by 0.1 in three entries: still 16 linear regions, rank 3, and slope blocks that
 * no composition of two 1-3-1 networks has (see `sixteenRegionTest`).
 */
import { type Network, shallowNetwork } from '@deepnets/core';
import { SIXTEEN_REGIONS } from '../kit/network-pair.ts';
import { compositionPsi } from './psi.ts';

export const RANK_ONE_PSI: number[][] = compositionPsi(SIXTEEN_REGIONS).psi;

export const FREE_PSI: number[][] = [
  [-3.1, 4.5, -6],
  [3, -4.4, 6],
  [3, -4.5, 5.9],
];

/** h = a[theta + theta x] as in SIXTEEN_REGIONS, h' = a[psi_0 + Psi h], y' = phi' . h' (+ phi'_0). */
export function freePsiNetwork(psi: readonly (readonly number[])[]): Network {
  const first = shallowNetwork({ theta: SIXTEEN_REGIONS.theta1, phi: SIXTEEN_REGIONS.phi1 });
  const { psi0 } = compositionPsi(SIXTEEN_REGIONS);
  const [phi0 = 0, ...phis] = SIXTEEN_REGIONS.phi2;
  return {
    activation: 'relu',
    layers: [
      first.layers[0]!,
      { weights: psi.map((row) => [...row]), biases: psi0 },
      { weights: [phis], biases: [phi0] },
    ],
  };
}
