/**
 * The honest caveat: random He-initialised networks with the same shape as the construction have
 * nowhere near (D + 1)^K regions; their count grows about linearly with the number of hidden units
 * K D (Hanin and Rolnick 2019), per unit falling slowly with depth. Counted on [-1, 1], the interval
 * of the committed measurement (experiments/random-regions), where (D + 1)^K is also the maximum.
 */
import { createRng, initNetwork, type Network } from '@deepnets/core';
import { regions1d } from '@deepnets/regions';

/** The interval random networks are counted on. */
export const RANDOM_DOMAIN: [number, number] = [-1, 1];

export interface DepthSample {
  layers: number;
  hiddenUnits: number;
  /** Exact linear regions on [-1, 1] of each sampled network. */
  counts: number[];
  mean: number;
}

/** `networks` He-normal networks 1-[D x K]-1 (biases 0.1, as `lineStatistics`), seeded. */
export function randomNetworks(layers: number, width: number, networks: number, seed: number): Network[] {
  const rng = createRng(seed * 1000 + layers);
  return Array.from({ length: networks }, () =>
    initNetwork([1, ...Array<number>(layers).fill(width), 1], { init: 'he-normal', rng, biases: 0.1 }),
  );
}

/** Exact counts of linear regions on [-1, 1] for random networks of depth `layers`. */
export function sampleDepth(layers: number, width: number, networks = 20, seed = 1): DepthSample {
  const counts = randomNetworks(layers, width, networks, seed).map(
    (net) => regions1d(net, { domain: RANDOM_DOMAIN }).linearRegions,
  );
  return {
    layers,
    hiddenUnits: layers * width,
    counts,
    mean: counts.reduce((s, c) => s + c, 0) / counts.length,
  };
}
