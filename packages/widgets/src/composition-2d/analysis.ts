/**
 * The 2-D composition computed exactly: network 1 (two inputs) and the composition as convex
 * polygons with their affine maps (@deepnets/regions `regions2d`), network 2 on the y values
 * network 1 reaches (`regions1d`), value ranges (exact: the maps are affine on each polygon, so the
 * extremes sit at vertices) and the flat linear regions (zero gradient).
 */
import { compose, type Network, shallowNetwork } from '@deepnets/core';
import { type Regions1D, type Regions2D, regions1d, regions2d } from '@deepnets/regions';
import type { Pair2D } from './params.ts';

export interface Composition2DAnalysis {
  net1: Network;
  net2: Network;
  composed: Network;
  box: [number, number, number, number];
  regions1: Regions2D;
  composedRegions: Regions2D;
  /** [min, max] of y over the box, and of y'. */
  range1: [number, number];
  rangeComposed: [number, number];
  /** Network 2 drawn on the reached y values, padded. */
  regions2: Regions1D;
  /** Linear regions of network 2 that the reached y interval meets. */
  regions2Reached: number;
  /** Linear regions with zero gradient (one affine map that is constant). */
  flat1: number;
  flatComposed: number;
}

/** [min, max] of output 0 over all polygon vertices. */
export function valueRange(r: Regions2D): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of r.polygons) {
    for (let i = 0; i < p.vertices.length; i += 2) {
      const v = p.dx[0]! * p.vertices[i]! + p.dy[0]! * p.vertices[i + 1]! + p.c[0]!;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo, hi];
}

/** For each polygon of `r`, whether it is flat: its gradient is zero up to rounding. */
export function flatPolygons(r: Regions2D): boolean[] {
  const [lo, hi] = valueRange(r);
  const eps = 1e-12 * Math.max(1, hi - lo);
  return r.polygons.map((p) => Math.abs(p.dx[0]!) + Math.abs(p.dy[0]!) <= eps);
}

/** Number of linear regions whose map is flat. */
export function flatRegions(r: Regions2D): number {
  const ids = new Set<number>();
  flatPolygons(r).forEach((flat, i) => {
    if (flat) ids.add(r.linearRegionOf[i]!);
  });
  return ids.size;
}

export function analyseComposition2d(
  pair: Pair2D,
  box: [number, number, number, number] = [-1, 1, -1, 1],
): Composition2DAnalysis {
  const net1 = shallowNetwork({ theta: pair.theta1, phi: pair.phi1 });
  const net2 = shallowNetwork({ theta: pair.theta2, phi: pair.phi2 });
  const composed = compose(net1, net2);
  const regions1 = regions2d(net1, { box });
  const composedRegions = regions2d(composed, { box });
  const range1 = valueRange(regions1);
  const span = range1[1] - range1[0];
  const pad = Math.max(0.25, 0.1 * span);
  const regions2 = regions1d(net2, { domain: [range1[0] - pad, range1[1] + pad] });
  const regions2Reached = span > 1e-12 ? regions1d(net2, { domain: range1 }).linearRegions : 1;
  return {
    net1,
    net2,
    composed,
    box,
    regions1,
    composedRegions,
    range1,
    rangeComposed: valueRange(composedRegions),
    regions2,
    regions2Reached,
    flat1: flatRegions(regions1),
    flatComposed: flatRegions(composedRegions),
  };
}
