/**
 * Everything the section-1 widget shows about two composed networks, computed exactly with
 * @deepnets/core (shallowNetwork, compose) and @deepnets/regions (regions1d): the pieces of
 * network 1 on the x interval, of network 2 on the y interval it draws, and of the composition,
 * with each linear region of the composition tagged by the linear region ("fold") of network 1
 * it lies in.
 */
import { compose, type Network, shallowNetwork } from '@deepnets/core';
import { type Regions1D, regions1d } from '@deepnets/regions';
import type { NetworkPair } from './params.ts';

export interface CompositionAnalysis {
  net1: Network;
  net2: Network;
  composed: Network;
  /** The x interval (network 1 and the composition). */
  domain: [number, number];
  /** Network 1 on `domain`. */
  regions1: Regions1D;
  /** [min, max] of y = network 1(x) over `domain`: where network 2 is used. */
  reached: [number, number];
  /** Network 2 on the y interval drawn (reached, padded). */
  regions2: Regions1D;
  /** Linear regions of network 2 that `reached` meets. */
  regions2Reached: number;
  /** The composition on `domain`. */
  composedRegions: Regions1D;
  /** For each linear region of the composition, the linear region of network 1 that holds it. */
  foldOf: number[];
}

/** Values of a 1-D function at its edges: piece p's map at x_p, the last piece's at x_n. */
export function valuesAtEdges(r: Regions1D, output = 0): Float64Array {
  const { edges, slopes, intercepts, outputs } = r;
  const n = edges.length - 1;
  const out = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const p = Math.min(i, n - 1) * outputs + output;
    out[i] = (slopes[p] as number) * (edges[i] as number) + (intercepts[p] as number);
  }
  return out;
}

/** The activation region index that holds x (binary search over the edges). */
export function pieceAt(r: Regions1D, x: number): number {
  let lo = 0;
  let hi = r.edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((r.edges[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** f(x) from the exact pieces. */
export function valueAt(r: Regions1D, x: number, output = 0): number {
  const p = pieceAt(r, x) * r.outputs + output;
  return (r.slopes[p] as number) * x + (r.intercepts[p] as number);
}

/** Start and end x of every linear region. */
export function linearRegionBounds(r: Regions1D): [number, number][] {
  const out: [number, number][] = [];
  for (let p = 0; p < r.activationRegions; p++) {
    const lo = r.edges[p] as number;
    const hi = r.edges[p + 1] as number;
    const last = out[out.length - 1];
    if (last && r.linearRegionOf[p] === r.linearRegionOf[p - 1]) last[1] = hi;
    else out.push([lo, hi]);
  }
  return out;
}

export function analyseComposition(
  pair: NetworkPair,
  domain: [number, number] = [-1, 1],
): CompositionAnalysis {
  const net1 = shallowNetwork({ theta: pair.theta1, phi: pair.phi1 });
  const net2 = shallowNetwork({ theta: pair.theta2, phi: pair.phi2 });
  const composed = compose(net1, net2);
  const regions1 = regions1d(net1, { domain });
  const ys = valuesAtEdges(regions1);
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  const reached: [number, number] = [lo, hi];
  if (!(hi - lo > 1e-9)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = Math.max(0.25, 0.1 * (hi - lo));
  const regions2 = regions1d(net2, { domain: [lo - pad, hi + pad] });
  const regions2Reached =
    reached[1] - reached[0] > 1e-12 ? regions1d(net2, { domain: reached }).linearRegions : 1;
  const composedRegions = regions1d(composed, { domain });
  const foldOf = linearRegionBounds(composedRegions).map(([a, b]) => {
    const p = pieceAt(regions1, (a + b) / 2);
    return regions1.linearRegionOf[p] as number;
  });
  return {
    net1,
    net2,
    composed,
    domain,
    regions1,
    reached,
    regions2,
    regions2Reached,
    composedRegions,
    foldOf,
  };
}

/** "linear region" or "linear regions" after the count `n`. */
export const linearRegionsWord = (n: number | bigint | string): string =>
  String(n) === '1' ? 'linear region' : 'linear regions';
