import { compose, evaluate, shallowNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { bruteForceRegions2d } from '../kit/brute-force-regions.ts';
import { writePairParameter } from '../kit/network-pair.ts';
import { linearRegionOutline } from '../kit/region-outline.ts';
import { analyseComposition2d, flatRegions } from './analysis.ts';
import { BOOK_2D, pair2dUrlValues } from './params.ts';

const box: [number, number, number, number] = [-1, 1, -1, 1];

describe("the book's 2-D example (Figure 4.2), constructed", () => {
  const a = analyseComposition2d(BOOK_2D);

  it('network 1 has 7 linear regions on [-1, 1]^2, exactly one of them flat', () => {
    expect(a.regions1.linearRegions).toBe(7);
    expect(a.flat1).toBe(1);
    // Independently: patterns on a grid (core's forwardTrace), neighbours with equal maps merged.
    expect(bruteForceRegions2d(a.net1, box, 240).linear).toBe(7);
    // The flat region is where every unit is off: there y = phi_0.
    expect(evaluate(a.net1, [0, 0])[0]).toBe(BOOK_2D.phi1[0]);
  });

  it('network 2 has 2 linear regions over the y values network 1 reaches', () => {
    expect(a.regions2Reached).toBe(2);
    expect(a.range1[0]).toBeCloseTo(-1, 12);
  });

  it('the composition has 6 x 2 + 1 = 13 linear regions, still one flat', () => {
    expect(a.composedRegions.linearRegions).toBe(13);
    expect(a.flatComposed).toBe(1);
    expect(bruteForceRegions2d(a.composed, box, 240).linear).toBe(13);
  });

  it('every sloped region of network 1 holds exactly two regions of the composition', () => {
    const p1 = a.regions1.polygons;
    const perRegion = new Map<number, Set<number>>();
    a.composedRegions.polygons.forEach((polygon, i) => {
      const v = polygon.vertices;
      let [cx, cy] = [0, 0];
      for (let k = 0; k < v.length; k += 2)
        [cx, cy] = [cx + v[k]! / (v.length / 2), cy + v[k + 1]! / (v.length / 2)];
      const pattern = JSON.stringify(polygon.pattern[0]);
      const owner = p1.findIndex((q) => JSON.stringify(q.pattern[0]) === pattern);
      expect(owner).toBeGreaterThanOrEqual(0);
      const set = perRegion.get(owner) ?? new Set();
      set.add(a.composedRegions.linearRegionOf[i]!);
      perRegion.set(owner, set);
    });
    const sizes = [...perRegion.values()].map((s) => s.size).sort();
    expect(sizes).toEqual([1, 2, 2, 2, 2, 2, 2]);
  });

  it('the composed network equals network 2 after network 1', () => {
    const net2 = shallowNetwork({ theta: BOOK_2D.theta2, phi: BOOK_2D.phi2 });
    for (const x of [
      [0, 0],
      [0.5, -0.4],
      [-0.9, 0.8],
    ]) {
      const y = evaluate(a.net1, x);
      expect(evaluate(compose(a.net1, net2), x)[0]).toBeCloseTo(evaluate(net2, y)[0]!, 12);
    }
  });

  it('keeps the 20 parameters inside the slider bounds', () => {
    const values = pair2dUrlValues(BOOK_2D);
    expect(Object.keys(values)).toHaveLength(20);
    for (const [key, v] of Object.entries(values))
      expect(Math.abs(v), key).toBeLessThanOrEqual(key.includes('theta') ? 3 : 5);
  });
});

describe('outlines and flat regions', () => {
  it('outlines exactly the linear regions: merged activation regions show no inner edge', () => {
    // A dead unit (always off) adds no line; a duplicated unit adds one line, not two.
    const pair = writePairParameter(writePairParameter(BOOK_2D, 'n1.phi.3', 0), 'n1.theta.3.0', -0.3);
    const a = analyseComposition2d(pair);
    expect(a.regions1.linearRegions).toBe(4);
    const outline = linearRegionOutline(a.regions1);
    // No outline segment runs along unit 3's line (n . x = 0.3 with n = (0.87, -0.5)).
    const onUnit3 = outline.filter(
      ([x0, y0, x1, y1]) =>
        Math.abs(0.87 * x0 - 0.5 * y0 - 0.3) < 1e-9 && Math.abs(0.87 * x1 - 0.5 * y1 - 0.3) < 1e-9,
    );
    expect(onUnit3).toHaveLength(0);
    expect(flatRegions(a.regions1)).toBe(1);
  });
});
