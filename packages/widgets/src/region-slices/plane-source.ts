/**
 * Where the widget gets the exact regions of a plane from: the one place that calls the
 * enumeration. The docs inject the worker's `countRegionsOnPlane` (`runner.api.countRegionsOnPlane`)
 * with `onPartition`: the worker restricts the network to the plane p0 + s (p1 - p0) + t (p2 - p0)
 * and streams the final polygons in batches (typed arrays, transferred) while it enumerates; the
 * result is the two counts. Each batch is coloured here by the class argmax_o y_o at each
 * polygon's centroid (a few thousand multiply-adds per batch), so the page never unpacks a
 * ~10,000-polygon result in one task and draws the first polygons before the last are found.
 */
import type { Network } from '@deepnets/core';
import { centroid, countRegionsOnPlane, type LayerPartition, type RegionCounts } from '@deepnets/regions';
import { predictedClass } from './state.ts';

/** Final polygons of one batch: polygon p has the vertices xy[2 start[p] ..] (count[p] of them). */
export interface PolygonBatch {
  xy: Float64Array;
  start: Int32Array;
  count: Int32Array;
  /** The class argmax_o y_o of each polygon. */
  predicted: Uint8Array;
}

export type PlaneProgress = { layer: number; layers: number; regions: number };

export type PlanePoints = readonly [readonly number[], readonly number[], readonly number[]];

/**
 * Exact regions of `net` on the plane through `points`, cancellable, with progress; every final
 * polygon goes to `onPolygons` (in batches) before the counts resolve. Nothing is delivered after
 * `signal` aborts.
 */
export type PlaneRegionsSource = (
  net: Network,
  points: PlanePoints,
  options: {
    signal?: AbortSignal;
    onProgress?: (p: PlaneProgress) => void;
    onPolygons?: (batch: PolygonBatch) => void;
  },
) => Promise<RegionCounts>;

/** The call it builds on: regions' `countRegionsOnPlane` or `runner.api.countRegionsOnPlane`. */
export type PlaneCountCall = (
  net: Network,
  points: PlanePoints,
  options: {
    signal?: AbortSignal;
    onProgress?: (p: PlaneProgress) => void;
    onPartition: (partition: LayerPartition) => void;
  },
) => RegionCounts | Promise<RegionCounts>;

/** A partition of final polygons (output maps [dx_o, dy_o, c_o] at 3 (outputs p + o)) with classes. */
export function batchOf(partition: LayerPartition): PolygonBatch {
  const { xy, start, count, maps } = partition;
  const polygons = count.length;
  const outputs = polygons ? maps.length / (3 * polygons) : 0;
  const predicted = new Uint8Array(polygons);
  for (let p = 0; p < polygons; p++) {
    const from = 2 * (start[p] as number);
    const [s, t] = centroid(xy.subarray(from, from + 2 * (count[p] as number)));
    predicted[p] = predictedClass(maps, 3 * outputs * p, outputs, s, t);
  }
  return { xy, start, count, predicted };
}

/** A plane source over a count call with partitions (the worker's, or the local one by default). */
export function planeRegionsFrom(
  call: PlaneCountCall = (net, points, o) => countRegionsOnPlane(net, points, o),
): PlaneRegionsSource {
  return async (net, points, { signal, onProgress, onPolygons }) =>
    call(net, points, {
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
      onPartition: (partition) => {
        if (partition.layer === partition.layers && !signal?.aborted) onPolygons?.(batchOf(partition));
      },
    });
}
