/**
 * 2-D counts against exact rational arithmetic (`testing/exact-regions2d.ts`: no tolerance, signs
 * decided exactly), and the sliver case a random seed of the grid property test found.
 */
import type { Network } from '@deepnets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patternFunction } from './pattern.ts';
import { polygonArea } from './polygon.ts';
import { regions2d } from './regions2d.ts';
import { networkWithWidths } from './testing/arbitraries.ts';
import { gridPoints2d, insideConvex, sampledPatterns2d } from './testing/brute-force.ts';
import { exactRegions2d } from './testing/exact-regions2d.ts';

/**
 * A 2-4-3-1 network with unit 1 of layer 1 on the line 9.3e-6 x + 3 y - 3 = 0, which passes within
 * 3.1e-6 of the box's top edge (it crosses it at x = 0). Its layer-2 lines cut a triangle of area
 * about 1e-23 near (-6.3e-6, 5.8e-7).
 */
const SLIVER: Network = {
  activation: 'relu',
  layers: [
    {
      weights: [
        [1.7383521873216852, 2.9633877100252484],
        [0.0000093, 3],
        [0, -0.0000093],
        [-0.05016303763266805, -0.545884247657789],
      ],
      biases: [0.0000093, -3, 0.00001, 0],
    },
    {
      weights: [
        [2.9999, 0.00001, -0.1259956327853704, 1],
        [0, 0.00001, -2.9999, 0.7038878247625604],
        [-1, 3, -1, -1.6563912586571607],
      ],
      biases: [0.7693950970514654, -0.3810081274160222, 0.00001],
    },
    { weights: [[0.2551330250013306, -3, -0.0000093]], biases: [0] },
  ],
};

/** The inradius-like width 2 area / perimeter of the thinnest exact region. */
const thinnest = (regions: ReturnType<typeof exactRegions2d>): number =>
  Math.min(...regions.map((r) => (2 * r.area) / r.perimeter));

describe('regions2d against exact rational arithmetic', () => {
  it('the sliver case (unit line 9.3e-6 x + 3 y - 3, 3e-6 from the box edge): 9 regions, as exact arithmetic finds', () => {
    const r = regions2d(SLIVER);
    const exact = exactRegions2d(SLIVER, [-1, 1, -1, 1]);
    expect(exact.length).toBe(9);
    expect(r.polygons.map((p) => p.pattern.join('|')).sort()).toEqual(exact.map((e) => e.pattern).sort());
    // the tiny triangle is a real region (exact area about 1e-23), not rounding noise
    expect(Math.min(...exact.map((e) => e.area))).toBeLessThan(1e-20);
    expect(Math.min(...exact.map((e) => e.area))).toBeGreaterThan(0);
    // the grid sees exactly the polygons that contain one of its points (the old absolute
    // epsilon of insideConvex let the 1e-23 triangle "contain" 183 far grid points: 5 patterns vs 6 polygons)
    const points = gridPoints2d([-1, 1, -1, 1], 60);
    const hit = r.polygons.filter((p) => points.some(([x, y]) => insideConvex(p.vertices, x, y)));
    expect(hit.every((p) => polygonArea(p.vertices) > 1e-6)).toBe(true);
    expect(sampledPatterns2d(SLIVER, [-1, 1, -1, 1], 60).size).toBe(hit.length);
    const at = patternFunction(SLIVER);
    for (const p of hit) {
      const inside = points.filter(([x, y]) => insideConvex(p.vertices, x, y));
      for (const point of inside) expect(at(point)).toEqual(p.pattern);
    }
  });

  it('property: the patterns are exact ones, all of them when no exact region is thinner than 1e-8', () => {
    fc.assert(
      fc.property(networkWithWidths([2, 4, 3, 1]), (net) => {
        const r = regions2d(net);
        const exact = exactRegions2d(net, [-1, 1, -1, 1]);
        const exactPatterns = new Set(exact.map((e) => e.pattern));
        const found = r.polygons.map((p) => p.pattern.join('|'));
        for (const key of found) expect(exactPatterns.has(key)).toBe(true);
        if (thinnest(exact) >= 1e-8) expect(r.activationRegions).toBe(exact.length);
        else expect(r.activationRegions).toBeLessThanOrEqual(exact.length);
      }),
      { numRuns: 40 },
    );
  });
});
