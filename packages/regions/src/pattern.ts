/**
 * Activation patterns: for each hidden unit, the index of the piece of a[.] its pre-activation
 * lies in (for ReLU: 0 = inactive, 1 = active). Regions store no patterns; these functions
 * recompute them at a point, which is exact away from the region's boundary.
 */
import type { Network } from '@deepnets/core';
import { pieceOf, prepare } from './prepare.ts';

/** A function x -> pattern for one network (prepared once, reused for many points). */
export function patternFunction(net: Network): (x: readonly number[]) => number[][] {
  const p = prepare(net, net.layers[0]?.weights[0]?.length ?? 0);
  const hidden = p.widths.length - 2;
  return (x) => {
    const pattern: number[][] = [];
    let h = Float64Array.from(x);
    for (let k = 0; k < hidden; k++) {
      const rows = p.widths[k + 1] as number;
      const cols = p.widths[k] as number;
      const w = p.weights[k] as Float64Array;
      const b = p.biases[k] as Float64Array;
      const next = new Float64Array(rows);
      const layer: number[] = [];
      for (let i = 0; i < rows; i++) {
        let z = b[i] as number;
        for (let j = 0; j < cols; j++) z += (w[i * cols + j] as number) * (h[j] as number);
        const piece = pieceOf(p.breakpoints, z);
        layer.push(piece);
        next[i] = (p.slopes[piece] as number) * z + (p.intercepts[piece] as number);
      }
      pattern.push(layer);
      h = next;
    }
    return pattern;
  };
}

/** The activation pattern of `net` at input x: pattern[k - 1][i] is the piece of unit i of layer k. */
export function activationPattern(net: Network, x: readonly number[]): number[][] {
  return patternFunction(net)(x);
}

/** A point strictly inside [lo, hi] (which may be infinite on either side). */
export function interiorPoint(lo: number, hi: number): number {
  if (Number.isFinite(lo) && Number.isFinite(hi)) return lo + (hi - lo) / 2;
  if (Number.isFinite(lo)) return lo + Math.max(1, Math.abs(lo));
  if (Number.isFinite(hi)) return hi - Math.max(1, Math.abs(hi));
  return 0;
}
