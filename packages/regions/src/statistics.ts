/**
 * Regions of randomly initialised networks along lines (Hanin and Rolnick 2019): at
 * initialisation the number of regions along a line grows like the number of neurons, not
 * exponentially with depth, so deep networks do not use their capacity at initialisation.
 */
import { createRng, type InitScheme, initNetwork, type Network } from '@deepnets/core';
import { checkInteger } from './errors.ts';
import { countRegionsOnSegment } from './restrict.ts';

export interface LineStatistics {
  /** Hidden units sum_k D_k. */
  hiddenUnits: number;
  /** Activation regions along each sampled segment. */
  counts: number[];
  mean: number;
  /** (mean - 1) / hidden units: new regions per neuron along a segment. */
  regionsPerNeuron: number;
}

/**
 * Samples `networks` networks with the given widths (He-normal by default, biases `bias`) and, for
 * each, a segment between two standard-normal points in R^{D_i}; counts regions exactly along it.
 */
export function lineStatistics(
  widths: readonly number[],
  o: { networks?: number; seed?: number; init?: InitScheme; bias?: number } = {},
): LineStatistics {
  const networks = o.networks ?? 20;
  checkInteger(networks, 1, 'networks');
  const rng = createRng(o.seed ?? 1);
  const di = widths[0] as number;
  const counts: number[] = [];
  for (let n = 0; n < networks; n++) {
    const net: Network = initNetwork(widths, { init: o.init ?? 'he-normal', rng, biases: o.bias ?? 0.1 });
    const point = () => Array.from({ length: di }, () => rng.normal());
    counts.push(countRegionsOnSegment(net, point(), point()).activationRegions);
  }
  const hiddenUnits = widths.slice(1, -1).reduce((s, w) => s + w, 0);
  const mean = counts.reduce((s, c) => s + c, 0) / networks;
  return { hiddenUnits, counts, mean, regionsPerNeuron: (mean - 1) / hiddenUnits };
}
