import { compose, countParameters, evaluate, shallowNetwork } from '@deepnets/core';
import { countRegions1d, regions1d, zaslavsky } from '@deepnets/regions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dragJoint, shallowValue } from '../kit/joint-solve.ts';
import {
  type NetworkPair,
  NINE_REGIONS,
  pairUrlValues,
  SIXTEEN_REGIONS,
  writePairParameter,
} from '../kit/network-pair.ts';
import { linearRegionBounds, valueAt } from '../kit/pieces-1d.ts';
import { shallowJoints } from '../kit/shallow-joints.ts';
import { analyseComposition } from './analysis.ts';
import { fitShallow } from './shallow-fit.ts';
import { sampledLinearRegions } from './testing.ts';

/** y' = network 2(network 1(x)), evaluated as two separate networks (no compose, no regions). */
const composedByHand = (p: NetworkPair) => (x: number) =>
  shallowValue(p.theta2, p.phi2, shallowValue(p.theta1, p.phi1, x));

describe('the starting configurations', () => {
  it('NINE_REGIONS: the composition has 9 linear regions on [-1, 1] (sampled and exact)', () => {
    expect(sampledLinearRegions(composedByHand(NINE_REGIONS), [-1, 1])).toBe(9);
    expect(analyseComposition(NINE_REGIONS).composedRegions.linearRegions).toBe(9);
  });

  it('NINE_REGIONS: network 1 folds [-1, 1] into 3 pieces, network 2 uses 3 of its regions', () => {
    const a = analyseComposition(NINE_REGIONS);
    expect(a.regions1.linearRegions).toBe(3);
    expect(a.regions2Reached).toBe(3);
    // The 9 regions come 3 per fold, in order.
    expect(a.foldOf).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('SIXTEEN_REGIONS: a composition reaches 16, the maximum of any 1-3-3-1 network on a line', () => {
    expect(sampledLinearRegions(composedByHand(SIXTEEN_REGIONS), [-1, 1])).toBe(16);
    expect(analyseComposition(SIXTEEN_REGIONS).composedRegions.linearRegions).toBe(16);
  });

  it('two composed 1-3-1 networks have 20 parameters and stay inside the slider bounds', () => {
    for (const pair of [NINE_REGIONS, SIXTEEN_REGIONS]) {
      const a = analyseComposition(pair);
      expect(countParameters(a.net1) + countParameters(a.net2)).toBe(20);
      const values = Object.values(pairUrlValues(pair));
      expect(values).toHaveLength(20);
      for (const [key, v] of Object.entries(pairUrlValues(pair)))
        expect(Math.abs(v), key).toBeLessThanOrEqual(key.includes('theta') ? 3 : 10);
    }
  });

  it('the composed network (core compose) equals network 2 after network 1', () => {
    const a = analyseComposition(NINE_REGIONS);
    const byHand = composedByHand(NINE_REGIONS);
    for (const x of [-1, -0.7, -0.2, 0, 0.31, 0.77, 1]) {
      expect(evaluate(a.composed, [x])[0]).toBeCloseTo(byHand(x), 12);
      expect(valueAt(a.composedRegions, x)).toBeCloseTo(byHand(x), 12);
    }
  });
});

describe('counts follow the parameters', () => {
  it('exact counts agree with sampling for random pairs', () => {
    // Slider values: multiples of 0.01.
    const param = fc.integer({ min: -200, max: 200 }).map((v) => v / 100);
    const rows = fc.array(fc.tuple(param, param), { minLength: 3, maxLength: 3 });
    const phis = fc.array(param, { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(rows, phis, rows, phis, (t1, p1, t2, p2) => {
        const pair: NetworkPair = { theta1: t1, phi1: p1, theta2: t2, phi2: p2 };
        const a = analyseComposition(pair);
        const bounds = linearRegionBounds(a.composedRegions);
        fc.pre(bounds.every(([lo, hi]) => hi - lo > 1e-3));
        // The sampler cannot see slope changes below its resolution (1e-6 x the largest slope, at
        // least 1e-6): leave out pairs whose neighbouring regions differ by less than 10x that
        // (e.g. slopes -1e-8 and 0, or rounding residues of ~1e-17 next to an exact 0).
        const slopes = Array.from(a.composedRegions.slopes);
        const resolution = 1e-5 * Math.max(1, ...slopes.map(Math.abs));
        fc.pre(slopes.every((s, i) => i === 0 || Math.abs(s - (slopes[i - 1] as number)) > resolution));
        expect(sampledLinearRegions(composedByHand(pair), [-1, 1], 20_000)).toBe(
          a.composedRegions.linearRegions,
        );
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('tells apart slopes far below the sampler resolution (fast-check counterexample)', () => {
    // y1 = -0.01 ReLU(-0.01 x) = 1e-4 x for x < 0, 0 after; y = 0.01 ReLU(-0.01 y1) = -1e-8 x, 0.
    const tiny: NetworkPair = {
      theta1: [
        [0, 0],
        [0, 0],
        [0, -0.01],
      ],
      phi1: [0, 0, 0, -0.01],
      theta2: [
        [0, 0],
        [0, 0],
        [0, -0.01],
      ],
      phi2: [0, 0, 0, 0.01],
    };
    const regions = analyseComposition(tiny).composedRegions;
    expect(regions.linearRegions).toBe(2);
    expect(regions.slopes[0]).toBeCloseTo(-1e-8, 20);
    expect(regions.slopes[1]).toBe(0);
  });

  it('a slider change is a parameter change', () => {
    const pair = writePairParameter(NINE_REGIONS, 'n2.phi.0', 2);
    expect(pair.phi2[0]).toBe(2);
    expect(NINE_REGIONS.phi2[0]).toBe(-0.5);
    expect(writePairParameter(NINE_REGIONS, 'n1.theta.2.1', -1).theta1[1]).toEqual([0.33, -1]);
  });
});

describe('dragJoint (solving back for theta and phi)', () => {
  it('puts the joint at x and the curve through (x, y), changing only theta_d0 and phi', () => {
    const coordinate = fc.double({ min: -0.9, max: 0.9, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), coordinate, coordinate, (unit, x, y) => {
        const { theta1: theta, phi1: phi } = NINE_REGIONS;
        const next = dragJoint(theta, phi, unit, x, y);
        expect(next.theta[unit]?.[1]).toBe(theta[unit]?.[1]);
        const joint = shallowJoints(next.theta, 'relu', [-1, 1]).find((j) => j.unit === unit);
        expect(joint?.x).toBeCloseTo(x, 12);
        expect(shallowValue(next.theta, next.phi, x)).toBeCloseTo(y, 9);
        expect(next.phi[unit + 1]).toBe(phi[unit + 1]);
        next.theta.forEach((row, d) => {
          if (d !== unit) expect(row).toEqual(theta[d]);
        });
      }),
    );
  });

  it('keeps theta_d0 inside its slider bounds (the joint stops at the reachable end)', () => {
    const next = dragJoint([[0, 0.5]], [0, 1], 0, -9, 0);
    expect(next.theta[0]?.[0]).toBe(3);
    expect(next.x).toBe(-6);
  });
});

describe('the shallow comparison (6 hidden units)', () => {
  it('has 19 parameters and at most 7 linear regions, fewer than the composition', () => {
    const a = analyseComposition(NINE_REGIONS);
    const fit = fitShallow(a.composedRegions, 6);
    expect(countParameters(fit.network)).toBe(19);
    expect(Number(zaslavsky(1, 6))).toBe(7);
    const regions = countRegions1d(fit.network, { domain: [-1, 1] }).linearRegions;
    expect(regions).toBeLessThanOrEqual(7);
    expect(sampledLinearRegions((x) => evaluate(fit.network, [x])[0] as number, [-1, 1])).toBe(regions);
    expect(fit.rms).toBeGreaterThan(0.01);
  });

  it('recovers a 6-unit shallow target exactly', () => {
    const theta = [
      [0.8, -1],
      [0.2, 1],
      [-0.1, 1],
      [-0.35, 1],
      [0.6, -1],
      [-0.7, 1],
    ];
    const target = shallowNetwork({ theta, phi: [0.1, 1, -2, 1.5, 3, -1, 2] });
    const fit = fitShallow(regions1d(target, { domain: [-1, 1] }), 6);
    expect(fit.rms).toBeLessThan(1e-9);
  });

  it('composition is not shallow: core compose gives two hidden layers', () => {
    expect(analyseComposition(NINE_REGIONS).composed.layers).toHaveLength(3);
    expect(
      compose(
        shallowNetwork({ theta: [[0, 1]], phi: [0, 1] }),
        shallowNetwork({ theta: [[0, 1]], phi: [0, 1] }),
      ).layers,
    ).toHaveLength(3);
  });
});
