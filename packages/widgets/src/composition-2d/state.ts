/**
 * 2-D composition widget, state: the options (network 1 with two inputs, network 2 with one, the
 * input square), the URL schema, and the pure derivation of what is shown: both heat maps' exact
 * regions with the flat ones marked, network 2 over the y values network 1 reaches, the counts,
 * and the probe's values. No DOM: tested in Node (state.test.ts).
 */

import { evaluateBatch, type Network } from '@deepnets/core';
import type { PanelJoint } from '../kit/function-panel.ts';
import { dragJoint, type ParameterLimits } from '../kit/joint-solve.ts';
import { writePairParameter } from '../kit/network-pair.ts';
import { linearRegionBounds, linearRegionsWord, valueAt, valuesAtEdges } from '../kit/pieces-1d.ts';
import { paddedExtent } from '../kit/plot.ts';
import { shallowJoints } from '../kit/shallow-joints.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import { analyseComposition2d, type Composition2DAnalysis, flatPolygons } from './analysis.ts';
import { BOOK_2D, type Pair2D, pair2dUrlSchema } from './params.ts';

export interface Composition2DOptions {
  pair: Pair2D;
  /** The input square [x1 min, x1 max, x2 min, x2 max]; read once, at mount. */
  box: [number, number, number, number];
  urlPrefix?: string;
}

/** The probed point, network 1's y there, and y' = network 2(y) as the composition gives it. */
export interface Probe {
  x: [number, number];
  y: number;
  composed: number;
}

export interface Composition2DState extends Composition2DAnalysis {
  pair: Pair2D;
  /** The probed point and the values there, once the reader has probed. */
  probe?: Probe;
}

/** What the three panels draw. */
export interface Composition2DFigure {
  analysis: Composition2DAnalysis;
  /** Per polygon of network 1 and of the composition: flat (hatched) or not. */
  flat1: boolean[];
  flatComposed: boolean[];
  /** Network 2's panel: y' interval, slope changes, joints. */
  extent2: [number, number];
  boundaries2: number[];
  joints2: PanelJoint[];
  counts: { net1: number; net2: number; composed: number };
  summary: string;
}

export const DEFAULT_BOX: [number, number, number, number] = [-1, 1, -1, 1];
export const DEFAULT_PAIR: Pair2D = BOOK_2D;
export const URL_SCHEMA: UrlSchema = pair2dUrlSchema();
/** Network 2's parameter limits while a joint is dragged (the sliders' ranges). */
const DRAG_LIMITS: ParameterLimits = { theta: [-3, 3], phi: [-5, 5] };

/** `pair` with the parameters read from the URL (`n1.theta.1.0`-style keys) written in. */
export const pairWithValues = (pair: Pair2D, values: Record<string, unknown>): Pair2D =>
  Object.entries(values).reduce((p, [key, value]) => writePairParameter(p, key, value as number), pair);

/** Everything the panels and the status line show, from the pair and the square. */
export function composition2dFigure(
  pair: Pair2D,
  box: [number, number, number, number],
): Composition2DFigure {
  const a = analyseComposition2d(pair, box);
  const values2 = valuesAtEdges(a.regions2);
  const counts = {
    net1: a.regions1.linearRegions,
    net2: a.regions2Reached,
    composed: a.composedRegions.linearRegions,
  };
  return {
    analysis: a,
    flat1: flatPolygons(a.regions1),
    flatComposed: flatPolygons(a.composedRegions),
    extent2: paddedExtent(values2, [values2[0]!, values2[0]!]),
    boundaries2: linearRegionBounds(a.regions2)
      .slice(1)
      .map(([lo]) => lo),
    joints2: shallowJoints(pair.theta2, 'relu', a.regions2.domain).map((j) => ({
      ...j,
      y: valueAt(a.regions2, j.x),
    })),
    counts,
    summary: `Network 1 has ${counts.net1} ${linearRegionsWord(counts.net1)} on the square (${a.flat1} flat); network 2 has ${counts.net2} over the y values they reach; the composition has ${counts.composed} (${a.flatComposed} flat).`,
  };
}

/** y and y' at a point, from network 1 and from the composition itself. */
export function probeAt(a: Composition2DAnalysis, point: [number, number]): Probe {
  const at = Float64Array.from(point);
  return { x: point, y: evaluateBatch(a.net1, at, 1)[0]!, composed: evaluateBatch(a.composed, at, 1)[0]! };
}

/** The pair after a joint of network 2 is dragged to (y, y'): theta' and phi' solved back. */
export function pairAfterDrag(
  pair: Pair2D,
  unit: number,
  [x, y]: [number, number],
  domain: readonly [number, number],
): Pair2D {
  const at = Math.min(domain[1], Math.max(domain[0], x));
  const next = dragJoint(pair.theta2, pair.phi2, unit, at, y, DRAG_LIMITS);
  return { ...pair, theta2: next.theta, phi2: next.phi };
}

/** The networks the figure shows, by the export choice's value. */
export const shownNetworks = (
  a: Composition2DAnalysis,
): Record<'composition' | 'network-1' | 'network-2', Network> => ({
  composition: a.composed,
  'network-1': a.net1,
  'network-2': a.net2,
});
