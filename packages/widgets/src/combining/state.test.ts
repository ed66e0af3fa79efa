import { evaluate } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { sampledLinearRegions } from '../composition/testing.ts';
import { shallowValue } from '../kit/joint-solve.ts';
import { type NetworkPair, NINE_REGIONS, SIXTEEN_REGIONS } from '../kit/network-pair.ts';
import {
  combiningFigure,
  cursorAt,
  DEFAULT_CURSOR,
  DEFAULT_FREE_PSI,
  DOMAIN,
  optionsWithValues,
  shownNetworks,
  steppedCursor,
  urlValues,
} from './state.ts';

const composedByHand = (p: NetworkPair) => (x: number) =>
  shallowValue(p.theta2, p.phi2, shallowValue(p.theta1, p.phi1, x));

describe('combining state (Node, no DOM)', () => {
  for (const [name, pair] of [
    ['NINE_REGIONS', NINE_REGIONS],
    ['SIXTEEN_REGIONS', SIXTEEN_REGIONS],
  ] as const) {
    it(`${name}: the combined network is network 2 after network 1, its regions counted as sampling counts them`, () => {
      const f = combiningFigure(pair);
      for (const x of [-1, -0.6, -0.05, 0.25, 0.7, 1])
        expect(evaluate(f.combined, [x])[0]).toBeCloseTo(composedByHand(pair)(x), 12);
      expect(f.regions.linearRegions).toBe(sampledLinearRegions(composedByHand(pair), DOMAIN));
      expect(f.boundaries).toHaveLength(f.regions.linearRegions - 1);
    });

    it(`${name}: Psi is theta'_i1 times (phi_1, phi_2, phi_3), of rank one`, () => {
      const f = combiningFigure(pair);
      for (let i = 0; i < 3; i++) {
        const [b, w] = pair.theta2[i]!;
        expect(f.psi0[i]).toBeCloseTo(b! + w! * pair.phi1[0]!, 14);
        for (let j = 0; j < 3; j++) expect(f.psi[i]![j]).toBeCloseTo(w! * pair.phi1[j + 1]!, 14);
        // The combined network's second layer holds exactly these numbers.
        expect(f.combined.layers[1]?.weights[i]).toEqual(f.psi[i]!.map((v) => expect.closeTo(v, 14)));
      }
      expect(f.rank).toBe(1);
    });
  }

  it('the check agrees at the cursor, and the dot sits on the curve', () => {
    const f = combiningFigure(NINE_REGIONS);
    for (const x of [-0.9, DEFAULT_CURSOR, 0.77]) {
      const { check, y } = cursorAt(f, x);
      expect(check.agree).toBe(true);
      expect(y).toBeCloseTo(composedByHand(NINE_REGIONS)(x), 12);
      expect(check.rows.at(-1)?.composing).toBeCloseTo(y, 12);
    }
  });

  it('steps the cursor by hundredths and keeps it in [-1, 1]', () => {
    expect(steppedCursor(0.25, 1)).toBeCloseTo(0.26, 14);
    expect(steppedCursor(0.25, -10)).toBeCloseTo(0.15, 14);
    expect(steppedCursor(0.995, 10)).toBe(1);
    expect(steppedCursor(-0.995, -10)).toBe(-1);
  });

  it('reads back what it writes to the URL (pair and free Psi)', () => {
    const base = { pair: NINE_REGIONS, freePsi: DEFAULT_FREE_PSI, cursor: 0 };
    const other = {
      pair: SIXTEEN_REGIONS,
      freePsi: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, -1],
      ],
      cursor: 0,
    };
    const back = optionsWithValues(base, urlValues(other));
    expect(back.pair).toEqual(SIXTEEN_REGIONS);
    expect(back.freePsi).toEqual(other.freePsi);
    expect(DEFAULT_FREE_PSI[0]?.[0]).toBe(-3.1);
  });

  it('exports the free-Psi network with the Psi shown', () => {
    const nets = shownNetworks(combiningFigure(SIXTEEN_REGIONS), DEFAULT_FREE_PSI);
    expect(nets['free-psi'].layers[1]?.weights).toEqual(DEFAULT_FREE_PSI);
    expect(nets['network-1'].layers[0]?.biases).toEqual(SIXTEEN_REGIONS.theta1.map(([b]) => b));
  });
});
