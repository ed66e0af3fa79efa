/**
 * The lecture's "combine two networks into one", as numbers: psi_i0 = theta'_i0 + theta'_i1 phi_0 and
 * psi_ij = theta'_i1 phi_j, so Psi = theta'_{.1} (phi_1, phi_2, phi_3) has rank one; the rank of any
 * Psi; and a test that a 16-region function cannot come from composing two 1-3-1 networks.
 */
import type { Regions1D } from '@deepnets/regions';
import type { NetworkPair } from '../kit/network-pair.ts';

/** psi_0 (one entry per unit of network 2) and Psi (3 x 3) of the composition. */
export function compositionPsi(pair: NetworkPair): { psi0: number[]; psi: number[][] } {
  const [phi0 = 0, ...phis] = pair.phi1;
  return {
    psi0: pair.theta2.map(([b = 0, w = 0]) => b + w * phi0),
    psi: pair.theta2.map(([, w = 0]) => phis.map((p) => w * p)),
  };
}

/** The rank of `m` by Gaussian elimination with partial pivoting; entries below tol * max|m| count as 0. */
export function matrixRank(m: readonly (readonly number[])[], tol = 1e-9): number {
  const a = m.map((row) => [...row]);
  const scale = Math.max(0, ...a.flat().map(Math.abs));
  if (scale === 0) return 0;
  const eps = tol * scale;
  const rows = a.length;
  const cols = a[0]?.length ?? 0;
  let rank = 0;
  for (let c = 0; c < cols && rank < rows; c++) {
    let pivot = rank;
    for (let r = rank + 1; r < rows; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (Math.abs(a[pivot]![c]!) <= eps) continue;
    [a[rank], a[pivot]] = [a[pivot]!, a[rank]!];
    for (let r = rank + 1; r < rows; r++) {
      const f = a[r]![c]! / a[rank]![c]!;
      for (let k = c; k < cols; k++) a[r]![k]! -= f * a[rank]![k]!;
    }
    rank++;
  }
  return rank;
}

/** The slope of each linear region, left to right. */
export function linearSlopes(r: Regions1D, output = 0): number[] {
  const out: number[] = [];
  for (let p = 0; p < r.activationRegions; p++) {
    if (p === 0 || r.linearRegionOf[p] !== r.linearRegionOf[p - 1])
      out.push(r.slopes[p * r.outputs + output]!);
  }
  return out;
}

export interface SixteenTest {
  /** The test decides only for functions with exactly 16 linear regions. */
  applies: boolean;
  /** Blocks of 4 slopes (every second one reversed), when it applies. */
  blocks: number[][];
  /** Largest 2 x 2 minor of the blocks, relative to the largest slope squared. */
  spread: number;
  /** False: no composition of two 1-3-1 networks has this function. */
  compositionPossible: boolean;
}

/**
 * Why a composition y' = g(f(x)) of two 1-3-1 ReLU networks with 16 linear regions on an interval
 * has a rigid slope pattern: f has at most 4 affine pieces, and on a piece with slope a, y' = g(a x + b)
 * meets each of g's at most 4 pieces at most once, in order. So 16 regions need exactly 4 pieces of f,
 * each crossing all 3 joints of g, with f's joints at region boundaries 4, 8 and 12; consecutive pieces
 * run in opposite directions (each ends beyond all joints of g). On piece p the 4 slopes are
 * a_p (G_1, G_2, G_3, G_4), reversed on every second piece. Written as rows, the 4 blocks form a
 * matrix of rank one. A function whose blocks do not is out of reach of every such composition.
 */
export function sixteenRegionTest(r: Regions1D, tol = 1e-6): SixteenTest {
  const slopes = linearSlopes(r);
  if (slopes.length !== 16) return { applies: false, blocks: [], spread: 0, compositionPossible: true };
  const blocks = [0, 1, 2, 3].map((p) => {
    const block = slopes.slice(4 * p, 4 * p + 4);
    return p % 2 === 1 ? block.reverse() : block;
  });
  const scale = Math.max(...slopes.map(Math.abs)) ** 2;
  let spread = 0;
  for (let p = 0; p < 4; p++)
    for (let q = p + 1; q < 4; q++)
      for (let i = 0; i < 4; i++)
        for (let j = i + 1; j < 4; j++) {
          const minor = blocks[p]![i]! * blocks[q]![j]! - blocks[p]![j]! * blocks[q]![i]!;
          spread = Math.max(spread, Math.abs(minor) / scale);
        }
  return { applies: true, blocks, spread, compositionPossible: spread <= tol };
}
