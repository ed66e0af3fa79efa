import { evaluate } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { shallowValue } from '../kit/joint-solve.ts';
import { type NetworkPair, NINE_REGIONS, pairUrlValues, SIXTEEN_REGIONS } from '../kit/network-pair.ts';
import { valuesAtEdges } from '../kit/pieces-1d.ts';
import {
  compositionFigure,
  DEFAULT_DOMAIN,
  foldAt,
  pairAfterDrag,
  pairWithValues,
  shownNetworks,
} from './state.ts';
import { sampledLinearRegions } from './testing.ts';

/** The two networks evaluated one after the other, from the lecture's formula (no compose). */
const net1ByHand = (p: NetworkPair) => (x: number) => shallowValue(p.theta1, p.phi1, x);
const composedByHand = (p: NetworkPair) => (x: number) => shallowValue(p.theta2, p.phi2, net1ByHand(p)(x));
const XS = [-1, -0.73, -0.2, 0, 0.31, 0.5, 0.88, 1];

describe('composition state (Node, no DOM)', () => {
  for (const [name, pair, regions] of [
    ['NINE_REGIONS', NINE_REGIONS, 9],
    ['SIXTEEN_REGIONS', SIXTEEN_REGIONS, 16],
  ] as const) {
    it(`${name}: the counts shown match a dense sampling of network 2 after network 1`, () => {
      const f = compositionFigure(pair, DEFAULT_DOMAIN);
      expect(f.counts.composed).toBe(regions);
      expect(f.counts.composed).toBe(sampledLinearRegions(composedByHand(pair), DEFAULT_DOMAIN));
      expect(f.counts.net1).toBe(sampledLinearRegions(net1ByHand(pair), DEFAULT_DOMAIN));
      expect(f.folds).toHaveLength(f.counts.net1);
      expect(f.composedBounds).toHaveLength(regions);
      expect(f.summary).toContain(`the composition has ${regions} linear regions`);
    });

    it(`${name}: the exported networks evaluate to network 1, network 2 and network 2 after network 1`, () => {
      const nets = shownNetworks(compositionFigure(pair, DEFAULT_DOMAIN).analysis);
      for (const x of XS) {
        const y = net1ByHand(pair)(x);
        expect(evaluate(nets['network-1'], [x])[0]).toBeCloseTo(y, 12);
        expect(evaluate(nets['network-2'], [y])[0]).toBeCloseTo(shallowValue(pair.theta2, pair.phi2, y), 12);
        expect(evaluate(nets.composition, [x])[0]).toBeCloseTo(composedByHand(pair)(x), 12);
      }
    });
  }

  it('draws the composition through its values, inside the y extent, each region inside its fold', () => {
    const f = compositionFigure(NINE_REGIONS, DEFAULT_DOMAIN);
    const r = f.analysis.composedRegions;
    const values = valuesAtEdges(r);
    for (const [i, x] of Array.from(r.edges).entries()) {
      expect(values[i]).toBeCloseTo(composedByHand(NINE_REGIONS)(x), 12);
      expect(values[i]).toBeGreaterThanOrEqual(f.extents.composed[0]);
      expect(values[i]).toBeLessThanOrEqual(f.extents.composed[1]);
    }
    // A region's fold is the fold holding its midpoint; folds are where network 1's slope is one.
    for (const [i, [lo, hi]] of f.composedBounds.entries()) {
      const fold = f.folds[f.analysis.foldOf[i]!]!;
      expect(lo).toBeGreaterThanOrEqual(fold[0] - 1e-12);
      expect(hi).toBeLessThanOrEqual(fold[1] + 1e-12);
      expect(foldAt(f.folds, (lo + hi) / 2)).toBe(f.analysis.foldOf[i]);
    }
  });

  it('puts the joints at -theta_d0 / theta_d1 on each curve', () => {
    const f = compositionFigure(NINE_REGIONS, DEFAULT_DOMAIN);
    for (const j of f.joints1) {
      const [b, w] = NINE_REGIONS.theta1[j.unit]!;
      expect(j.x).toBeCloseTo(-b! / w!, 12);
      expect(j.y).toBeCloseTo(net1ByHand(NINE_REGIONS)(j.x), 12);
    }
    for (const j of f.joints2)
      expect(j.y).toBeCloseTo(shallowValue(NINE_REGIONS.theta2, NINE_REGIONS.phi2, j.x), 12);
  });

  it('a dragged joint lands where it was dropped (x clamped to the panel), the curve through it', () => {
    for (const [x, y, at] of [
      [0.4, 0.3, 0.4],
      [1.7, 0.3, 1],
    ] as const) {
      const pair = pairAfterDrag(NINE_REGIONS, 1, 2, [x, y], DEFAULT_DOMAIN);
      const [b, w] = pair.theta1[2]!;
      expect(-b! / w!).toBeCloseTo(at, 9);
      expect(net1ByHand(pair)(at)).toBeCloseTo(y, 9);
      expect(pair.theta2).toEqual(NINE_REGIONS.theta2);
    }
  });

  it('reads the URL values back into the same pair', () => {
    expect(pairWithValues(NINE_REGIONS, pairUrlValues(SIXTEEN_REGIONS))).toEqual(SIXTEEN_REGIONS);
  });
});
