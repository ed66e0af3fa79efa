/**
 * From the depth-first 2-D enumeration to plain data: the final polygons with their affine maps
 * y_o = dx[o] x + dy[o] y + c[o] and activation patterns, and the partitions handed to
 * `onPartition` while the enumeration runs (for drawing before it ends).
 */
import type { PatternRecord, PlaneEnumeration } from './plane-enumerate.ts';
import type { PolygonPool } from './polygon-pool.ts';
import type { Polygon2D } from './regions2d.ts';

/**
 * Polygons drawn while the enumeration runs: first every activation region of hidden layer 1
 * (`layer` = 1), then batches of final polygons (`layer` = `layers`). Polygon p has the vertices
 * xy[2 start[p] ..] (count[p] of them); `maps` holds, for final polygons, the output map
 * [dx_o, dy_o, c_o] at 3 (outputs p + o), and for layer-1 polygons the pre-activations of layer 2.
 */
export interface LayerPartition {
  layer: number;
  layers: number;
  xy: Float64Array;
  start: Int32Array;
  count: Int32Array;
  maps: Float64Array;
}

/** A copy of polygons from..size-1 of a pool and their maps (`stride` numbers each); starts counted from 0. */
export function partitionOf(
  pool: PolygonPool,
  from: number,
  layer: number,
  layers: number,
  z: Float64Array,
  stride: number,
): LayerPartition {
  const base = from < pool.size ? (pool.start[from] as number) : pool.used;
  return {
    layer,
    layers,
    xy: pool.xy.slice(2 * base, 2 * pool.used),
    start: pool.start.slice(from, pool.size).map((s) => s - base),
    count: pool.count.slice(from, pool.size),
    maps: z.slice(stride * from, stride * pool.size),
  };
}

/**
 * The final polygons of an enumeration as objects; their `vertices` are views of one buffer.
 * pattern[k - 1] of a polygon is the row of its ancestor in records[k - 1]; polygons with the
 * same ancestor share that row's array.
 */
export function polygonsOf(e: PlaneEnumeration): Polygon2D[] {
  const rowCache: (number[] | undefined)[][] = e.records.map((r) => new Array(r.size));
  const rowOf = (k: number, p: number): number[] => {
    const cache = rowCache[k] as (number[] | undefined)[];
    let row = cache[p];
    if (!row) {
      const { pieces, width } = e.records[k] as PatternRecord;
      row = new Array<number>(width);
      for (let i = 0; i < width; i++) row[i] = pieces[width * p + i] as number;
      cache[p] = row;
    }
    return row;
  };
  const polygons: Polygon2D[] = [];
  const rows = e.outputs;
  // one buffer for all vertices (each polygon a view): no backing store per polygon
  const xy = e.pool.xy.slice(0, 2 * e.pool.used);
  for (let q = 0; q < e.pool.size; q++) {
    const pattern = new Array<number[]>(e.records.length);
    let p = q;
    for (let k = e.records.length - 1; k >= 0; k--) {
      pattern[k] = rowOf(k, p);
      p = (e.records[k] as PatternRecord).parent[p] as number;
    }
    const dx = new Array<number>(rows);
    const dy = new Array<number>(rows);
    const c = new Array<number>(rows);
    for (let r = 0; r < rows; r++) {
      dx[r] = e.z[3 * (rows * q + r)] as number;
      dy[r] = e.z[3 * (rows * q + r) + 1] as number;
      c[r] = e.z[3 * (rows * q + r) + 2] as number;
    }
    const start = 2 * (e.pool.start[q] as number);
    polygons.push({
      vertices: xy.subarray(start, start + 2 * (e.pool.count[q] as number)),
      dx,
      dy,
      c,
      pattern,
    });
  }
  return polygons;
}
