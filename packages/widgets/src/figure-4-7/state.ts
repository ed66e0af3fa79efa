/**
 * Figure 4.7 widget, state: options and state types, the URL schema of the add-a-point form, and
 * the remembered region summaries of the readout. No DOM.
 */
import { type RegionSummary, regionSummary } from '@deepnets/regions';
import type { Regions1DSource } from '../kit/regions-source.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import type { AddedPoint } from './points.ts';

export interface Figure47Options {
  /** Where exact counts come from (the docs pass the worker's `regions1d`). */
  regions1d?: Regions1DSource;
  /** Query-parameter prefix for the add-a-point form; no URL state when absent. */
  urlPrefix?: string;
  /** Seed of the random He networks. */
  seed?: number;
  /** Largest bound for which an actual network is enumerated (regions are kept in memory). */
  maxExact?: number;
}

export interface Figure47State {
  added: AddedPoint[];
  /** The marked point of each panel (a: the slide's, b: the book's): parameters and eq. 4.17. */
  highlight: AddedPoint[];
  selected: { panel: number; layers: number; index: number };
}

export const URL_SCHEMA: UrlSchema = {
  di: { type: 'integer', min: 1, max: 100 },
  k: { type: 'integer', min: 1, max: 20 },
  d: { type: 'integer', min: 1, max: 1000 },
};

const summaries = new Map<string, RegionSummary>();
/** regionSummary for K layers of width D, remembered (the readout asks again on every key). */
export function summaryOf(inputs: number, layers: number, width: number): RegionSummary {
  const key = `${inputs},${layers},${width}`;
  let s = summaries.get(key);
  if (!s) {
    s = regionSummary({ inputs, widths: Array<number>(layers).fill(width) });
    summaries.set(key, s);
  }
  return s;
}
