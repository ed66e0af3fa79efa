/**
 * Where the widget gets the exact regions of a plane from: the one place that calls the
 * enumeration. Today the docs inject the worker's `regions2d` (`runner.api.regions2d`): the
 * network is restricted to the plane here (only Omega_0 and beta_0 change, a few thousand
 * multiply-adds), the worker enumerates the polygons of the 2-input network on [0, 1]^2, and each
 * polygon is coloured by its predicted class. A progressive worker call (polygons layer by layer)
 * replaces `planeRegionsFrom` without touching the rest of the widget.
 */
import type { Network } from '@deepnets/core';
import { centroid, type Regions2D, regions2d, restrictNetwork } from '@deepnets/regions';
import { predictedClass } from './state.ts';

/** What the widget draws: activation-region polygons in (s, t) with their predicted class. */
export interface PlaneRegions {
  /** Exact linear regions of the parallelogram (the CLI's `linearRegions`). */
  linearRegions: number;
  activationRegions: number;
  /** Counter-clockwise vertices [s0, t0, s1, t1, ...] and the class argmax_o y_o inside. */
  polygons: { vertices: Float64Array; predicted: number }[];
}

export type PlaneProgress = { layer: number; layers: number; regions: number };

/** Exact regions of `net` on the plane through `points`, cancellable, with progress. */
export type PlaneRegionsSource = (
  net: Network,
  points: readonly [readonly number[], readonly number[], readonly number[]],
  options: { signal?: AbortSignal; onProgress?: (p: PlaneProgress) => void },
) => Promise<PlaneRegions>;

/** The 2-input enumeration it builds on: regions' `regions2d` or `runner.api.regions2d`. */
export type Regions2DCall = (
  net: Network,
  options: {
    box: [number, number, number, number];
    signal?: AbortSignal;
    onProgress?: (p: PlaneProgress) => void;
  },
) => Regions2D | Promise<Regions2D>;

const minus = (a: readonly number[], b: readonly number[]) => a.map((v, j) => v - (b[j] as number));

/** A plane source over a `regions2d` call (the worker's, or the local one by default). */
export function planeRegionsFrom(call: Regions2DCall = (net, o) => regions2d(net, o)): PlaneRegionsSource {
  return async (net, [p0, p1, p2], { signal, onProgress }) => {
    const restricted = restrictNetwork(net, p0, [minus(p1, p0), minus(p2, p0)]);
    const r = await call(restricted, {
      box: [0, 1, 0, 1],
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
    });

    return {
      linearRegions: r.linearRegions,
      activationRegions: r.activationRegions,
      polygons: r.polygons.map((p) => {
        const [s, t] = centroid(p.vertices);
        return { vertices: p.vertices, predicted: predictedClass(p.dx, p.dy, p.c, s, t) };
      }),
    };
  };
}
