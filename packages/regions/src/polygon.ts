/**
 * Convex polygons as flat vertex lists [x0, y0, x1, y1, ...] and their split by a line.
 */

/** The two sides of a split polygon and the chord between them (the new boundary segment). */
export interface Split {
  above: Float64Array;
  below: Float64Array;
  chord: [number, number, number, number];
}

/**
 * Splits a convex polygon by the sign of an affine function whose values at the vertices are
 * `values`. A vertex with |value| <= eps lies on the line (it goes to both sides); the polygon is
 * split only if some vertex is above eps and some below -eps, so a line that merely touches the
 * polygon, or runs along an edge, leaves it whole. Returns undefined when there is no split.
 */
export function splitPolygon(verts: Float64Array, values: Float64Array, eps: number): Split | undefined {
  const n = verts.length / 2; // values may be longer than n (a reused scratch array)
  let pos = false;
  let neg = false;
  for (let k = 0; k < n; k++) {
    const v = values[k] as number;
    if (v > eps) pos = true;
    else if (v < -eps) neg = true;
  }
  if (!pos || !neg) return undefined;
  const above: number[] = [];
  const below: number[] = [];
  const chord: number[] = [];
  for (let k = 0; k < n; k++) {
    const k1 = (k + 1) % n;
    const x = verts[2 * k] as number;
    const y = verts[2 * k + 1] as number;
    const v = values[k] as number;
    const v1 = values[k1] as number;
    const side = v > eps ? 1 : v < -eps ? -1 : 0;
    const side1 = v1 > eps ? 1 : v1 < -eps ? -1 : 0;
    if (side >= 0) above.push(x, y);
    if (side <= 0) below.push(x, y);
    if (side === 0) chord.push(x, y);
    if (side * side1 < 0) {
      const s = v / (v - v1);
      const px = x + s * ((verts[2 * k1] as number) - x);
      const py = y + s * ((verts[2 * k1 + 1] as number) - y);
      above.push(px, py);
      below.push(px, py);
      chord.push(px, py);
    }
  }
  const m = chord.length;
  return {
    above: Float64Array.from(above),
    below: Float64Array.from(below),
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

/** True when two convex polygons share a boundary segment longer than eps (not just a point). */
export function shareEdge(p: Float64Array, q: Float64Array, eps: number): boolean {
  const np = p.length / 2;
  const nq = q.length / 2;
  for (let a = 0; a < np; a++) {
    const ax = p[2 * a] as number;
    const ay = p[2 * a + 1] as number;
    const a1 = (a + 1) % np;
    const dx = (p[2 * a1] as number) - ax;
    const dy = (p[2 * a1 + 1] as number) - ay;
    const len = Math.hypot(dx, dy);
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
