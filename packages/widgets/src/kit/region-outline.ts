/**
 * Outlines of the linear regions of a 2-D piecewise-linear function from its activation polygons:
 * a polygon edge is drawn unless it lies inside one linear region (its midpoint is on an edge of
 * another polygon with the same linear region, i.e. two pieces of one affine map meet there).
 */
import type { Regions2D } from '@deepnets/regions';

/** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / length2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onBoundary(vertices: Float64Array, px: number, py: number, eps: number): boolean {
  const n = vertices.length / 2;
  for (let k = 0; k < n; k++) {
    const k1 = (k + 1) % n;
    const d = segmentDistance(
      px,
      py,
      vertices[2 * k]!,
      vertices[2 * k + 1]!,
      vertices[2 * k1]!,
      vertices[2 * k1 + 1]!,
    );
    if (d <= eps) return true;
  }
  return false;
}

/** Segments [x0, y0, x1, y1] that bound the linear regions (box edges included). */
export function linearRegionOutline(r: Regions2D): [number, number, number, number][] {
  const [x0, x1, y0, y1] = r.box;
  const eps = 1e-9 * Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1), 1);
  const out: [number, number, number, number][] = [];
  r.polygons.forEach((polygon, i) => {
    const v = polygon.vertices;
    const n = v.length / 2;
    for (let k = 0; k < n; k++) {
      const k1 = (k + 1) % n;
      const edge: [number, number, number, number] = [v[2 * k]!, v[2 * k + 1]!, v[2 * k1]!, v[2 * k1 + 1]!];
      const mx = (edge[0] + edge[2]) / 2;
      const my = (edge[1] + edge[3]) / 2;
      const internal = r.polygons.some(
        (other, j) =>
          j !== i && r.linearRegionOf[j] === r.linearRegionOf[i] && onBoundary(other.vertices, mx, my, eps),
      );
      if (!internal) out.push(edge);
    }
  });
  return out;
}
