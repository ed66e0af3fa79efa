/**
 * Linear regions of randomly initialised networks against depth, measured the same way for every
 * shape: `networks` He-normal networks 1-[D x K]-1 per (D, K), biases constant or random, regions
 * counted exactly on one interval. Hanin and Rolnick (2019) prove that at initialisation the
 * expected number of regions along a line grows linearly with the number of neurons K D — not
 * exponentially with depth as the maximum (D + 1)^K does; this measures regions per hidden unit.
 */
import { createRng, initNetwork } from '@deepnets/core';
import { checkInteger } from './errors.ts';
import type { EnumerationOptions } from './prepare.ts';
import { countRegions1d } from './regions1d.ts';

/** How the biases beta_k are set: all equal to `constant`, or uniform in [-spread, spread]. */
export type BiasScheme = { kind: 'constant'; value: number } | { kind: 'uniform'; spread: number };

export interface RandomDepthRow {
  width: number;
  layers: number;
  /** Hidden units K D. */
  hiddenUnits: number;
  biases: BiasScheme;
  networks: number;
  /** Mean and sample standard deviation of the exact linear-region counts. */
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** mean / (K D) and sd / (K D). */
  perUnit: number;
  perUnitSd: number;
}

export interface RandomDepthOptions extends EnumerationOptions {
  widths: readonly number[];
  depths: readonly number[];
  biases: readonly BiasScheme[];
  networks: number;
  /** The interval every network is counted on. */
  domain: readonly [number, number];
  seed: number;
  /** Called after each shape. */
  onRow?: (row: RandomDepthRow) => void;
}

/** One row per (bias scheme, width, depth), each from its own seeded stream. */
export function randomRegionsByDepth(o: RandomDepthOptions): RandomDepthRow[] {
  checkInteger(o.networks, 2, 'networks');
  const rows: RandomDepthRow[] = [];
  o.biases.forEach((biases, b) => {
    for (const width of o.widths) {
      checkInteger(width, 1, 'widths');
      for (const layers of o.depths) {
        checkInteger(layers, 1, 'depths');
        const rng = createRng(o.seed * 1_000_003 + b * 10_007 + width * 101 + layers);
        const counts: number[] = [];
        for (let n = 0; n < o.networks; n++) {
          const net = initNetwork([1, ...Array<number>(layers).fill(width), 1], { init: 'he-normal', rng });
          for (const layer of net.layers) {
            layer.biases = layer.biases.map(() =>
              biases.kind === 'constant' ? biases.value : (2 * rng.uniform() - 1) * biases.spread,
            );
          }
          const { signal, tolerance } = o;
          counts.push(
            countRegions1d(net, {
              domain: o.domain,
              ...(signal ? { signal } : {}),
              ...(tolerance ? { tolerance } : {}),
            }).linearRegions,
          );
        }
        const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
        const sd = Math.sqrt(counts.reduce((s, c) => s + (c - mean) ** 2, 0) / (counts.length - 1));
        const hiddenUnits = layers * width;
        const row: RandomDepthRow = {
          width,
          layers,
          hiddenUnits,
          biases,
          networks: o.networks,
          mean,
          sd,
          min: Math.min(...counts),
          max: Math.max(...counts),
          perUnit: mean / hiddenUnits,
          perUnitSd: sd / hiddenUnits,
        };
        rows.push(row);
        o.onRow?.(row);
      }
    }
  });
  return rows;
}
