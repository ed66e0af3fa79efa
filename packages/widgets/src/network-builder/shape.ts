/**
 * The network builder's model: a shape (D_i, D_1..D_K, D_o = 1), its parameter count, the book's
 * bound on its linear regions, and a seeded random network of that shape.
 */
import { createRng, initNetwork, type Network, parametersForWidths } from '@deepnets/core';
import { type RegionSummary, regionSummary } from '@deepnets/regions';

export interface BuilderLimits {
  /** Most hidden layers K. */
  layers: number;
  /** Most units in one hidden layer D_k. */
  width: number;
  /** Most hidden units in total for the 2-D region drawing. */
  units2d: number;
}

export const DEFAULT_LIMITS: BuilderLimits = { layers: 8, width: 16, units2d: 48 };

/** What is known about the maximum number of linear regions of the shape (regions' `regionSummary`). */
export type ShapeBound = RegionSummary;

/** [D_i, D_1, ..., D_K, 1]. */
export const allWidths = (inputs: number, widths: readonly number[]): number[] => [inputs, ...widths, 1];

/** sum_k (D_k + 1) D_{k+1} (core's `parametersForWidths`). */
export const shapeParameters = (inputs: number, widths: readonly number[]): number =>
  parametersForWidths(allWidths(inputs, widths));

/**
 * The maximum number of linear regions, labelled: exact (one input with D >= 3, or one hidden
 * layer), else a count a construction reaches (eq. 4.17 for equal widths D >= 3 D_i) and Serra et
 * al.'s proven upper bound.
 */
export function shapeBound(inputs: number, widths: readonly number[]): ShapeBound {
  return regionSummary({ inputs, widths });
}

/** Widths clamped to [1, limits.width] and at most `limits.layers` layers (at least one). */
export function clampWidths(widths: readonly number[], limits: BuilderLimits): number[] {
  const out = widths.slice(0, limits.layers).map((w) => Math.min(limits.width, Math.max(1, Math.round(w))));
  return out.length ? out : [1];
}

/**
 * A random network of the shape: He-normal weights (variance 2 / D_k, core's `initNetwork`) and
 * biases uniform in [-0.5, 0.5] from the same seeded stream (zero biases would put every joint
 * of a 1-D network at x = 0 and every boundary of a 2-D one through the origin).
 */
export function sampleNetwork(inputs: number, widths: readonly number[], seed: number): Network {
  const rng = createRng(seed);
  const net = initNetwork(allWidths(inputs, widths), { init: 'he-normal', rng });
  for (const layer of net.layers) layer.biases = layer.biases.map(() => rng.uniform() - 0.5);
  return net;
}
