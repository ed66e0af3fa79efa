/**
 * `deepnets regions NET.json --plane POINTS.json` / `--segment POINTS.json`: exact regions of a
 * network with any number of inputs D_i on the parallelogram p0 + s (p1 - p0) + t (p2 - p0),
 * s, t in [0, 1], or along the segment p0 -> p1 (POINTS.json: a JSON array of 3 or 2 input vectors).
 */
import { DeepnetsError, inputSize, type Network } from '@deepnets/core';
import {
  countRegionsOnPlane,
  countRegionsOnSegment,
  type EnumerationOptions,
  type RegionCounts,
  RegionsError,
} from '@deepnets/regions';
import { UsageError } from '../command.ts';

export type SliceKind = 'plane' | 'segment';

/** Reads POINTS.json: `count` input vectors of D_i finite numbers each. */
export function parsePoints(text: string, file: string, count: number, net: Network): number[][] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DeepnetsError(
      'INVALID_FORMAT',
      `not valid JSON: ${(error as Error).message.slice(0, 120)}`,
      file,
    );
  }
  if (!Array.isArray(value) || value.length !== count) {
    const got = Array.isArray(value) ? `${value.length} entries` : typeof value;
    throw new RegionsError(
      'SHAPE_MISMATCH',
      `must be a JSON array of ${count} input vectors, got ${got}`,
      file,
    );
  }
  const size = inputSize(net);
  return value.map((point: unknown, j) => {
    if (!Array.isArray(point) || point.length !== size) {
      const got = Array.isArray(point) ? `${point.length} numbers` : typeof point;
      throw new RegionsError(
        'SHAPE_MISMATCH',
        `must be an input vector of ${size} numbers (the network has D_i = ${size} inputs), got ${got}`,
        `${file}[${j}]`,
      );
    }
    const bad = point.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0)
      throw new RegionsError('NON_FINITE', `entry ${bad} is not a finite number`, `${file}[${j}]`);
    return point as number[];
  });
}

/** Counts on the slice; `domain` is the counted set in the slice's coordinates. */
export function countOnSlice(
  net: Network,
  kind: SliceKind,
  points: number[][],
  options: EnumerationOptions,
): RegionCounts & { domain: number[] } {
  if (kind === 'segment') {
    const [from, to] = points as [number[], number[]];
    return { ...countRegionsOnSegment(net, from, to, options), domain: [0, 1] };
  }
  return {
    ...countRegionsOnPlane(net, points as [number[], number[], number[]], options),
    domain: [0, 1, 0, 1],
  };
}

/** The slice asked for by `--plane` / `--segment`, or undefined; refuses both at once and mixes with --domain / --box. */
export function sliceFlag(
  flags: Record<string, string | true>,
): { kind: SliceKind; file: string } | undefined {
  const plane = flags.plane;
  const segment = flags.segment;
  if (plane === undefined && segment === undefined) return undefined;
  if (plane !== undefined && segment !== undefined)
    throw new UsageError('give either --plane or --segment, not both');
  const kind: SliceKind = plane !== undefined ? 'plane' : 'segment';
  const file = kind === 'plane' ? plane : segment;
  if (file === true) throw new UsageError(`--${kind} needs a POINTS.json file`);
  if (flags.domain !== undefined || flags.box !== undefined) {
    throw new UsageError(
      `--${kind} counts ${kind === 'plane' ? 'the parallelogram s, t in [0, 1]' : 't in [0, 1]'}; --domain and --box do not apply`,
    );
  }
  return { kind, file: file as string };
}
