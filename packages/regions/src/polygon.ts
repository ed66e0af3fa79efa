/**
 * Convex polygons as flat vertex lists [x0, y0, x1, y1, ...]: where an edge meets a line, centroid,
 * area, and whether two polygons share an edge.
 */

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
