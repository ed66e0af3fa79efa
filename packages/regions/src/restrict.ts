/**
 * Regions of networks with any number of inputs, along a segment or on a plane through given
 * points (as Hanin and Rolnick 2019 measure them). Restricting x = p_0 + t (p_1 - p_0) only changes
 * the first layer: Omega_0 x + beta_0 = (Omega_0 (p_1 - p_0)) t + (beta_0 + Omega_0 p_0), so the
 * restricted network has one input (two for a plane) and the exact 1-D / 2-D analysis applies.
 */
import { inputSize, type Layer, type Network, validateNetwork } from '@deepnets/core';
import { RegionsError } from './errors.ts';
import {
  countRegions1d,
  type RegionCounts,
  type Regions1D,
  type Regions1DOptions,
  regions1d,
} from './regions1d.ts';
import { countRegions2d, type Regions2D, type Regions2DOptions, regions2d } from './regions2d.ts';

function checkPoint(net: Network, p: readonly number[], name: string): void {
  const size = inputSize(net);
  if (!Array.isArray(p) || p.length !== size) {
    const got = Array.isArray(p) ? `${p.length} numbers` : typeof p;
    throw new RegionsError('SHAPE_MISMATCH', `must be ${size} numbers (D_i = ${size}), got ${got}`, name);
  }
  const bad = p.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) {
    throw new RegionsError(
      'NON_FINITE',
      `entry ${bad} is ${String(p[bad]).slice(0, 24)}, not a finite number`,
      name,
    );
  }
}

/** The network g(s_1, ..., s_n) = f(origin + sum_j s_j directions_j). */
export function restrictNetwork(
  net: Network,
  origin: readonly number[],
  directions: readonly (readonly number[])[],
): Network {
  validateNetwork(net);
  checkPoint(net, origin, 'origin');
  for (const [j, d] of directions.entries()) checkPoint(net, d, `directions[${j}]`);
  const [first, ...rest] = net.layers as [Layer, ...Layer[]];
  const dot = (row: readonly number[], v: readonly number[]) =>
    row.reduce((s, w, j) => s + w * (v[j] as number), 0);
  return {
    activation: net.activation,
    layers: [
      {
        weights: first.weights.map((row) => directions.map((d) => dot(row, d))),
        biases: first.weights.map((row, i) => (first.biases[i] as number) + dot(row, origin)),
      },
      ...rest,
    ],
  };
}

const minus = (a: readonly number[], b: readonly number[]) => a.map((v, j) => v - (b[j] as number));

/** Exact regions of f along the segment from `from` (t = 0) to `to` (t = 1), in the coordinate t. */
export function regionsOnSegment(
  net: Network,
  from: readonly number[],
  to: readonly number[],
  options: Omit<Regions1DOptions, 'domain'> = {},
): Regions1D {
  checkPoint(net, from, 'from');
  checkPoint(net, to, 'to');
  return regions1d(restrictNetwork(net, from, [minus(to, from)]), { ...options, domain: [0, 1] });
}

/** Region counts along a segment, without storing the pieces. */
export function countRegionsOnSegment(
  net: Network,
  from: readonly number[],
  to: readonly number[],
  options: Omit<Regions1DOptions, 'domain'> = {},
): RegionCounts {
  checkPoint(net, from, 'from');
  checkPoint(net, to, 'to');
  return countRegions1d(restrictNetwork(net, from, [minus(to, from)]), { ...options, domain: [0, 1] });
}

/**
 * Exact regions of f on the plane x = p_0 + s (p_1 - p_0) + t (p_2 - p_0), in the coordinates
 * (s, t) on `options.box` (default [0, 1]^2, the parallelogram spanned by the three points).
 */
export function regionsOnPlane(
  net: Network,
  points: readonly [readonly number[], readonly number[], readonly number[]],
  options: Regions2DOptions = {},
): Regions2D {
  const [p0, p1, p2] = points;
  checkPoint(net, p0, 'points[0]');
  checkPoint(net, p1, 'points[1]');
  checkPoint(net, p2, 'points[2]');
  return regions2d(restrictNetwork(net, p0, [minus(p1, p0), minus(p2, p0)]), {
    box: [0, 1, 0, 1],
    ...options,
  });
}

/** Region counts on the plane of `regionsOnPlane`, without building the polygons' patterns. */
export function countRegionsOnPlane(
  net: Network,
  points: readonly [readonly number[], readonly number[], readonly number[]],
  options: Regions2DOptions = {},
): RegionCounts {
  const [p0, p1, p2] = points;
  checkPoint(net, p0, 'points[0]');
  checkPoint(net, p1, 'points[1]');
  checkPoint(net, p2, 'points[2]');
  return countRegions2d(restrictNetwork(net, p0, [minus(p1, p0), minus(p2, p0)]), {
    box: [0, 1, 0, 1],
    ...options,
  });
}
