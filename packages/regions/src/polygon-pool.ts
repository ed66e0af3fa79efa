/**
 * Convex polygons stored back to back in growable typed arrays (no object per polygon), each
 * vertex with the line of the edge that leaves it, and their split by a line written straight
 * into another pool. The split makes the decisions of the per-vertex tolerance test and computes
 * new vertices as intersections of two lines (`crossing`, Cramer's rule), so vertices stay
 * accurate relative to their own coordinates (a box of 1e300 included).
 */
import { crossing } from './polygon.ts';

const point = new Float64Array(2);

/** Polygon p has vertices xy[2 start[p] ..] (count[p] of them, counter-clockwise); edge k's line at ln[3 (start[p] + k) ..]. */
export class PolygonPool {
  xy = new Float64Array(1024);
  /** [a, b, c] of the line a x + b y + c = 0 through vertex k and k + 1. */
  ln = new Float64Array(1536);
  start = new Int32Array(64);
  count = new Int32Array(64);
  /** Number of polygons. */
  size = 0;
  /** Number of vertices in use. */
  used = 0;

  clear(): void {
    this.size = 0;
    this.used = 0;
  }

  /** Room for `vertices` more vertices and one more polygon. */
  reserve(vertices: number): void {
    const need = this.used + vertices;
    if (2 * need > this.xy.length) {
      const n = Math.max(2 * this.xy.length, 2 * need);
      const xy = new Float64Array(n);
      xy.set(this.xy.subarray(0, 2 * this.used));
      this.xy = xy;
      const ln = new Float64Array((3 * n) / 2);
      ln.set(this.ln.subarray(0, 3 * this.used));
      this.ln = ln;
    }
    if (this.size + 1 > this.start.length) {
      const start = new Int32Array(2 * this.start.length);
      start.set(this.start);
      this.start = start;
      const count = new Int32Array(2 * this.count.length);
      count.set(this.count);
      this.count = count;
    }
  }

  /** Appends the box [x0, x1] x [y0, y1] counter-clockwise with its four edge lines. */
  box(x0: number, x1: number, y0: number, y1: number): number {
    this.reserve(4);
    this.xy.set([x0, y0, x1, y0, x1, y1, x0, y1], 2 * this.used);
    this.ln.set([0, 1, -y0, 1, 0, -x1, 0, 1, -y1, 1, 0, -x0], 3 * this.used);
    return this.close(4);
  }

  /** Appends polygon p of `from`; returns its index here. */
  copy(from: PolygonPool, p: number): number {
    const n = from.count[p] as number;
    this.reserve(n);
    const s = from.start[p] as number;
    // element by element: a subarray view per copy would be an allocation per polygon
    for (let j = 0; j < 2 * n; j++) this.xy[2 * this.used + j] = from.xy[2 * s + j] as number;
    for (let j = 0; j < 3 * n; j++) this.ln[3 * this.used + j] = from.ln[3 * s + j] as number;
    return this.close(n);
  }

  /** Records the `n` vertices written at `used` as a polygon. */
  close(n: number): number {
    this.start[this.size] = this.used;
    this.count[this.size] = n;
    this.used += n;
    return this.size++;
  }
}

/**
 * Writes one side (`want` = 1 above, -1 below) of polygon p of `src` cut by A x + B y + C = 0
 * into `dst`; `sides[k]` is vertex k's side (1, -1, or 0 = on the line within its tolerance) and
 * `values[k]` its value. With `chord`, also appends the chord's two ends to it.
 */
function writeSide(
  src: PolygonPool,
  p: number,
  values: Float64Array,
  sides: Int8Array,
  cut: Float64Array,
  dst: PolygonPool,
  want: 1 | -1,
  chord?: number[],
): void {
  const n = src.count[p] as number;
  const s = src.start[p] as number;
  dst.reserve(n + 2);
  const { xy, ln } = src;
  const out = dst.xy;
  const lines = dst.ln;
  let w = dst.used;
  let ends = 0;
  let cx0 = 0;
  let cy0 = 0;
  let cx1 = 0;
  let cy1 = 0;
  /** The line of the edge leaving the point just written: the cut when `onCut`, else edge k's line. */
  const line = (onCut: boolean, k: number): void => {
    const from = onCut ? cut : ln;
    const o = onCut ? 0 : 3 * (s + k);
    lines[3 * w] = from[o] as number;
    lines[3 * w + 1] = from[o + 1] as number;
    lines[3 * w + 2] = from[o + 2] as number;
    w++;
  };
  for (let k = 0; k < n; k++) {
    const k1 = k + 1 === n ? 0 : k + 1;
    const x = xy[2 * (s + k)] as number;
    const y = xy[2 * (s + k) + 1] as number;
    const side = sides[k] as number;
    const side1 = sides[k1] as number;
    if (side * want >= 0) {
      out[2 * w] = x;
      out[2 * w + 1] = y;
      // the edge leaving a kept point runs along the cut where the kept side ends, else along edge k
      line(side === 0 && side1 * want < 0, k);
    }
    if (side === 0) {
      if (ends++ === 0) {
        cx0 = x;
        cy0 = y;
      }
      cx1 = x;
      cy1 = y;
    }
    if (side * side1 < 0) {
      const e = 3 * (s + k);
      crossing(
        ln[e] as number,
        ln[e + 1] as number,
        ln[e + 2] as number,
        cut[0] as number,
        cut[1] as number,
        cut[2] as number,
        x,
        y,
        xy[2 * (s + k1)] as number,
        xy[2 * (s + k1) + 1] as number,
        values[k] as number,
        values[k1] as number,
        point,
      );
      const px = point[0] as number;
      const py = point[1] as number;
      out[2 * w] = px;
      out[2 * w + 1] = py;
      line(side * want > 0, k);
      if (ends++ === 0) {
        cx0 = px;
        cy0 = py;
      }
      cx1 = px;
      cy1 = py;
    }
  }
  dst.close(w - dst.used);
  chord?.push(cx0, cy0, cx1, cy1);
}

/**
 * Splits polygon p of `src` by the sign of A x + B y + C (`cut`; vertex values `values`, sides
 * `sides`) into two polygons appended to `dst`, above first, and appends the chord [x0, y0, x1, y1]
 * to `chord`. The caller has checked that some vertex lies above and some below the line.
 */
export function splitInto(
  src: PolygonPool,
  p: number,
  values: Float64Array,
  sides: Int8Array,
  cut: Float64Array,
  dst: PolygonPool,
  chord: number[],
): void {
  writeSide(src, p, values, sides, cut, dst, 1, chord);
  writeSide(src, p, values, sides, cut, dst, -1);
}
