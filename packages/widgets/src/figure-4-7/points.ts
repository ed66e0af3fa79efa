/**
 * The data behind the Figure 4.7 widget: the book's curves (`figure47Data`, eq. 4.17 as BigInt)
 * and points the reader adds, each with its parameter count and bound, and optionally an exact
 * count from an actual network (the max-regions construction or a random He network).
 */
import { createRng, initNetwork, type Network, parametersForWidths } from '@deepnets/core';
import {
  type Figure47Point,
  figure47Data,
  maxRegionsNetwork,
  type RegionSummary,
  regionSummary,
  udlMaxRegions,
} from '@deepnets/regions';
import { log10Big } from '../depth-kit/bigint.ts';

export type PointKind = 'bound' | 'construction' | 'random';

export interface AddedPoint {
  kind: PointKind;
  inputs: number;
  layers: number;
  width: number;
  parameters: number;
  /** eq. 4.17 (Zaslavsky for K = 1). */
  bound: bigint;
  /** What eq. 4.17 is for this shape, the construction's count and the proven upper bound. */
  summary: RegionSummary;
  /** Exact linear regions of the actual network (construction: on [0, 1]; random: on the real line). */
  exact?: number;
}

/** The two panels: a) D_i = 1, D = 1..20; b) D_i = 10, D = 10..100. */
export const PANELS = [
  { inputs: 1, heading: 'a) one input (Dᵢ = 1)' },
  { inputs: 10, heading: 'b) ten inputs (Dᵢ = 10)' },
] as const;

/** The curves of one panel, one series per depth K = 1..5. */
export function panelSeries(inputs: number): Figure47Point[][] {
  const all = figure47Data(inputs);
  return [1, 2, 3, 4, 5].map((k) => all.filter((p) => p.layers === k));
}

/** The bound point for (D_i, K, D). */
export function boundPoint(inputs: number, layers: number, width: number): AddedPoint {
  return {
    kind: 'bound',
    inputs,
    layers,
    width,
    parameters: parametersForWidths([inputs, ...Array<number>(layers).fill(width), 1]),
    bound: udlMaxRegions({ inputs, width, layers }),
    summary: regionSummary({ inputs, widths: Array<number>(layers).fill(width) }),
  };
}

/** The marked point of each panel: a) 5 layers of 10 units (the slide), b) 5 layers of 50 units (the book). */
export const MARKED = [
  { inputs: 1, layers: 5, width: 10 },
  { inputs: 10, layers: 5, width: 50 },
] as const;

/** The network whose exact count is added next to the bound (one input only). */
export function pointNetwork(
  kind: 'construction' | 'random',
  layers: number,
  width: number,
  seed = 1,
): Network {
  if (kind === 'construction') return maxRegionsNetwork({ layers, width });
  return initNetwork([1, ...Array<number>(layers).fill(width), 1], {
    init: 'he-normal',
    rng: createRng(seed),
    biases: 0.1,
  });
}

/** Where the point sits on a log-y plot. */
export const logOf = (p: AddedPoint): { bound: number; exact?: number } => ({
  bound: log10Big(p.bound),
  ...(p.exact === undefined ? {} : { exact: p.exact > 0 ? Math.log10(p.exact) : 0 }),
});
