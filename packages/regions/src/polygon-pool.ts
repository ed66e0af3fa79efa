/**
 * Convex polygons stored back to back in one growable typed array (no object per polygon), and
 * their split by a line written straight into another pool. The split makes the same decisions
 * and the same arithmetic as `splitPolygon`, so both give bit-identical vertices.
 */

/** Polygon p has vertices xy[2 start[p] ..] (count[p] of them), counter-clockwise. */
export class PolygonPool {
  xy = new Float64Array(1024);
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
    if (2 * (this.used + vertices) > this.xy.length) {
      const xy = new Float64Array(Math.max(2 * this.xy.length, 2 * (this.used + vertices)));
      xy.set(this.xy.subarray(0, 2 * this.used));
      this.xy = xy;
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

  /** Appends polygon p of `from`; returns its index here. */
  copy(from: PolygonPool, p: number): number {
    const n = from.count[p] as number;
    this.reserve(n);
    const s = 2 * (from.start[p] as number);
    this.xy.set(from.xy.subarray(s, s + 2 * n), 2 * this.used);
    return this.close(n);
  }

  /** Records the last `n` vertices written at `used` as a polygon. */
  close(n: number): number {
    this.start[this.size] = this.used;
    this.count[this.size] = n;
    this.used += n;
    return this.size++;
  }
}

const sideOf = (v: number, eps: number): number => (v > eps ? 1 : v < -eps ? -1 : 0);

/**
 * Writes one side (`want` = 1 above, -1 below) of polygon p of `src` cut by the affine function
 * with vertex values `values` into `dst`. With `chord`, also appends the chord's two ends to it.
 */
function writeSide(
  src: PolygonPool,
  p: number,
  values: Float64Array,
  eps: number,
  dst: PolygonPool,
  want: 1 | -1,
  chord?: number[],
): void {
  const n = src.count[p] as number;
  const base = 2 * (src.start[p] as number);
  const xy = src.xy;
  dst.reserve(n + 2);
  const out = dst.xy;
  let w = 2 * dst.used;
  let first = -1;
  let cx0 = 0;
  let cy0 = 0;
  let cx1 = 0;
  let cy1 = 0;
  for (let k = 0; k < n; k++) {
    const k1 = k + 1 === n ? 0 : k + 1;
    const x = xy[base + 2 * k] as number;
    const y = xy[base + 2 * k + 1] as number;
    const v = values[k] as number;
    const v1 = values[k1] as number;
    const side = sideOf(v, eps);
    const side1 = sideOf(v1, eps);
    if (side * want >= 0) {
      out[w++] = x;
      out[w++] = y;
    }
    if (side === 0) {
      if (first < 0) {
        first = 1;
        cx0 = x;
        cy0 = y;
      }
      cx1 = x;
      cy1 = y;
    }
    if (side * side1 < 0) {
      const s = v / (v - v1);
      const px = x + s * ((xy[base + 2 * k1] as number) - x);
      const py = y + s * ((xy[base + 2 * k1 + 1] as number) - y);
      out[w++] = px;
      out[w++] = py;
      if (first < 0) {
        first = 1;
        cx0 = px;
        cy0 = py;
      }
      cx1 = px;
      cy1 = py;
    }
  }
  dst.close(w / 2 - dst.used);
  chord?.push(cx0, cy0, cx1, cy1);
}

/**
 * Splits polygon p of `src` by the sign of an affine function (its values at the vertices in
 * `values`, |value| <= eps = on the line) into two polygons appended to `dst`, above first, and
 * appends the chord [x0, y0, x1, y1] to `chord`. The caller has checked that some vertex lies
 * above eps and some below -eps.
 */
export function splitInto(
  src: PolygonPool,
  p: number,
  values: Float64Array,
  eps: number,
  dst: PolygonPool,
  chord: number[],
): void {
  writeSide(src, p, values, eps, dst, 1, chord);
  writeSide(src, p, values, eps, dst, -1);
}
