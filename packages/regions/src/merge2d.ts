/**
 * Linear regions from activation regions in 2-D: polygons are merged (union-find) when they share
 * an edge and their affine maps agree. f is continuous, so equal gradients on two polygons that
 * share an edge mean equal maps; gradients are compared with a tolerance relative to the
 * magnitude of the terms summed into them (`mapTolerance`, README "Numerical policy").
 */
import { shareEdge } from './polygon.ts';
import type { PolygonPool } from './polygon-pool.ts';

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

/** True when the output gradients of polygons p and q agree within `tol` times their scales. */
function sameMap(
  z: Float64Array,
  scale: Float64Array,
  outputs: number,
  p: number,
  q: number,
  tol: number,
): boolean {
  for (let o = 0; o < outputs; o++) {
    const zp = 3 * (outputs * p + o);
    const zq = 3 * (outputs * q + o);
    const sp = 2 * (outputs * p + o);
    const sq = 2 * (outputs * q + o);
    const ex = tol * Math.max(scale[sp] as number, scale[sq] as number);
    const ey = tol * Math.max(scale[sp + 1] as number, scale[sq + 1] as number);
    if (Math.abs((z[zp] as number) - (z[zq] as number)) > ex) return false;
    if (Math.abs((z[zp + 1] as number) - (z[zq + 1] as number)) > ey) return false;
  }
  return true;
}

/** [xmin, xmax, ymin, ymax] of each polygon, widened by tol times the size of its coordinates. */
function boundingBoxes(pool: PolygonPool, tol: number): Float64Array {
  const box = new Float64Array(4 * pool.size);
  for (let i = 0; i < pool.size; i++) {
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    const s = 2 * (pool.start[i] as number);
    for (let v = 0; v < 2 * (pool.count[i] as number); v += 2) {
      const x = pool.xy[s + v] as number;
      const y = pool.xy[s + v + 1] as number;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    const eps = tol * Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1), x1 - x0, y1 - y0);
    box[4 * i] = x0 - eps;
    box[4 * i + 1] = x1 + eps;
    box[4 * i + 2] = y0 - eps;
    box[4 * i + 3] = y1 + eps;
  }
  return box;
}

const verticesOf = (pool: PolygonPool, i: number): Float64Array =>
  pool.xy.subarray(
    2 * (pool.start[i] as number),
    2 * ((pool.start[i] as number) + (pool.count[i] as number)),
  );

/**
 * Groups the polygons of `pool` (output maps [dx_o, dy_o, c_o] at z[3 (outputs i + o)], scales at
 * scale[2 (outputs i + o)]) into linear regions. Candidates are found by sorting on a projection
 * of grad y_0 and scanning the window of equal values, so the cost stays near n log n unless many
 * polygons share one map; when no two keys fall in one window there is nothing to merge.
 */
export function mergePolygons(
  pool: PolygonPool,
  z: Float64Array,
  outputs: number,
  scale: Float64Array,
  mapTolerance: number,
  tol: number,
): { regionOf: Int32Array; count: number } {
  const n = pool.size;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  // Project the gradient of output 0 on a fixed generic direction: equal maps get (nearly) equal
  // keys, while maps that differ only in one coordinate (common after folding) do not collide.
  const keys = new Float64Array(n);
  let maxScale = 0;
  for (let i = 0; i < n && outputs > 0; i++) {
    keys[i] = KEY_X * (z[3 * outputs * i] as number) + KEY_Y * (z[3 * outputs * i + 1] as number);
    maxScale = Math.max(
      maxScale,
      KEY_X * (scale[2 * outputs * i] as number) + KEY_Y * (scale[2 * outputs * i + 1] as number),
    );
  }
  const window = mapTolerance * maxScale;
  // sorted keys first (a native numeric sort): when no two fall in one window nothing can merge
  const sorted = keys.slice().sort();
  let candidates = false;
  for (let a = 1; a < n && !candidates; a++)
    candidates = (sorted[a] as number) - (sorted[a - 1] as number) <= window;
  if (!candidates) return { regionOf: Int32Array.from({ length: n }, (_, i) => i), count: n };
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (keys[a] as number) - (keys[b] as number),
  );
  const box = boundingBoxes(pool, tol);
  const overlap = (i: number, j: number): boolean =>
    (box[4 * i] as number) <= (box[4 * j + 1] as number) &&
    (box[4 * j] as number) <= (box[4 * i + 1] as number) &&
    (box[4 * i + 2] as number) <= (box[4 * j + 3] as number) &&
    (box[4 * j + 2] as number) <= (box[4 * i + 3] as number);
  for (let a = 0; a < n; a++) {
    const i = order[a] as number;
    for (let b = a + 1; b < n && (keys[order[b] as number] as number) - (keys[i] as number) <= window; b++) {
      const j = order[b] as number;
      if (!overlap(i, j) || !sameMap(z, scale, outputs, i, j, mapTolerance)) continue;
      if (find(parent, i) === find(parent, j)) continue;
      if (shareEdge(verticesOf(pool, i), verticesOf(pool, j), tol)) parent[find(parent, i)] = find(parent, j);
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
