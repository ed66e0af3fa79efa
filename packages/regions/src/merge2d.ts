/**
 * Linear regions from activation regions in 2-D: polygons are merged (union-find) when they share
 * an edge and their affine maps agree. f is continuous, so equal gradients on two polygons that
 * share an edge mean equal maps; gradients are compared with a tolerance relative to the
 * magnitude of the terms summed into them (`mapTolerance`, README "Numerical policy").
 */
import { shareEdge } from './polygon.ts';
import type { Polygon2D } from './regions2d.ts';

const KEY_X = 0.7548776662466927;
const KEY_Y = 0.5698402909980532;

function find(parent: Int32Array, i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r] as number;
  let j = i;
  while (parent[j] !== r) {
    const next = parent[j] as number;
    parent[j] = r;
    j = next;
  }
  return r;
}

function sameMap(
  p: Polygon2D,
  q: Polygon2D,
  scale: Float64Array,
  i: number,
  j: number,
  tol: number,
): boolean {
  const outputs = p.dx.length;
  for (let o = 0; o < outputs; o++) {
    const [si, sj] = [2 * (outputs * i + o), 2 * (outputs * j + o)];
    const ex = tol * Math.max(scale[si] as number, scale[sj] as number);
    const ey = tol * Math.max(scale[si + 1] as number, scale[sj + 1] as number);
    if (Math.abs((p.dx[o] as number) - (q.dx[o] as number)) > ex) return false;
    if (Math.abs((p.dy[o] as number) - (q.dy[o] as number)) > ey) return false;
  }
  return true;
}

/** [xmin, xmax, ymin, ymax] of each polygon, widened by eps. */
function boundingBoxes(polygons: readonly Polygon2D[], eps: number): Float64Array {
  const box = new Float64Array(4 * polygons.length);
  polygons.forEach((p, i) => {
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let v = 0; v < p.vertices.length; v += 2) {
      const x = p.vertices[v] as number;
      const y = p.vertices[v + 1] as number;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    box.set([x0 - eps, x1 + eps, y0 - eps, y1 + eps], 4 * i);
  });
  return box;
}

/**
 * False when no two of n polygons can share a map: their keys (grad y_0 projected, from the flat
 * output maps z = [dx, dy, c] per output) all differ by more than the merge window. Lets a
 * count skip building polygon objects.
 */
export function mapsMayAgree(
  z: Float64Array,
  scale: Float64Array,
  outputs: number,
  n: number,
  mapTolerance: number,
): boolean {
  const keys = new Float64Array(n);
  let maxScale = 0;
  for (let i = 0; i < n; i++) {
    keys[i] = KEY_X * (z[3 * outputs * i] as number) + KEY_Y * (z[3 * outputs * i + 1] as number);
    maxScale = Math.max(
      maxScale,
      KEY_X * (scale[2 * outputs * i] as number) + KEY_Y * (scale[2 * outputs * i + 1] as number),
    );
  }
  return anyWithin(keys, mapTolerance * maxScale);
}

/** True when two of the keys differ by at most `window` (else no two polygons can share a map). */
function anyWithin(keys: Float64Array, window: number): boolean {
  const sorted = keys.slice().sort();
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as number) - (sorted[i - 1] as number) <= window) return true;
  }
  return false;
}

/**
 * Groups polygons into linear regions. Candidates are found by sorting on a projection of grad y_0 and scanning
 * the window of equal values, so the cost stays near n log n unless many polygons share one map.
 */
export function mergePolygons(
  polygons: readonly Polygon2D[],
  /** sum_i |Omega_K[o][i] dh_i/dx| and d/dy of polygon p's output o at 2 (D_o p + o). */
  scale: Float64Array,
  mapTolerance: number,
  eps: number,
): { regionOf: Int32Array; count: number } {
  const n = polygons.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  // Project the gradient of output 0 on a fixed generic direction: equal maps get (nearly) equal
  // keys, while maps that differ only in one coordinate (common after folding) do not collide.
  const keys = Float64Array.from(polygons, (p) => KEY_X * (p.dx[0] ?? 0) + KEY_Y * (p.dy[0] ?? 0));
  const key = (i: number): number => keys[i] as number;
  let maxScale = 0;
  const stride = 2 * (polygons[0]?.dx.length ?? 0);
  for (let i = 0; i < n; i++) {
    maxScale = Math.max(maxScale, KEY_X * (scale[stride * i] ?? 0) + KEY_Y * (scale[stride * i + 1] ?? 0));
  }
  const window = mapTolerance * maxScale;
  if (!anyWithin(keys, window)) return { regionOf: Int32Array.from({ length: n }, (_, i) => i), count: n };
  const box = boundingBoxes(polygons, eps);
  const overlap = (i: number, j: number): boolean =>
    (box[4 * i] as number) <= (box[4 * j + 1] as number) &&
    (box[4 * j] as number) <= (box[4 * i + 1] as number) &&
    (box[4 * i + 2] as number) <= (box[4 * j + 3] as number) &&
    (box[4 * j + 2] as number) <= (box[4 * i + 3] as number);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b));
  for (let a = 0; a < n; a++) {
    const i = order[a] as number;
    const pi = polygons[i] as Polygon2D;
    for (let b = a + 1; b < n && key(order[b] as number) - key(i) <= window; b++) {
      const j = order[b] as number;
      const pj = polygons[j] as Polygon2D;
      if (!overlap(i, j) || !sameMap(pi, pj, scale, i, j, mapTolerance)) continue;
      if (find(parent, i) === find(parent, j)) continue;
      if (shareEdge(pi.vertices, pj.vertices, eps)) parent[find(parent, i)] = find(parent, j);
    }
  }
  const regionOf = new Int32Array(n);
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    let id = index.get(root);
    if (id === undefined) index.set(root, (id = index.size));
    regionOf[i] = id;
  }
  return { regionOf, count: index.size };
}
