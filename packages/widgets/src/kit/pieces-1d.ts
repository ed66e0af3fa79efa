/**
 * Reading a 1-D piecewise-linear function from its exact pieces (`Regions1D` of
 * `@deepnets/regions`): its values at the edges, the piece that holds an x, f(x), the bounds of
 * its linear regions, and the word after a region count. Shared by the 1-D widgets (composition,
 * combining, the 2-D composition's slices, two outputs, the network builder).
 */
import type { Regions1D } from '@deepnets/regions';

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

/** "linear region" or "linear regions" after the count `n`. */
export const linearRegionsWord = (n: number | bigint | string): string =>
  String(n) === '1' ? 'linear region' : 'linear regions';
