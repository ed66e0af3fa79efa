/**
 * Convex polygons as flat vertex lists [x0, y0, x1, y1, ...] and their split by a line.
 */

/** A convex polygon: vertices and, per edge k (vertex k to k + 1), its line a x + b y + c = 0. */
export interface EdgePolygon {
  verts: Float64Array;
  /** [a_k, b_k, c_k] at 3 k. */
  lines: Float64Array;
}

/** The two sides of a split polygon and the chord between them (the new boundary segment). */
export interface Split {
  above: EdgePolygon;
  below: EdgePolygon;
  chord: [number, number, number, number];
}

/** The box [x0, x1] x [y0, y1] counter-clockwise, with its four edge lines. */
export function boxPolygon(x0: number, x1: number, y0: number, y1: number): EdgePolygon {
  return {
    verts: Float64Array.of(x0, y0, x1, y0, x1, y1, x0, y1),
    lines: Float64Array.of(0, 1, -y0, 1, 0, -x1, 0, 1, -y1, 1, 0, -x0),
  };
}

/**
 * Where the edge from (x, y) to (x1, y1), on the line a x + b y + c = 0, meets the line
 * A x + B y + C = 0; written to out[0], out[1]. Solved from the two line equations (Cramer's
 * rule), so the point is accurate relative to its own coordinates even on an edge 1e300 long;
 * near-parallel lines fall back to interpolation by the values v, v1 at the ends. The result is
 * clamped to the edge's bounding box.
 */
export function crossing(
  a: number,
  b: number,
  c: number,
  A: number,
  B: number,
  C: number,
  x: number,
  y: number,
  x1: number,
  y1: number,
  v: number,
  v1: number,
  out: Float64Array,
): void {
  const det = a * B - b * A;
  let px: number;
  let py: number;
  if (Math.abs(det) > 1e-12 * (Math.abs(a) + Math.abs(b)) * (Math.abs(A) + Math.abs(B))) {
    px = (b * C - B * c) / det;
    py = (A * c - a * C) / det;
  } else {
    const s = v / (v - v1);
    px = x + s * (x1 - x);
    py = y + s * (y1 - y);
  }
  out[0] = Math.min(Math.max(px, Math.min(x, x1)), Math.max(x, x1));
  out[1] = Math.min(Math.max(py, Math.min(y, y1)), Math.max(y, y1));
}

/**
 * Splits a convex polygon by the sign of the affine function A x + B y + C (`cut`), whose values at
 * the vertices are `values`. A vertex with |value| <= tolerances[k] lies on the line (it goes to both
 * sides); the polygon is split only if some vertex is above its tolerance and some below, so a line
 * that merely touches the polygon, or runs along an edge, leaves it whole. Returns undefined when
 * there is no split. Each side keeps its edge lines; the chord's line is the cut.
 */
