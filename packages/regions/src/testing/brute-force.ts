/**
 * Independent references for tests: dense grid sampling of activation patterns (the baseline the
 * exact methods are checked against, and benchmarked against).
 */
import type { Network } from '@deepnets/core';
import { patternFunction } from '../pattern.ts';

/** Number of pattern changes + 1 along `samples` equally spaced points of [lo, hi]. */
export function sampledPatternRuns(net: Network, lo: number, hi: number, samples: number): number {
  const at = patternFunction(net);
  let runs = 0;
  let previous = '';
  for (let s = 0; s < samples; s++) {
    const key = at([lo + ((hi - lo) * s) / (samples - 1)]).join('|');
    if (key !== previous) runs++;
    previous = key;
  }
  return runs;
}

/**
 * The distinct patterns found on an n x n grid of a box. The grid is shifted by an irrational
 * fraction of a cell so that samples do not sit exactly on boundaries (measure-zero patterns).
 */
export function sampledPatterns2d(net: Network, box: readonly number[], n: number): Set<string> {
  const at = patternFunction(net);
  return new Set(gridPoints2d(box, n).map((point) => at(point).join('|')));
}

const SHIFT = Math.SQRT1_2 - 0.1;

/** The n x n sample points `sampledPatterns2d` uses. */
export function gridPoints2d(box: readonly number[], n: number): [number, number][] {
  const [x0, x1, y0, y1] = box as [number, number, number, number];
  const points: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      points.push([x0 + ((x1 - x0) * (i + SHIFT)) / n, y0 + ((y1 - y0) * (j + SHIFT * SHIFT)) / n]);
    }
  }
  return points;
}

/**
 * True when (x, y) lies inside the convex counter-clockwise polygon: no farther than eps (relative
 * to the point's coordinates) outside any edge's line. The distance is the cross product divided
 * by the edge's length, so a tiny real polygon (edges 1e-11 long) does not "contain" points far
 * away, as an absolute bound on the bare cross product let it.
 */
export function insideConvex(verts: Float64Array, x: number, y: number, eps = 1e-12): boolean {
  const n = verts.length / 2;
  const slack = eps * Math.max(1, Math.abs(x), Math.abs(y));
  for (let k = 0; k < n; k++) {
    const k1 = (k + 1) % n;
    const ax = verts[2 * k] as number;
    const ay = verts[2 * k + 1] as number;
    const ex = (verts[2 * k1] as number) - ax;
    const ey = (verts[2 * k1 + 1] as number) - ay;
    const length = Math.hypot(ex, ey);
    if (length === 0) continue;
    if ((ex * (y - ay) - ey * (x - ax)) / length < -slack) return false;
  }
  return true;
}
