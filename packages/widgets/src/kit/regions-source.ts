/**
 * Where a widget gets its exact regions from: an injected function (the docs pass the worker's,
 * so big enumerations run off the main thread) or, by default, `@deepnets/regions` called here.
 * A failed injected call (e.g. a worker without that method yet) falls back to the local call.
 */
import type { Network } from '@deepnets/core';
import { type Regions1D, type Regions2D, regions1d, regions2d } from '@deepnets/regions';

export type Regions1DSource = (
  net: Network,
  options: { domain: [number, number] },
) => Regions1D | Promise<Regions1D>;
export type Regions2DSource = (
  net: Network,
  options: { box: [number, number, number, number] },
) => Regions2D | Promise<Regions2D>;

export const localRegions1d: Regions1DSource = (net, options) => regions1d(net, options);
export const localRegions2d: Regions2DSource = (net, options) => regions2d(net, options);

/** Calls `source`, and the local enumeration if it throws or rejects. */
export async function regions1dWithFallback(
  source: Regions1DSource | undefined,
  net: Network,
  options: { domain: [number, number] },
): Promise<Regions1D> {
  if (!source || source === localRegions1d) return regions1d(net, options);
  try {
    return await source(net, options);
  } catch {
    return regions1d(net, options);
  }
}

export async function regions2dWithFallback(
  source: Regions2DSource | undefined,
  net: Network,
  options: { box: [number, number, number, number] },
): Promise<Regions2D> {
  if (!source || source === localRegions2d) return regions2d(net, options);
  try {
    return await source(net, options);
  } catch {
    return regions2d(net, options);
  }
}
