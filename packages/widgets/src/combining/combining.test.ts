import { compose, countParameters, evaluate, shallowNetwork } from '@deepnets/core';
import { regions1d } from '@deepnets/regions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseComposition } from '../composition/analysis.ts';
import { sampledLinearRegions } from '../composition/testing.ts';
import { type NetworkPair, NINE_REGIONS, SIXTEEN_REGIONS } from '../kit/network-pair.ts';
import { affine, derivationSteps, substituted } from './derivation.ts';
import { FREE_PSI, freePsiNetwork, RANK_ONE_PSI } from './free.ts';
import { compositionPsi, matrixRank, sixteenRegionTest } from './psi.ts';

const param = fc.integer({ min: -300, max: 300 }).map((v) => v / 100);
const pairs = fc.record({
  theta1: fc.array(fc.tuple(param, param), { minLength: 3, maxLength: 3 }),
  phi1: fc.array(param, { minLength: 4, maxLength: 4 }),
  theta2: fc.array(fc.tuple(param, param), { minLength: 3, maxLength: 3 }),
  phi2: fc.array(param, { minLength: 4, maxLength: 4 }),
}) as fc.Arbitrary<NetworkPair>;

describe('psi of a composition', () => {
  it("is core compose's middle layer, psi_i0 = theta'_i0 + theta'_i1 phi_0, psi_ij = theta'_i1 phi_j", () => {
    fc.assert(
      fc.property(pairs, (pair) => {
        const { psi0, psi } = compositionPsi(pair);
        const composed = analyseComposition(pair).composed;
        for (const [i, v] of psi0.entries()) expect(composed.layers[1]!.biases[i]).toBeCloseTo(v, 12);
        for (const [i, row] of psi.entries())
          for (const [j, v] of row.entries()) expect(composed.layers[1]!.weights[i]![j]).toBeCloseTo(v, 12);
        expect(matrixRank(psi)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('has rank one in the starting configuration', () => {
    expect(matrixRank(compositionPsi(NINE_REGIONS).psi)).toBe(1);
  });

  it('matrixRank counts independent rows', () => {
    expect(
      matrixRank([
        [0, 0],
        [0, 0],
      ]),
    ).toBe(0);
    expect(
      matrixRank([
        [1, 2],
        [2, 4],
      ]),
    ).toBe(1);
    expect(
      matrixRank([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 10],
      ]),
    ).toBe(3);
    expect(matrixRank(FREE_PSI)).toBe(3);
  });
});

describe('the free-Psi contrast', () => {
  const free = freePsiNetwork(FREE_PSI);

  it('is a general two-layer network with 22 parameters and 16 linear regions (sampled too)', () => {
    expect(countParameters(free)).toBe(22);
    expect(regions1d(free).linearRegions).toBe(16);
    expect(sampledLinearRegions((x) => evaluate(free, [x])[0]!, [-1, 1])).toBe(16);
  });

  it('with the rank-one Psi it is the 16-region composition itself', () => {
    const rankOne = freePsiNetwork(RANK_ONE_PSI);
    const composition = compose(
      shallowNetwork({ theta: SIXTEEN_REGIONS.theta1, phi: SIXTEEN_REGIONS.phi1 }),
      shallowNetwork({ theta: SIXTEEN_REGIONS.theta2, phi: SIXTEEN_REGIONS.phi2 }),
    );
    for (const x of [-0.9, -0.3, 0.1, 0.6, 0.95])
      expect(evaluate(rankOne, [x])[0]).toBeCloseTo(evaluate(composition, [x])[0]!, 12);
    const test = sixteenRegionTest(regions1d(rankOne));
    expect(test.applies).toBe(true);
    expect(test.compositionPossible).toBe(true);
  });

  it('fails the slope test: no composition of two 1-3-1 networks gives this function', () => {
    const test = sixteenRegionTest(regions1d(free));
    expect(test.applies).toBe(true);
    expect(test.compositionPossible).toBe(false);
    expect(test.spread).toBeGreaterThan(1e-3);
  });

  it('every 16-region composition passes the slope test (random compositions near the 16-region one)', () => {
    const nudge = fc.integer({ min: -5, max: 5 }).map((v) => v / 100);
    let tested = 0;
    fc.assert(
      fc.property(fc.array(nudge, { minLength: 20, maxLength: 20 }), (d) => {
        let k = 0;
        const shift = (v: number) => v + d[k++]!;
        const pair: NetworkPair = {
          theta1: SIXTEEN_REGIONS.theta1.map((r) => r.map(shift)),
          phi1: SIXTEEN_REGIONS.phi1.map(shift),
          theta2: SIXTEEN_REGIONS.theta2.map((r) => r.map(shift)),
          phi2: SIXTEEN_REGIONS.phi2.map(shift),
        };
        const test = sixteenRegionTest(analyseComposition(pair).composedRegions);
        if (test.applies) {
          tested++;
          expect(test.compositionPossible).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    expect(tested).toBeGreaterThan(10);
  });
});

describe('the derivation is written as by hand', () => {
  it('affine drops coefficients 1 and zero terms, and folds signs', () => {
    expect(affine([0, 1], ['x'])).toBe('x');
    expect(affine([0.5, -1], ['x'])).toBe('0.5 - x');
    expect(affine([-1, 3, -6, 0], ['h_{1}', 'h_{2}', 'h_{3}'])).toBe('-1 + 3h_{1} - 6h_{2}');
    expect(affine([0, 0], ['x'])).toBe('0');
    expect(affine([0, -2, 1], ['a', 'b'])).toBe('-2a + b');
  });

  it('the 9-region pair: no "1x", no "1 · (−6)h₂" and no "+ 1\\,a" anywhere in the five steps', () => {
    const text = derivationSteps(NINE_REGIONS)
      .map((s) => s.latex)
      .join(' ');
    expect(text).not.toMatch(/(^|[^0-9.])1x/);
    // (Step 3 keeps "1.5 + 1 \cdot (-1) = 0.5": the values put into psi_i0's formula, worked out.)
    expect(text).not.toMatch(/\\cdot\(?-?[0-9.]+\)?h_/);
    expect(text).not.toMatch(/[+-] 1\\,a/);
    // Step 2 keeps the substitution visible: theta'_11 = 1 times (phi_0 + phi_1 h_1 + ...).
    expect(derivationSteps(NINE_REGIONS)[1]?.latex).toContain('\\left(-1 + 3h_{1} - 6h_{2} + 6h_{3}\\right)');
  });

  it('substituted folds the sign of theta_i1 phi_0 and drops factors 1 (no "1.5 + 1 · (−0.5)")', () => {
    expect(substituted(1.5, 1, -0.5)).toBe('1.5 - 0.5');
    expect(substituted(1.5, -2, -0.5)).toBe('1.5 + 2 \\cdot 0.5');
    expect(substituted(0, -1, 0.5)).toBe('-0.5');
    expect(substituted(-1, 1, -1)).toBe('-1 - 1');
    expect(substituted(2, 0, 3)).toBe('2');
  });

  /** What a hand-written derivation never shows: a factor 1, "+ −", "− −" or "+ (−". */
  const noUnitFactor = (text: string) =>
    text.replace(/\\(begin|end)\{[a-z]+\}|\\left|\\right|\\quad|\\,|\\\\/g, ' ');

  it('no factor 1 and no "+ −" in any step: the 9- and 16-region pairs and 60 random pairs', () => {
    const check = (pair: NetworkPair) => {
      for (const step of derivationSteps(pair)) {
        const text = noUnitFactor(step.latex);
        expect(text, step.title).not.toMatch(/(^|[^0-9.])1\s*\\cdot|\\cdot\s*1(?![0-9.])/);
        expect(text, step.title).not.toMatch(/[+-]\s*-|[+-]\s*\(\s*-[0-9.]+\s*\)/);
        expect(text, step.title).not.toMatch(/(^|[^0-9.])1\s*(?=[a-z]|\\,a|\\left)/);
      }
    };
    check(NINE_REGIONS);
    check(SIXTEEN_REGIONS);
    const units: NetworkPair = {
      theta1: [
        [1, -1],
        [-1, 1],
        [0.5, 1],
      ],
      phi1: [-1, 1, -1, 1],
      theta2: [
        [1.5, 1],
        [-1, -1],
        [0, 1],
      ],
      phi2: [1, -1, 1, -1],
    };
    check(units);
    fc.assert(
      fc.property(pairs, (pair) => check(pair)),
      { numRuns: 60 },
    );
  });
});
