/**
 * Exact linear regions of a network with two inputs on a box, as convex polygons.
 *
 * On a polygon where all earlier units keep their activation pieces, each pre-activation of
 * hidden layer k is affine, z_i(x, y) = A_i x + B_i y + C_i, so unit i changes piece along the
 * straight line z_i = b_j (a breakpoint of a[.]). Each polygon is cut by its units' lines (a convex
 * polygon cut by a line gives two convex polygons) and the chord is recorded as a boundary segment
 * of layer k. After layer k each piece has one activation pattern, so h_k = s z + c is affine and
 * beta_k + Omega_k h_k gives the next layer's lines. The cutting runs depth first over typed-array
 * polygon pools (`plane-enumerate.ts`); linear regions come from `merge2d.ts`.
 */
import type { Network } from '@deepnets/core';
import { RegionsError } from './errors.ts';
import { mergePolygons } from './merge2d.ts';
import { enumeratePlane, type PlaneEnumeration } from './plane-enumerate.ts';
import { type LayerPartition, partitionOf, polygonsOf } from './plane-output.ts';
import { releaseWorkspace } from './plane-workspace.ts';
import {
  checkMaxBytes,
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
   * Progressive drawing: called with the activation regions of hidden layer 1 first (a coarse
   * partition, within milliseconds), then with each batch of final polygons as they are found.
   * The arrays are copies (safe to keep or transfer).
   */
  onPartition?: (partition: LayerPartition) => void;
}

export type { LayerPartition };

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

/** Runs the enumeration with the options checked; `patterns` keeps the activation patterns. */
function enumerate(
  net: Network,
  options: Regions2DOptions,
  patterns: boolean,
): PlaneEnumeration & { box: [number, number, number, number]; tol: number; mapTolerance: number } {
  const box = checkBox(options.box ?? [-1, 1, -1, 1]);
  const tol = checkTolerance(options.tolerance, DEFAULT_TOLERANCE, 'tolerance');
  const mapTolerance = checkTolerance(options.mapTolerance, MAP_TOLERANCE, 'mapTolerance');
  const maxBytes = checkMaxBytes(options.maxBytes);
  const p = prepare(net, 2);
  const [x0, x1, y0, y1] = box;
  const scale = Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1));
  const { onPartition } = options;
  const layers = p.widths.length - 2;
  const e = enumeratePlane(
    p,
    box,
    { tol, scale },
    {
      signal: options.signal,
      patterns,
      maxBytes,
      onProgress: options.onProgress,
      onPolygons:
        onPartition &&
        ((pool, from, layer, z) =>
          onPartition(partitionOf(pool, from, layer, layers, z, 3 * (p.widths[layer + 1] as number)))),
    },
  );
  return { ...e, box, tol, mapTolerance };
}

/**
 * Every activation region of `net` (D_i = 2) on `options.box` (default [-1, 1]^2) as a convex
 * polygon with its affine map and pattern, the boundary segments of each hidden layer, and both
 * region counts (linear regions: adjacent polygons with equal maps merged).
 */
export function regions2d(net: Network, options: Regions2DOptions = {}): Regions2D {
  const e = enumerate(net, options, true);
  try {
    return resultOf(e);
  } finally {
    releaseWorkspace(e.workspace);
  }
}

/** The plain-data result of an enumeration (copied out of its workspace). */
function resultOf(e: ReturnType<typeof enumerate>): Regions2D {
  const { regionOf, count } = mergePolygons(e.pool, e.z, e.outputs, e.scale, e.mapTolerance, e.tol);
  const polygons = polygonsOf(e);
  return {
    inputs: 2,
    outputs: e.outputs,
    box: e.box,
    polygons,
    boundaries: e.sinks.map((sink, k) => ({
      layer: k + 1,
      segments: Float64Array.from(sink.segments),
      units: Int32Array.from(sink.units),
    })),
    activationRegions: polygons.length,
    linearRegions: count,
    linearRegionOf: regionOf,
  };
}

/** The two region counts of `regions2d` (linear and activation regions): no patterns, no polygon objects. */
export function countRegions2d(net: Network, options: Regions2DOptions = {}): RegionCounts {
  const e = enumerate(net, options, false);
  try {
    const { count } = mergePolygons(e.pool, e.z, e.outputs, e.scale, e.mapTolerance, e.tol);
    return { activationRegions: e.pool.size, linearRegions: count };
  } finally {
    releaseWorkspace(e.workspace);
  }
}
