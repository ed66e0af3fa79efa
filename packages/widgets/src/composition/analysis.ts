/**
 * Everything the section-1 widget shows about two composed networks, computed exactly with
 * @deepnets/core (shallowNetwork, compose) and @deepnets/regions (regions1d): the pieces of
 * network 1 on the x interval, of network 2 on the y interval it draws, and of the composition,
 * with each linear region of the composition tagged by the linear region ("fold") of network 1
 * it lies in.
 */
import { compose, type Network, shallowNetwork } from '@deepnets/core';
import { type Regions1D, regions1d } from '@deepnets/regions';
import type { NetworkPair } from '../kit/network-pair.ts';
import { linearRegionBounds, pieceAt, valuesAtEdges } from '../kit/pieces-1d.ts';

export interface CompositionAnalysis {
  net1: Network;
  net2: Network;
  composed: Network;
  /** The x interval (network 1 and the composition). */
  domain: [number, number];
  /** Network 1 on `domain`. */
  regions1: Regions1D;
  /** [min, max] of y = network 1(x) over `domain`: where network 2 is used. */
  reached: [number, number];
  /** Network 2 on the y interval drawn (reached, padded). */
  regions2: Regions1D;
  /** Linear regions of network 2 that `reached` meets. */
  regions2Reached: number;
  /** The composition on `domain`. */
  composedRegions: Regions1D;
  /** For each linear region of the composition, the linear region of network 1 that holds it. */
  foldOf: number[];
}

export function analyseComposition(
  pair: NetworkPair,
  domain: [number, number] = [-1, 1],
): CompositionAnalysis {
  const net1 = shallowNetwork({ theta: pair.theta1, phi: pair.phi1 });
  const net2 = shallowNetwork({ theta: pair.theta2, phi: pair.phi2 });
  const composed = compose(net1, net2);
  const regions1 = regions1d(net1, { domain });
  const ys = valuesAtEdges(regions1);
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  const reached: [number, number] = [lo, hi];
  if (!(hi - lo > 1e-9)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = Math.max(0.25, 0.1 * (hi - lo));
  const regions2 = regions1d(net2, { domain: [lo - pad, hi + pad] });
  const regions2Reached =
    reached[1] - reached[0] > 1e-12 ? regions1d(net2, { domain: reached }).linearRegions : 1;
  const composedRegions = regions1d(composed, { domain });
  const foldOf = linearRegionBounds(composedRegions).map(([a, b]) => {
    const p = pieceAt(regions1, (a + b) / 2);
    return regions1.linearRegionOf[p] as number;
  });
  return {
    net1,
    net2,
    composed,
    domain,
    regions1,
    reached,
    regions2,
    regions2Reached,
    composedRegions,
    foldOf,
  };
}
