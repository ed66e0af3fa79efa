/**
 * A zoomable window [x0, x1] inside [0, 1] and the drawing of a 1-D piecewise-linear function with
 * very many pieces in it: every vertex when few pieces are in view, else a per-pixel min/max
 * envelope (so 1.7 million regions draw as fast as 20).
 */
import type { Regions1D } from '@deepnets/regions';

export interface View {
  x0: number;
  x1: number;
}

export const FULL: View = { x0: 0, x1: 1 };
/** Narrowest window: a thousandth of the smallest region of K = 6, D = 12 still shows. */
export const MIN_WIDTH = 1e-12;

/** Zooms by `factor` (> 1 zooms in) keeping the point at fraction `at` of the window fixed. */
export function zoom(view: View, factor: number, at = 0.5): View {
  const width = Math.min(1, Math.max(MIN_WIDTH, (view.x1 - view.x0) / factor));
  const centre = view.x0 + at * (view.x1 - view.x0);
  return clampView({ x0: centre - at * width, x1: centre - at * width + width });
}

/** Moves the window by `fraction` of its width. */
export function pan(view: View, fraction: number): View {
  const shift = fraction * (view.x1 - view.x0);
  return clampView({ x0: view.x0 + shift, x1: view.x1 + shift });
}

export function clampView(view: View): View {
  const width = Math.min(1, Math.max(MIN_WIDTH, view.x1 - view.x0));
  const x0 = Math.min(1 - width, Math.max(0, view.x0));
  return { x0, x1: x0 + width };
}

/** Index of the first piece whose right edge is > x (edges sorted, pieces = edges.length - 1). */
export function pieceAt(edges: Float64Array, x: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid + 1] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface InView {
  /** Pieces overlapping the window. */
  first: number;
  last: number;
  count: number;
  /** Narrowest piece overlapping the window (its full width). */
  smallest: number;
}

export function piecesInView(r: Regions1D, view: View): InView {
  const first = pieceAt(r.edges, view.x0);
  const last = Math.max(first, pieceAt(r.edges, view.x1 - 1e-300));
  let smallest = Number.POSITIVE_INFINITY;
  for (let p = first; p <= last; p++) {
    smallest = Math.min(smallest, (r.edges[p + 1] as number) - (r.edges[p] as number));
  }
  return { first, last, count: last - first + 1, smallest };
}

/** f at x on piece p (one output). */
export const valueOn = (r: Regions1D, p: number, x: number) =>
  (r.slopes[p] as number) * x + (r.intercepts[p] as number);

/**
 * Points to draw: exact vertices (clipped to the window) when at most `maxVertices` pieces are in
 * view, else `columns` columns of [min, max] (returned as pairs, `envelope: true`).
 */
export function drawing(
  r: Regions1D,
  view: View,
  columns: number,
  maxVertices = 2000,
): { envelope: boolean; xs: number[]; ys: number[] } {
  const { first, last, count } = piecesInView(r, view);
  const xs: number[] = [];
  const ys: number[] = [];
  if (count <= maxVertices) {
    for (let p = first; p <= last; p++) {
      const a = Math.max(view.x0, r.edges[p] as number);
      const b = Math.min(view.x1, r.edges[p + 1] as number);
      if (p === first) {
        xs.push(a);
        ys.push(valueOn(r, p, a));
      }
      xs.push(b);
      ys.push(valueOn(r, p, b));
    }
    return { envelope: false, xs, ys };
  }
  const lo = new Float64Array(columns).fill(Number.POSITIVE_INFINITY);
  const hi = new Float64Array(columns).fill(Number.NEGATIVE_INFINITY);
  const w = view.x1 - view.x0;
  const col = (x: number) => Math.min(columns - 1, Math.max(0, Math.floor(((x - view.x0) / w) * columns)));
  for (let p = first; p <= last; p++) {
    const a = Math.max(view.x0, r.edges[p] as number);
    const b = Math.min(view.x1, r.edges[p + 1] as number);
    const ya = valueOn(r, p, a);
    const yb = valueOn(r, p, b);
    for (let c = col(a); c <= col(b); c++) {
      lo[c] = Math.min(lo[c] as number, ya, yb);
      hi[c] = Math.max(hi[c] as number, ya, yb);
    }
  }
  for (let c = 0; c < columns; c++) {
    xs.push(view.x0 + ((c + 0.5) / columns) * w);
    ys.push(lo[c] as number, hi[c] as number);
  }
  return { envelope: true, xs, ys };
}

/** A window 20 times as wide as the narrowest region, centred on it. */
export function smallestView(r: Regions1D): View {
  let best = 0;
  let width = Number.POSITIVE_INFINITY;
  for (let p = 0; p < r.edges.length - 1; p++) {
    const w = (r.edges[p + 1] as number) - (r.edges[p] as number);
    if (w < width) {
      width = w;
      best = p;
    }
  }
  const centre = ((r.edges[best] as number) + (r.edges[best + 1] as number)) / 2;
  return clampView({ x0: centre - 10 * width, x1: centre + 10 * width });
}

/** x with enough digits to tell the ends of a window `width` wide apart. */
export const fmt = (x: number, width: number) =>
  x === 0 || x === 1 ? String(x) : x.toFixed(Math.min(16, Math.max(2, Math.ceil(-Math.log10(width)) + 2)));
