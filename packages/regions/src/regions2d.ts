/**
 * Exact linear regions of a network with two inputs on a box, as convex polygons.
 *
 * On a polygon where all earlier units keep their activation pieces, each pre-activation of
 * hidden layer k is affine, z_i(x, y) = A_i x + B_i y + C_i, so unit i changes piece along the
 * straight line z_i = b_j (a breakpoint of a[.]). The box is cut one neuron at a time: every
 * polygon crossed by the line is split in two (a convex polygon cut by a line gives two convex
 * polygons), and the chord is recorded as a boundary segment of layer k. After layer k each
 * polygon has one activation pattern, so h_k = s z + c is affine and beta_k + Omega_k h_k gives
 * the next layer's lines.
 */
import type { Network } from '@deepnets/core';
import { RegionsError } from './errors.ts';
import { mapsMayAgree, mergePolygons } from './merge2d.ts';
import { enumeratePlane } from './plane-enumerate.ts';
import { type LayerPartition, partitionOf, polygonsOf } from './plane-output.ts';
import {
  checkTolerance,
  DEFAULT_TOLERANCE,
  type EnumerationOptions,
  MAP_TOLERANCE,
  prepare,
} from './prepare.ts';
import type { RegionCounts } from './regions1d.ts';

export interface Regions2DOptions extends EnumerationOptions {
  /** The box [x0, x1, y0, y1] (default [-1, 1, -1, 1]). */
  box?: readonly [number, number, number, number];
  /**
   * Called after each hidden layer k with the partition so far (the activation regions of layers
   * 1..k): coarse polygons to draw while the finer layers are still being cut.
   */
  onPartition?: (partition: LayerPartition) => void;
}

/** One activation region: a convex polygon on which y_o = dx[o] x + dy[o] y + c[o]. */
export interface Polygon2D {
  /** Counter-clockwise vertices [x0, y0, x1, y1, ...]. */
  vertices: Float64Array;
  dx: number[];
  dy: number[];
  c: number[];
  /** pattern[k - 1][i] = piece of a[.] of unit i of hidden layer k (ReLU: 0 off, 1 on). */
  pattern: number[][];
}

/** Where the units of hidden layer `layer` (1-based) change piece: segments [x0, y0, x1, y1]. */
export interface LayerBoundary {
  layer: number;
  segments: Float64Array;
  /** The unit that made each segment. */
  units: Int32Array;
}

/** All polygons of a 2-input network on a box; plain data, safe to post to a worker. */
export interface Regions2D extends RegionCounts {
  inputs: 2;
  outputs: number;
  box: [number, number, number, number];
  polygons: Polygon2D[];
  boundaries: LayerBoundary[];
  /** For each polygon, the index of its linear region (connected, one affine map). */
  linearRegionOf: Int32Array;
}

function checkBox(box: readonly [number, number, number, number]): [number, number, number, number] {
  const [x0, x1, y0, y1] = box;
  if (!(x0 < x1 && y0 < y1) || ![x0, x1, y0, y1].every(Number.isFinite)) {
    throw new RegionsError(
      'OUT_OF_RANGE',
      `must be a finite box [x0, x1, y0, y1] with x0 < x1 and y0 < y1, got [${box.join(', ')}]`,
      'box',
    );
  }
  return [x0, x1, y0, y1];
}

/**
 * Every activation region of `net` (D_i = 2) on `options.box` (default [-1, 1]^2) as a convex
 * polygon with its affine map and pattern, the boundary segments of each hidden layer, and both
 * region counts (linear regions: adjacent polygons with equal maps merged).
 */
export function regions2d(net: Network, options: Regions2DOptions = {}): Regions2D {
  return enumerate(net, options, true) as Regions2D;
}

/** The two region counts of `regions2d`, without building patterns, boundaries or the result's polygons. */
export function countRegions2d(net: Network, options: Regions2DOptions = {}): RegionCounts {
  const { activationRegions, linearRegions } = enumerate(net, options, false);
  return { activationRegions, linearRegions };
}

function enumerate(net: Network, options: Regions2DOptions, full: boolean): Regions2D | RegionCounts {
  const box = checkBox(options.box ?? [-1, 1, -1, 1]);
  const tol = checkTolerance(options.tolerance, DEFAULT_TOLERANCE, 'tolerance');
  const mapTolerance = checkTolerance(options.mapTolerance, MAP_TOLERANCE, 'mapTolerance');
  const p = prepare(net, 2);
  const [x0, x1, y0, y1] = box;
  const eps = tol * Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1));
  const onPartition = options.onPartition;
  const e = enumeratePlane(p, box, eps, {
    signal: options.signal,
    onProgress: options.onProgress,
    onPolygons:
      onPartition &&
      ((pool, from, layer) => onPartition(partitionOf(pool, from, layer, p.widths.length - 2))),
  });
  if (!full && e.outputs > 0 && !mapsMayAgree(e.z, e.scale, e.outputs, e.pool.size, mapTolerance)) {
    return { activationRegions: e.pool.size, linearRegions: e.pool.size };
  }
  const polygons = polygonsOf(e, full);
  const { regionOf, count } = mergePolygons(polygons, e.scale, mapTolerance, eps);
  if (!full) return { activationRegions: polygons.length, linearRegions: count };
  const boundaries: LayerBoundary[] = e.sinks.map((sink, k) => ({
    layer: k + 1,
    segments: Float64Array.from(sink.segments),
    units: Int32Array.from(sink.units),
  }));
  const outputs = e.outputs;
  return {
    inputs: 2,
    outputs,
    box,
    polygons,
    boundaries,
    activationRegions: polygons.length,
    linearRegions: count,
    linearRegionOf: regionOf,
  };
}
