/**
 * Drawing-friendly views of a `Regions1D`: one object per activation region or per linear region.
 */
import type { Network } from '@deepnets/core';
import { interiorPoint, patternFunction } from './pattern.ts';
import type { Regions1D } from './regions1d.ts';

/** One activation region [lo, hi] of a 1-D network: y_o = slope[o] x + intercept[o]. */
export interface Piece1D {
  lo: number;
  hi: number;
  slope: number[];
  intercept: number[];
  /** Present when the network was passed: pattern[k - 1][i] = piece of a[.] of unit i in layer k. */
  pattern?: number[][];
}

/** One linear region [lo, hi]: activation regions `from` .. `to - 1` merged, one affine map. */
export interface LinearPiece1D {
  lo: number;
  hi: number;
  slope: number[];
  intercept: number[];
  from: number;
  to: number;
}

const map = (values: Float64Array, p: number, outputs: number): number[] =>
  Array.from(values.subarray(p * outputs, (p + 1) * outputs));

/** The activation regions as objects; with `net`, each carries its activation pattern. */
export function pieces1d(regions: Regions1D, net?: Network): Piece1D[] {
  const patternAt = net ? patternFunction(net) : undefined;
  const { edges, outputs } = regions;
  return Array.from({ length: regions.activationRegions }, (_, p) => {
    const lo = edges[p] as number;
    const hi = edges[p + 1] as number;
    const piece: Piece1D = {
      lo,
      hi,
      slope: map(regions.slopes, p, outputs),
      intercept: map(regions.intercepts, p, outputs),
    };
    if (patternAt) piece.pattern = patternAt([interiorPoint(lo, hi)]);
    return piece;
  });
}

/** The linear regions as objects (neighbouring activation regions with one affine map merged). */
export function linearPieces1d(regions: Regions1D): LinearPiece1D[] {
  const out: LinearPiece1D[] = [];
  const { edges, outputs, linearRegionOf } = regions;
  for (let p = 0; p < regions.activationRegions; p++) {
    const last = out[out.length - 1];
    if (last && linearRegionOf[p] === linearRegionOf[p - 1]) {
      last.hi = edges[p + 1] as number;
      last.to = p + 1;
      continue;
    }
    out.push({
      lo: edges[p] as number,
      hi: edges[p + 1] as number,
      slope: map(regions.slopes, p, outputs),
      intercept: map(regions.intercepts, p, outputs),
      from: p,
      to: p + 1,
    });
  }
  return out;
}
