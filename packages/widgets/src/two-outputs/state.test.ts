import { forwardTrace } from '@deepnets/core';
import { regions1d } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import { bruteForceRegions1d } from '../kit/brute-force-regions.ts';
import { twoOutputNetwork } from './params.ts';
import { DEFAULT_DOMAIN, DEFAULT_TWO_OUTPUTS, jointDots, shownNetwork, twoOutputsState } from './state.ts';

/** y_o by hand from the lecture's formula: phi_o0 + sum_d phi_od ReLU(theta_d0 + theta_d1 x). */
const byHand = (p: Record<string, number>, o: number, x: number) => {
  let y = p[`phi.${o}.0`]!;
  for (let d = 1; d <= 4; d++)
    y += p[`phi.${o}.${d}`]! * Math.max(0, p[`theta.${d}.0`]! + p[`theta.${d}.1`]! * x);
  return y;
};

const stateOf = (params: Record<string, number>) =>
  twoOutputsState(params, DEFAULT_DOMAIN, {
    both: regions1d(twoOutputNetwork(params), { domain: DEFAULT_DOMAIN }),
    first: regions1d(twoOutputNetwork(params, 1), { domain: DEFAULT_DOMAIN }),
    second: regions1d(twoOutputNetwork(params, 2), { domain: DEFAULT_DOMAIN }),
  });

describe('two-outputs state (Node, no DOM)', () => {
  it('draws both outputs through the lecture formula at every edge, and the exported network agrees', () => {
    const state = stateOf(DEFAULT_TWO_OUTPUTS);
    for (const [i, x] of state.xs.entries()) {
      for (const o of [1, 2]) {
        expect(state.ys[o - 1]?.[i]).toBeCloseTo(byHand(DEFAULT_TWO_OUTPUTS, o, x), 12);
        expect(forwardTrace(shownNetwork(DEFAULT_TWO_OUTPUTS), [x]).output[o - 1]).toBeCloseTo(
          byHand(DEFAULT_TWO_OUTPUTS, o, x),
          12,
        );
      }
    }
  });

  it('counts regions as a brute-force scan does, together and per output', () => {
    const state = stateOf(DEFAULT_TWO_OUTPUTS);
    expect(state.linearRegions).toBe(
      bruteForceRegions1d(shownNetwork(DEFAULT_TWO_OUTPUTS), DEFAULT_DOMAIN).linear,
    );
    expect(state.perOutput).toEqual(
      ([1, 2] as const).map(
        (o) => bruteForceRegions1d(twoOutputNetwork(DEFAULT_TWO_OUTPUTS, o), DEFAULT_DOMAIN).linear,
      ),
    );
  });

  it('puts the shared joints at -theta_d0 / theta_d1 and a dot only where y_o bends', () => {
    const params: Record<string, number> = { ...DEFAULT_TWO_OUTPUTS, 'phi.2.1': 0 };
    const state = stateOf(params);
    const expected = [1, 2, 3, 4]
      .map((d) => -params[`theta.${d}.0`]! / params[`theta.${d}.1`]!)
      .sort((a, b) => a - b);
    expect(state.joints.map((j) => j.x)).toEqual(expected.map((x) => expect.closeTo(x, 12)));
    for (const o of [1, 2] as const) {
      // A bend is a change of slope seen by finite differences just left and right of the joint.
      const bends = state.joints.filter((j) => {
        const h = 1e-6;
        const left = (byHand(params, o, j.x) - byHand(params, o, j.x - h)) / h;
        const right = (byHand(params, o, j.x + h) - byHand(params, o, j.x)) / h;
        return Math.abs(left - right) > 1e-6;
      });
      const dots = jointDots(state, o);
      expect(dots.map((d) => d.x)).toEqual(bends.map((j) => j.x));
      for (const d of dots) expect(d.y).toBeCloseTo(byHand(params, o, d.x), 12);
    }
    expect(jointDots(state, 2)).toHaveLength(3);
  });
});
