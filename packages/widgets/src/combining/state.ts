/**
 * Combining widget, state: the options (the two 1-3-1 networks, the free Psi of the contrast, the x
 * of the check), the URL schema, and the pure derivation of what is shown: the combined network
 * from core's `compose`, its exact linear regions on [-1, 1], psi_0 and Psi with Psi's rank, and
 * the check at the cursor (network 2 after network 1 against the combined network, unit by unit).
 * No DOM: tested in Node (state.test.ts).
 */
import { compose, type Network, shallowNetwork } from '@deepnets/core';
import { type Regions1D, regions1d } from '@deepnets/regions';
import {
  type NetworkPair,
  NINE_REGIONS,
  pairUrlSchema,
  pairUrlValues,
  writePairParameter,
} from '../kit/network-pair.ts';
import { linearRegionBounds, valueAt, valuesAtEdges } from '../kit/pieces-1d.ts';
import { paddedExtent } from '../kit/plot.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import { type CursorCheck, checkAt } from './check.ts';
import { FREE_PSI, freePsiNetwork } from './free.ts';
import { compositionPsi, matrixRank, type SixteenTest } from './psi.ts';

export interface CombiningOptions {
  pair: NetworkPair;
  /** Psi of the general network shown for contrast. */
  freePsi: number[][];
  /** The x of the agreement check. */
  cursor: number;
  urlPrefix?: string;
}

export interface CombiningState {
  pair: NetworkPair;
  psi0: number[];
  psi: number[][];
  rank: number;
  check: CursorCheck;
  free: { regions: number; rank: number; test: SixteenTest };
}

/** What the composition's plot and the rank line show for one pair. */
export interface CombiningFigure {
  net1: Network;
  net2: Network;
  /** One network with two hidden layers: network 1's layer, then psi_0 + Psi h (core's `compose`). */
  combined: Network;
  regions: Regions1D;
  /** y' interval to show, and where y' changes slope. */
  yExtent: [number, number];
  boundaries: number[];
  psi0: number[];
  psi: number[][];
  rank: number;
}

export const DOMAIN: [number, number] = [-1, 1];
export const DEFAULT_CURSOR = 0.25;
export const DEFAULT_PAIR: NetworkPair = NINE_REGIONS;
export const DEFAULT_FREE_PSI: number[][] = FREE_PSI;

/** URL key of psi_ij of the free network (i, j 0-based). */
export const psiKey = (i: number, j: number) => `psi.${i + 1}.${j + 1}`;

/** The twenty parameters of the pair and the nine entries of the free Psi. */
export const URL_SCHEMA: UrlSchema = {
  ...pairUrlSchema(),
  ...Object.fromEntries(
    [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => [psiKey(i, j), { type: 'number', min: -8, max: 8 }])),
  ),
};

/** Everything the URL holds. */
export function urlValues(options: CombiningOptions): Record<string, number> {
  const values: Record<string, number> = { ...pairUrlValues(options.pair) };
  for (const [i, row] of options.freePsi.entries())
    for (const [j, v] of row.entries()) values[psiKey(i, j)] = v;
  return values;
}

/** `options` with the values read from the URL written in (`psi.i.j` into the free Psi, the rest into the pair). */
export function optionsWithValues(
  options: CombiningOptions,
  values: Record<string, unknown>,
): CombiningOptions {
  let { pair } = options;
  const freePsi = options.freePsi.map((r) => [...r]);
  for (const [key, value] of Object.entries(values)) {
    const [kind, i, j] = key.split('.');
    if (kind === 'psi') freePsi[Number(i) - 1]![Number(j) - 1] = value as number;
    else pair = writePairParameter(pair, key, value as number);
  }
  return { ...options, pair, freePsi };
}

/** The composition of the pair as one network, its regions on [-1, 1] and its Psi. */
export function combiningFigure(pair: NetworkPair): CombiningFigure {
  const net1 = shallowNetwork({ theta: pair.theta1, phi: pair.phi1 });
  const net2 = shallowNetwork({ theta: pair.theta2, phi: pair.phi2 });
  const combined = compose(net1, net2);
  const regions = regions1d(combined, { domain: DOMAIN });
  const { psi0, psi } = compositionPsi(pair);
  const values = valuesAtEdges(regions);
  return {
    net1,
    net2,
    combined,
    regions,
    yExtent: paddedExtent(values, [values[0]!, values[0]!]),
    boundaries: linearRegionBounds(regions)
      .slice(1)
      .map(([lo]) => lo),
    psi0,
    psi,
    rank: matrixRank(psi),
  };
}

/** The check at x, and the height of the drawn composition there (where the cursor's dot sits). */
export function cursorAt(figure: CombiningFigure, x: number): { check: CursorCheck; y: number } {
  return { check: checkAt(figure.net1, figure.net2, figure.combined, x), y: valueAt(figure.regions, x) };
}

/** The cursor moved by `dx` hundredths, kept inside [-1, 1]. */
export const steppedCursor = (cursor: number, dx: number): number =>
  Math.min(DOMAIN[1], Math.max(DOMAIN[0], cursor + dx * 0.01));

/** The networks the figure shows, by the export choice's value. */
export const shownNetworks = (
  figure: CombiningFigure,
  freePsi: readonly (readonly number[])[],
): Record<'combined' | 'network-1' | 'network-2' | 'free-psi', Network> => ({
  combined: figure.combined,
  'network-1': figure.net1,
  'network-2': figure.net2,
  'free-psi': freePsiNetwork(freePsi),
});
