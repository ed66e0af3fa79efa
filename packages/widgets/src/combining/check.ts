/**
 * The check at the cursor: the composition evaluated two ways, as network 2 after network 1 (two
 * separate forward passes) and as the one combined network from core's `compose`, unit by unit.
 * They must agree to rounding: the combined network's first layer is network 1's, and its second
 * layer's pre-activations psi_i0 + sum_j psi_ij h_j equal network 2's theta'_i0 + theta'_i1 y.
 */
import { forwardTrace, type Network } from '@deepnets/core';

export interface CursorCheck {
  x: number;
  /** Rows: name, value by composing the two networks, value in the combined network (undefined: no such unit). */
  rows: { name: string; composing: number; combined: number | undefined }[];
  /** Largest |difference| over the rows that exist in both. */
  maxDifference: number;
  agree: boolean;
}

export function checkAt(net1: Network, net2: Network, combined: Network, x: number): CursorCheck {
  const first = forwardTrace(net1, [x]);
  const second = forwardTrace(net2, first.output);
  const joint = forwardTrace(combined, [x]);
  const h = first.activations[0] ?? [];
  const hPrime = second.activations[0] ?? [];
  const rows = [
    ...h.map((v, i) => ({ name: `h${'₁₂₃₄₅₆'[i]}`, composing: v, combined: joint.activations[0]?.[i] })),
    { name: 'y', composing: first.output[0]!, combined: undefined },
    ...hPrime.map((v, i) => ({
      name: `h′${'₁₂₃₄₅₆'[i]}`,
      composing: v,
      combined: joint.activations[1]?.[i],
    })),
    { name: 'y′', composing: second.output[0]!, combined: joint.output[0] },
  ];
  let maxDifference = 0;
  for (const row of rows) {
    if (row.combined !== undefined)
      maxDifference = Math.max(maxDifference, Math.abs(row.composing - row.combined));
  }
  const scale = Math.max(1, ...rows.map((r) => Math.abs(r.composing)));
  return { x, rows, maxDifference, agree: maxDifference <= 1e-12 * scale };
}
