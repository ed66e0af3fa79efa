/**
 * One network measured on the reference segments and planes: exact linear regions along each
 * segment (mean, standard deviation, per unit of input-space length, and per unit length and
 * hidden unit: the Hanin-Rolnick scale, where at initialisation regions along a line grow with
 * the number of neurons N = D_1 + ... + D_K rather than exponentially with depth), and exact
 * linear regions on each plane's parallelogram with the number of those regions that contain one
 * of the plane's three training examples (the distinct activation patterns at the three examples).
 */

import type { Network } from '@deepnets/core';
import { activationPattern, countRegionsOnPlane, countRegionsOnSegment } from '@deepnets/regions';
import type { Samples } from '@deepnets/trainer';
import { exampleOf, type PairKind, type Reference } from './reference.ts';

/** Mean, standard deviation (n - 1), min and max of a sample of n values. */
export interface Spread {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

export interface SegmentStats {
  /** Linear regions along the segment. */
  regions: Spread;
  /** Linear regions per unit of Euclidean length in input space. */
  perLength: Spread;
  /** (regions - 1) / (length N): boundary crossings per unit length and hidden unit. */
  perLengthPerUnit: Spread;
}

export interface PlaneStats {
  regions: Spread;
  /** Linear regions of the parallelogram that contain one of its three training examples. */
  withExample: Spread;
}

export interface Measurement {
  segments: Record<PairKind, SegmentStats>;
  planes: PlaneStats;
}

const distance = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(...a.map((v, d) => v - (b[d] as number)));

/** Measures `net` on the reference; `signal` is checked between planes. */
export function measure(
  net: Network,
  data: { train: Samples; test: Samples },
  reference: Reference,
  signal?: AbortSignal,
): Measurement {
  const neurons = net.layers.slice(0, -1).reduce((s, l) => s + l.weights.length, 0);
  const segments = {} as Record<PairKind, SegmentStats>;
  for (const [kind, pairs] of Object.entries(reference.pairs) as [PairKind, [number, number][]][]) {
    const regions: number[] = [];
    const perLength: number[] = [];
    const perUnit: number[] = [];
    for (const [i, j] of pairs) {
      const a = exampleOf(data.train, i);
      const b = exampleOf(kind === 'train-test' ? data.test : data.train, j);
      const r = countRegionsOnSegment(net, a, b).linearRegions;
      const length = distance(a, b);
      regions.push(r);
      perLength.push(r / length);
      perUnit.push((r - 1) / (length * neurons));
    }
    segments[kind] = {
      regions: spreadOf(regions),
      perLength: spreadOf(perLength),
      perLengthPerUnit: spreadOf(perUnit),
    };
  }
  const planeRegions: number[] = [];
  const withExample: number[] = [];
  for (const triple of reference.planes) {
    signal?.throwIfAborted();
    const points = triple.map((i) => exampleOf(data.train, i)) as [number[], number[], number[]];
    planeRegions.push(countRegionsOnPlane(net, points).linearRegions);
    withExample.push(new Set(points.map((x) => activationPattern(net, x).flat().join(''))).size);
  }
  return { segments, planes: { regions: spreadOf(planeRegions), withExample: spreadOf(withExample) } };
}