export function splitPolygon(
  poly: EdgePolygon,
  values: Float64Array,
  tolerances: Float64Array,
  cut: readonly [number, number, number],
): Split | undefined {
  const { verts, lines } = poly;
  const n = verts.length / 2; // values may be longer than n (a reused scratch array)
  const sideOf = (k: number): number => {
    const v = values[k] as number;
    const t = tolerances[k] as number;
    return v > t ? 1 : v < -t ? -1 : 0;
  };
  let pos = false;
  let neg = false;
  for (let k = 0; k < n; k++) {
    const side = sideOf(k);
    if (side > 0) pos = true;
    else if (side < 0) neg = true;
  }
  if (!pos || !neg) return undefined;
  const above: number[] = [];
  const aboveLines: number[] = [];
  const below: number[] = [];
  const belowLines: number[] = [];
  const chord: number[] = [];
  const [A, B, C] = cut;
  const point = new Float64Array(2);
  /** Pushes the line of the edge leaving a kept point: the cut when `onCut`, else edge k's line. */
  const pushLine = (to: number[], onCut: boolean, k: number): void => {
    if (onCut) to.push(A, B, C);
    else to.push(lines[3 * k] as number, lines[3 * k + 1] as number, lines[3 * k + 2] as number);
  };
  for (let k = 0; k < n; k++) {
    const k1 = (k + 1) % n;
    const x = verts[2 * k] as number;
    const y = verts[2 * k + 1] as number;
    const side = sideOf(k);
    const side1 = sideOf(k1);
    // the edge leaving a kept point runs along the cut where the kept side ends, else along edge k
    if (side >= 0) {
      above.push(x, y);
      pushLine(aboveLines, side === 0 && side1 < 0, k);
    }
    if (side <= 0) {
      below.push(x, y);
      pushLine(belowLines, side === 0 && side1 > 0, k);
    }
    if (side === 0) chord.push(x, y);
    if (side * side1 < 0) {
      crossing(
        lines[3 * k] as number,
        lines[3 * k + 1] as number,
        lines[3 * k + 2] as number,
        A,
        B,
        C,
        x,
        y,
        verts[2 * k1] as number,
        verts[2 * k1 + 1] as number,
        values[k] as number,
        values[k1] as number,
        point,
      );
      const px = point[0] as number;
      const py = point[1] as number;
      above.push(px, py);
      pushLine(aboveLines, side > 0, k);
      below.push(px, py);
      pushLine(belowLines, side < 0, k);
      chord.push(px, py);
    }
  }
  const m = chord.length;
  return {
    above: { verts: Float64Array.from(above), lines: Float64Array.from(aboveLines) },
    below: { verts: Float64Array.from(below), lines: Float64Array.from(belowLines) },
    chord: [chord[0] as number, chord[1] as number, chord[m - 2] as number, chord[m - 1] as number],
  };
}

/** The vertex average: a point strictly inside a non-degenerate convex polygon. */
export function centroid(verts: Float64Array): [number, number] {
  const n = verts.length / 2;
  let x = 0;
  let y = 0;
  for (let k = 0; k < n; k++) {
    x += verts[2 * k] as number;
    y += verts[2 * k + 1] as number;
  }
  return [x / n, y / n];
}

/** Area by the shoelace formula (positive for counter-clockwise vertices). */
export function polygonArea(verts: Float64Array): number {
  const n = verts.length / 2;
  let twice = 0;
  for (let k = 0; k < n; k++) {
    const k1 = (k + 1) % n;
    twice +=
      (verts[2 * k] as number) * (verts[2 * k1 + 1] as number) -
      (verts[2 * k1] as number) * (verts[2 * k + 1] as number);
  }
  return twice / 2;
}

/**
 * True when two convex polygons share a boundary segment (not just a point). Distances are compared
 * with tol times the size of the coordinates of the edge tested, so far from the origin (a box of
 * 1e300) and near it alike, rounding in the vertices does not hide a shared edge.
 */
export function shareEdge(p: Float64Array, q: Float64Array, tol: number): boolean {
  const np = p.length / 2;
  const nq = q.length / 2;
  for (let a = 0; a < np; a++) {
    const ax = p[2 * a] as number;
    const ay = p[2 * a + 1] as number;
    const a1 = (a + 1) % np;
    const dx = (p[2 * a1] as number) - ax;
    const dy = (p[2 * a1 + 1] as number) - ay;
    const len = Math.hypot(dx, dy);
    const eps =
      tol *
      Math.max(
        Math.abs(ax),
        Math.abs(ay),
        Math.abs(p[2 * a1] as number),
        Math.abs(p[2 * a1 + 1] as number),
        len,
      );
    if (len <= eps) continue;
    const ux = dx / len;
    const uy = dy / len;
    for (let c = 0; c < nq; c++) {
      const c1 = (c + 1) % nq;
      const cx = (q[2 * c] as number) - ax;
      const cy = (q[2 * c + 1] as number) - ay;
      const dx2 = (q[2 * c1] as number) - ax;
      const dy2 = (q[2 * c1 + 1] as number) - ay;
      if (Math.abs(ux * cy - uy * cx) > eps || Math.abs(ux * dy2 - uy * dx2) > eps) continue;
      const s0 = ux * cx + uy * cy;
      const s1 = ux * dx2 + uy * dy2;
      const overlap = Math.min(len, Math.max(s0, s1)) - Math.max(0, Math.min(s0, s1));
      if (overlap > eps) return true;
    }
  }
  return false;
}
