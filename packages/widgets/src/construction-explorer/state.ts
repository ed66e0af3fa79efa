/**
 * Construction explorer, state: options and state types, the largest depth and the URL schema.
 * The window arithmetic (zoom, pan, pieces in view) is in view.ts, pure and tested in Node.
 */
import type { Regions1DSource } from '../kit/regions-source.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import type { DepthSample } from './random.ts';
import type { View } from './view.ts';

export interface ConstructionExplorerOptions {
  layers: number;
  width: number;
  view: View;
  /** Exact regions (the docs pass the worker's, so millions of regions never block the page). */
  regions1d?: Regions1DSource;
  /** Random networks per depth in the side panel. */
  networks: number;
  seed: number;
  urlPrefix?: string;
}

export interface ConstructionExplorerState {
  layers: number;
  width: number;
  parameters: number;
  bound: bigint;
  /** Exact linear regions of the construction on [0, 1]. */
  regions: number;
  view: View;
  inView: number;
  smallest: number;
  random: DepthSample[];
}

export const MAX_LAYERS = 6;
export const URL_SCHEMA: UrlSchema = {
  k: { type: 'integer', min: 1, max: MAX_LAYERS },
  d: { type: 'integer', min: 3, max: 12 },
  x0: { type: 'number', min: 0, max: 1 },
  x1: { type: 'number', min: 0, max: 1 },
};
