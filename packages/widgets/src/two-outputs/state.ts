/**
 * Two-outputs widget, state: the 18 parameters (params.ts), the URL schema, and the pure
 * derivation of everything shown from the exact regions of the pair (y_1, y_2) and of each output
 * alone. No DOM: tested in Node (state.test.ts).
 *
 * Both outputs share the hidden units h_d = a[theta_d0 + theta_d1 x], so their joints sit at the
 * same inputs x = -theta_d0 / theta_d1; output o bends at unit d's joint only when phi_od != 0.
 */
import type { Network } from '@deepnets/core';
import type { Regions1D } from '@deepnets/regions';
import type { Regions1DSource } from '../kit/regions-source.ts';
import { type Joint, shallowJoints } from '../kit/shallow-joints.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import { type TwoOutputParams, twoOutputNetwork, twoOutputTheta, twoOutputUrlSchema } from './params.ts';

export { DEFAULT_TWO_OUTPUTS, type TwoOutputParams, twoOutputNetwork } from './params.ts';

export interface TwoOutputsOptions {
  params: TwoOutputParams;
  domain: [number, number];
  regions1d: Regions1DSource;
  urlPrefix?: string;
}

export interface TwoOutputsState {
  params: TwoOutputParams;
  joints: Joint[];
  /** Exact linear regions of the pair (y_1, y_2), and of y_1 and y_2 alone. */
  linearRegions: number;
  perOutput: [number, number];
  /** The edges of the pair's activation regions and both outputs there (the curves, exactly). */
  xs: number[];
  ys: [number[], number[]];
  ms: number;
}

/** A dot on output `output` (1 or 2) at a joint where that output bends. */
export interface JointDot {
  output: 1 | 2;
  unit: number;
  x: number;
  y: number;
}

export const DEFAULT_DOMAIN: [number, number] = [0, 1];
export const URL_SCHEMA: UrlSchema = twoOutputUrlSchema();

/** The 1-4-2 network the figure shows (the file "Export network" writes). */
export const shownNetwork = (params: TwoOutputParams): Network => twoOutputNetwork(params);

/** y_o at edge p of `r`: the left end of region p (or the right end of the last one). */
export function valueAtEdge(r: Regions1D, p: number, output: number): number {
  const region = Math.min(p, r.activationRegions - 1);
  const x = r.edges[p] as number;
  return (
    (r.slopes[region * r.outputs + output] as number) * x +
    (r.intercepts[region * r.outputs + output] as number)
  );
}

/** Everything the widget shows, from the parameters and the three exact region sets. */
export function twoOutputsState(
  params: TwoOutputParams,
  domain: [number, number],
  regions: { both: Regions1D; first: Regions1D; second: Regions1D },
  ms = 0,
): TwoOutputsState {
  const joints = shallowJoints(twoOutputTheta(params), 'relu', domain);
  // y_o is affine between consecutive edges, so its values there draw it exactly.
  const xs = Array.from(regions.both.edges);
  const ys = [0, 1].map((o) => xs.map((_, p) => valueAtEdge(regions.both, p, o))) as [number[], number[]];
  return {
    params,
    joints,
    linearRegions: regions.both.linearRegions,
    perOutput: [regions.first.linearRegions, regions.second.linearRegions],
    xs,
    ys,
    ms,
  };
}

/** The dots of output `output`: one per joint where y_o bends (phi_od != 0), on the curve. */
export function jointDots(state: TwoOutputsState, output: 1 | 2): JointDot[] {
  const values = state.ys[output - 1] as number[];
  return state.joints
    .filter((j) => (state.params[`phi.${output}.${j.unit + 1}`] ?? 0) !== 0)
    .map((j) => ({ output, unit: j.unit, x: j.x, y: values[state.xs.indexOf(j.x)] ?? 0 }));
}

/** The status sentence's opening: where the shared joints are. */
export const jointsText = (joints: readonly Joint[]): string =>
  joints.map((j) => `x = ${j.x.toFixed(2)} (h${j.unit + 1})`).join(', ') || 'none in view';
