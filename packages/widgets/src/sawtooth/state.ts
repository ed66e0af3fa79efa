/**
 * Sawtooth widget, state: what the reader chose (K), the URL schema, and the pure derivation of
 * everything shown from two exact region counts. No DOM: tested in Node (state.test.ts).
 *
 * K hidden layers of 2 units make a sawtooth with 2^K linear regions on [0, 1] (regions'
 * `sawtoothNetwork`); the shallow network equal to it (`shallowFromPieces`) needs 2^K hidden units.
 */
import { evaluateBatch, type Network, parametersForWidths } from '@deepnets/core';
import { type Regions1D, sawtoothNetwork } from '@deepnets/regions';
import type { Regions1DSource } from '../kit/regions-source.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import { evaluateShallow1d, shallowFromPieces } from './shallow.ts';

export interface SawtoothOptions {
  layers: number;
  regions1d?: Regions1DSource;
  urlPrefix?: string;
}

export interface SawtoothState {
  layers: number;
  deep: { units: number; parameters: number; regions: number };
  shallow: { units: number; parameters: number; regions: number };
  /** max |deep(x) - shallow(x)| on the drawing grid. */
  maxDifference: number;
}

/** Both functions sampled on the drawing grid of [0, 1]. */
export interface SawtoothSeries {
  xs: Float64Array;
  deep: Float64Array;
  shallow: Float64Array;
}

export const MAX_LAYERS = 12;
export const DEFAULT_LAYERS = 3;
/** Grid intervals on [0, 1] for drawing and for the equality check. */
export const GRID = 2048;

export const URL_SCHEMA = { k: { type: 'integer', min: 1, max: MAX_LAYERS } } satisfies UrlSchema;

/** The deep network of K layers of 2 units. */
export const deepNetwork = (layers: number): Network => sawtoothNetwork({ layers, width: 2 });

/** The shallow network equal to the deep one on [0, 1], one hidden unit per piece. */
export const shallowNetwork = (deep: Regions1D): Network => shallowFromPieces(deep, 0);

/** Everything the widget shows, from the two networks and their exact region counts on [0, 1]. */
export function sawtoothState(
  layers: number,
  nets: { deep: Network; shallow: Network },
  regions: { deep: Regions1D; shallow: Regions1D },
): { state: SawtoothState; series: SawtoothSeries } {
  const xs = Float64Array.from({ length: GRID + 1 }, (_, i) => i / GRID);
  const deep = evaluateBatch(nets.deep, xs, xs.length);
  const shallow = evaluateShallow1d(nets.shallow, xs);
  let maxDifference = 0;
  for (let i = 0; i < xs.length; i++) {
    maxDifference = Math.max(maxDifference, Math.abs((deep[i] as number) - (shallow[i] as number)));
  }
  const shallowUnits = nets.shallow.layers[0]?.biases.length ?? 0;
  const state: SawtoothState = {
    layers,
    deep: {
      units: 2 * layers,
      parameters: parametersForWidths([1, ...Array<number>(layers).fill(2), 1]),
      regions: regions.deep.linearRegions,
    },
    shallow: {
      units: shallowUnits,
      parameters: parametersForWidths([1, shallowUnits, 1]),
      regions: regions.shallow.linearRegions,
    },
    maxDifference,
  };
  return { state, series: { xs, deep, shallow } };
}
