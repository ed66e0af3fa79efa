/**
 * Composition widget, state: the options (the two 1-3-1 networks and the x interval), the URL
 * schema, and the pure derivation of everything the three panels show: network 1's folds (its
 * linear regions on the x interval), network 2 over the y values network 1 reaches, the
 * composition's linear regions tagged by the fold they come from, the joints, and the counts.
 * No DOM: tested in Node (state.test.ts).
 */
import type { Network } from '@deepnets/core';
import type { PanelJoint } from '../kit/function-panel.ts';
import { dragJoint } from '../kit/joint-solve.ts';
import { type NetworkPair, NINE_REGIONS, pairUrlSchema, writePairParameter } from '../kit/network-pair.ts';
import { linearRegionBounds, linearRegionsWord, valueAt, valuesAtEdges } from '../kit/pieces-1d.ts';
import { paddedExtent } from '../kit/plot.ts';
import { shallowJoints } from '../kit/shallow-joints.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import { analyseComposition, type CompositionAnalysis } from './analysis.ts';

export interface CompositionOptions {
  pair: NetworkPair;
  /** The x interval, [-1, 1] by default. */
  domain: [number, number];
  /** Query-parameter prefix for sharing the state as a URL; no URL state when absent. */
  urlPrefix?: string;
}

export interface CompositionState extends CompositionAnalysis {
  pair: NetworkPair;
  /** Linear regions of the best 6-unit shallow network found (at most 7). */
  shallowRegions: number;
}

/** What the three function panels draw (fold indices, not colours: the view colours them). */
export interface CompositionFigure {
  analysis: CompositionAnalysis;
  /** [lo, hi] of each linear region ("fold") of network 1. */
  folds: [number, number][];
  /** [lo, hi] of each linear region of the composition (its fold: `analysis.foldOf`). */
  composedBounds: [number, number][];
  /** Where network 2 changes slope on its drawn interval. */
  boundaries2: number[];
  joints1: PanelJoint[];
  joints2: PanelJoint[];
  /** y intervals to show for network 1, network 2 and the composition. */
  extents: { net1: [number, number]; net2: [number, number]; composed: [number, number] };
  /** Network 1's folds, network 2's regions over the reached y, the composition's regions. */
  counts: { net1: number; net2: number; composed: number };
  summary: string;
}

export const DEFAULT_DOMAIN: [number, number] = [-1, 1];
export const DEFAULT_PAIR: NetworkPair = NINE_REGIONS;
export const URL_SCHEMA: UrlSchema = pairUrlSchema();

/** `pair` with the parameters read from the URL (`n1.theta.1.0`-style keys) written in. */
export const pairWithValues = (pair: NetworkPair, values: Record<string, unknown>): NetworkPair =>
  Object.entries(values).reduce((p, [key, value]) => writePairParameter(p, key, value as number), pair);

/** "n linear region(s)" without the number's own word repeated. */
const regionsText = (n: number) => `${n} ${linearRegionsWord(n)}`;

/** The y interval that shows every edge value of `r` (padded by 5%). */
function extentOf(r: CompositionAnalysis['regions1']): [number, number] {
  const v = valuesAtEdges(r);
  return paddedExtent(v, [v[0]!, v[0]!]);
}

const jointsOf = (theta: number[][], r: CompositionAnalysis['regions1']): PanelJoint[] =>
  shallowJoints(theta, 'relu', r.domain).map((j) => ({ ...j, y: valueAt(r, j.x) }));

/** Everything the three panels and the status line show, from the pair and the x interval. */
export function compositionFigure(pair: NetworkPair, domain: [number, number]): CompositionFigure {
  const a = analyseComposition(pair, domain);
  const counts = {
    net1: a.regions1.linearRegions,
    net2: a.regions2Reached,
    composed: a.composedRegions.linearRegions,
  };
  const pieces = (n: number) => `${n} piece${n === 1 ? '' : 's'}`;
  return {
    analysis: a,
    folds: linearRegionBounds(a.regions1),
    composedBounds: linearRegionBounds(a.composedRegions),
    boundaries2: linearRegionBounds(a.regions2)
      .slice(1)
      .map(([lo]) => lo),
    joints1: jointsOf(pair.theta1, a.regions1),
    joints2: jointsOf(pair.theta2, a.regions2),
    extents: {
      net1: extentOf(a.regions1),
      net2: extentOf(a.regions2),
      composed: extentOf(a.composedRegions),
    },
    counts,
    summary: `Network 1 folds [${domain.join(', ')}] into ${pieces(counts.net1)}; network 2 has ${regionsText(counts.net2)} over the y values they reach; the composition has ${regionsText(counts.composed)}.`,
  };
}

/** The fold (linear region of network 1) that holds x; 0 outside them all. */
export const foldAt = (folds: readonly [number, number][], x: number): number =>
  Math.max(
    0,
    folds.findIndex(([lo, hi]) => x >= lo && x <= hi),
  );

/**
 * The pair after a joint of network `net` is dragged to (x, y): x clamped to the panel's interval,
 * theta and phi solved back (solve.ts) so that the curve passes through the dragged joint.
 */
export function pairAfterDrag(
  pair: NetworkPair,
  net: 1 | 2,
  unit: number,
  [x, y]: [number, number],
  domain: readonly [number, number],
): NetworkPair {
  const at = Math.min(domain[1], Math.max(domain[0], x));
  const [theta, phi] = net === 1 ? [pair.theta1, pair.phi1] : [pair.theta2, pair.phi2];
  const next = dragJoint(theta, phi, unit, at, y);
  return net === 1
    ? { ...pair, theta1: next.theta, phi1: next.phi }
    : { ...pair, theta2: next.theta, phi2: next.phi };
}

/** The networks the figure shows, by the export choice's value. */
export const shownNetworks = (
  a: CompositionAnalysis,
): Record<'network-1' | 'network-2' | 'composition', Network> => ({
  'network-1': a.net1,
  'network-2': a.net2,
  composition: a.composed,
});
