/**
 * The exact linear regions of the playground's current network, one enumeration at a time: a
 * request while one runs is remembered and served (with the newest network) after it, and a
 * result that a newer request overtook is dropped.
 */
import { getActivation, isPiecewiseLinear, type Network, type Registry } from '@deepnets/core';
import type { Regions2D } from '@deepnets/regions';
import { type Regions2DSource, regions2dWithFallback } from '../kit/regions-source.ts';

export interface RegionsJobOptions {
  registry: Registry;
  /** The network and box to count on now. */
  current(): { network: Network | undefined; box: [number, number, number, number] };
  /** The worker's (or an injected) enumeration; undefined counts on this thread. */
  source(): Regions2DSource | undefined;
  /** The regions of `network` (undefined when it has none to count, or `error` says why). */
  done(r: Regions2D | undefined, network: Network | undefined, error?: string): void;
  destroyed(): boolean;
}

/** Returns `update()`: counts the current network's regions, serialised as described above. */
export function createRegionsJob(options: RegionsJobOptions): () => Promise<void> {
  let token = 0;
  let busy = false;
  let again = false;

  async function enumerate(): Promise<void> {
    const { network: net, box } = options.current();
    const mine = ++token;
    const registry = options.registry;
    const act = net && registry.has('activation', net.activation) ? getActivation(net.activation) : undefined;
    if (!net || !act || !isPiecewiseLinear(act)) {
      options.done(undefined, undefined);
      return;
    }
    try {
      const r = await regions2dWithFallback(options.source(), net, { box });
      if (mine !== token || options.destroyed()) return;
      options.done(r, net);
    } catch (e) {
      if (mine !== token || options.destroyed()) return;
      options.done(undefined, undefined, (e as Error).message);
    }
  }

  async function update(): Promise<void> {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      await enumerate();
    } finally {
      busy = false;
    }
    if (again && !options.destroyed()) {
      again = false;
      await update();
    }
  }
  return update;
}

/** The enumeration to use: the injected `regions2d`, else the worker's, else none (this thread). */
export function regionsSourceOf(options: {
  regions2d?: Regions2DSource;
  worker?: { regions2d: (...args: Parameters<Regions2DSource>) => ReturnType<Regions2DSource> };
}): Regions2DSource | undefined {
  const worker = options.worker;
  return options.regions2d ?? (worker ? (n, o) => worker.regions2d(n, o) : undefined);
}
