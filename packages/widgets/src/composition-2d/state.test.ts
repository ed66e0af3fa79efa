import { evaluate } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { bruteForceRegions2d } from '../kit/brute-force-regions.ts';
import { writePairParameter } from '../kit/network-pair.ts';
import { type Pair2D, pair2dUrlValues } from './params.ts';
import {
  composition2dFigure,
  DEFAULT_BOX,
  DEFAULT_PAIR,
  pairAfterDrag,
  pairWithValues,
  probeAt,
  shownNetworks,
} from './state.ts';

const relu = (z: number) => Math.max(0, z);
/** Network 1 from the lecture's formula: phi_0 + sum_d phi_d a[theta_d0 + theta_d1 x_1 + theta_d2 x_2]. */
const net1ByHand = (p: Pair2D, [x1, x2]: [number, number]) =>
  p.theta1.reduce((y, [b, w1, w2], d) => y + p.phi1[d + 1]! * relu(b! + w1! * x1 + w2! * x2), p.phi1[0]!);
/** Network 2: phi'_0 + sum_d phi'_d a[theta'_d0 + theta'_d1 y]. */
const net2ByHand = (p: Pair2D, y: number) =>
  p.theta2.reduce((v, [b, w], d) => v + p.phi2[d + 1]! * relu(b! + w! * y), p.phi2[0]!);
const POINTS: [number, number][] = [
  [-0.9, -0.9],
  [-0.3, 0.6],
  [0, 0],
  [0.45, -0.2],
  [0.8, 0.95],
];

describe('composition-2d state (Node, no DOM)', () => {
  const f = composition2dFigure(DEFAULT_PAIR, DEFAULT_BOX);

  it("states the book's counts, each matching a brute-force scan of the exported network", () => {
    const nets = shownNetworks(f.analysis);
    expect(f.counts).toEqual({ net1: 7, net2: 2, composed: 13 });
    expect(bruteForceRegions2d(nets['network-1'], DEFAULT_BOX, 200).linear).toBe(f.counts.net1);
    expect(bruteForceRegions2d(nets.composition, DEFAULT_BOX, 200).linear).toBe(f.counts.composed);
    expect(f.flat1.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(f.summary).toContain('the composition has 13 (1 flat)');
  });

  it('the composition (and the probe) is network 2 evaluated after network 1', () => {
    const nets = shownNetworks(f.analysis);
    for (const x of POINTS) {
      const y = net1ByHand(DEFAULT_PAIR, x);
      expect(evaluate(nets['network-1'], x)[0]).toBeCloseTo(y, 12);
      expect(evaluate(nets['network-2'], [y])[0]).toBeCloseTo(net2ByHand(DEFAULT_PAIR, y), 12);
      expect(evaluate(nets.composition, x)[0]).toBeCloseTo(net2ByHand(DEFAULT_PAIR, y), 12);
      const p = probeAt(f.analysis, x);
      expect(p.y).toBeCloseTo(y, 12);
      expect(p.composed).toBeCloseTo(net2ByHand(DEFAULT_PAIR, y), 12);
    }
  });

  it("draws network 2's joints at -theta'_d0 / theta'_d1 on its curve", () => {
    for (const j of f.joints2) {
      const [b, w] = DEFAULT_PAIR.theta2[j.unit]!;
      expect(j.x).toBeCloseTo(-b! / w!, 12);
      expect(j.y).toBeCloseTo(net2ByHand(DEFAULT_PAIR, j.x), 12);
      expect(j.y).toBeGreaterThanOrEqual(f.extent2[0]);
      expect(j.y).toBeLessThanOrEqual(f.extent2[1]);
    }
  });

  it('a dragged joint of network 2 lands where it was dropped, network 1 unchanged', () => {
    const domain = f.analysis.regions2.domain;
    const target: [number, number] = [(domain[0] + domain[1]) / 2, 0.4];
    const pair = pairAfterDrag(DEFAULT_PAIR, 0, target, domain);
    const [b, w] = pair.theta2[0]!;
    expect(-b! / w!).toBeCloseTo(target[0], 9);
    expect(net2ByHand(pair, target[0])).toBeCloseTo(target[1], 9);
    expect(pair.theta1).toEqual(DEFAULT_PAIR.theta1);
  });

  it('reads the URL values back into the same pair', () => {
    const other = writePairParameter(
      writePairParameter(DEFAULT_PAIR, 'n1.theta.2.2', 0.7),
      'n2.phi.0',
      -1.25,
    );
    expect(pairWithValues(DEFAULT_PAIR, pair2dUrlValues(other))).toEqual(other);
  });
});
