import { countParameters, evaluate } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { udlMaxRegions } from './bounds.ts';
import { maxRegionsNetwork, problem48Network, sawtoothNetwork } from './construct1d.ts';
import { countRegions1d, regions1d } from './regions1d.ts';
import { sampledPatternRuns } from './testing/brute-force.ts';
import { zigzag } from './zigzag.ts';

const unit = { domain: [0, 1] as [number, number] };

describe('zig-zag', () => {
  it('maps each of its D + 1 pieces onto [0, 1]', () => {
    for (const D of [3, 4, 5, 6, 10]) {
      const g = zigzag(D);
      const net = maxRegionsNetwork({ layers: 1, width: D });
      const values = [0, ...g.kinks, 1].map((x) => evaluate(net, [x])[0] as number);
      values.forEach((v, k) => {
        expect(v).toBeCloseTo(k % 2, 12);
      });
    }
  });

  it('cannot be built with 2 units', () => {
    expect(() => zigzag(2)).toThrow(/width/);
  });
});

describe('maxRegionsNetwork', () => {
  it('has exactly (D + 1)^K linear regions on [0, 1], the bound of eq. 4.17', () => {
    for (const [K, D] of [
      [1, 3],
      [2, 3],
      [3, 4],
      [2, 7],
      [3, 6],
    ] as const) {
      const r = countRegions1d(maxRegionsNetwork({ layers: K, width: D }), unit);
      expect(BigInt(r.linearRegions)).toBe(udlMaxRegions({ inputs: 1, width: D, layers: K }));
      expect(r.activationRegions).toBe(r.linearRegions);
    }
  });

  it('agrees with grid sampling on a small instance', () => {
    const net = maxRegionsNetwork({ layers: 2, width: 4 });
    expect(sampledPatternRuns(net, 0, 1, 20000)).toBe(regions1d(net, unit).activationRegions);
  });

  it('K = 5, D = 10: 471 parameters and 161,051 regions (the slide says 161,501)', () => {
    const net = maxRegionsNetwork({ layers: 5, width: 10 });
    expect(countParameters(net)).toBe(471);
    const r = regions1d(net, unit);
    expect(BigInt(r.linearRegions)).toBe(udlMaxRegions({ inputs: 1, width: 10, layers: 5 }));
    expect(r.linearRegions).not.toBe(161501);
    // the smallest region the issue quotes: about 2.45e-7 wide
    let smallest = Infinity;
    for (let p = 0; p < r.activationRegions; p++)
      smallest = Math.min(smallest, r.edges[p + 1]! - r.edges[p]!);
    expect(smallest).toBeGreaterThan(2.4e-7);
    expect(smallest).toBeLessThan(2.5e-7);
  });

  it('K = 6, D = 10: 1,771,561 regions', () => {
    const r = countRegions1d(maxRegionsNetwork({ layers: 6, width: 10 }), unit);
    expect(BigInt(r.linearRegions)).toBe(udlMaxRegions({ inputs: 1, width: 10, layers: 6 }));
  });
});

describe('sawtooth and problem 4.8', () => {
  it('sawtooth: D^K regions, with units touching zero at every valley', () => {
    for (const [K, D] of [
      [3, 2],
      [3, 3],
      [4, 5],
    ] as const) {
      const r = countRegions1d(sawtoothNetwork({ layers: K, width: D }), unit);
      expect(r).toEqual({ activationRegions: D ** K, linearRegions: D ** K });
    }
  });

  it('problem 4.8: joints 1/6, 2/6, 4/6, slopes 1, 1, -1, phi = (4, -12, 9, -6), 4 regions between 0 and 1', () => {
    const net = problem48Network();
    const [hidden, out] = net.layers;
    expect(hidden?.weights.flat()).toEqual([1, 1, -1]);
    hidden?.biases.forEach((b, i) => {
      expect(-b / (hidden.weights[i]?.[0] as number)).toBeCloseTo([1 / 6, 2 / 6, 4 / 6][i] as number, 14);
    });
    [4, -12, 9, -6].forEach((phi, j) => {
      expect(j === 0 ? out?.biases[0] : out?.weights[0]?.[j - 1]).toBeCloseTo(phi, 12);
    });
    expect([0, 1 / 6, 2 / 6, 4 / 6, 1].map((x) => evaluate(net, [x])[0])).toEqual([
      0,
      expect.closeTo(1, 12),
      expect.closeTo(0, 12),
      expect.closeTo(1, 12),
      expect.closeTo(0, 12),
    ]);
    for (let K = 0; K <= 4; K++)
      expect(countRegions1d(problem48Network(K), unit).linearRegions).toBe(4 ** (K + 1));
  });
});

describe('construction size limit (issue 14, item 5)', () => {
  it('refuses K = 1000, D = 100,000 (1e13 weights) with TOO_LARGE before building anything', () => {
    expect(() => maxRegionsNetwork({ layers: 1000, width: 100000 })).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE', message: expect.stringMatching(/limit of 5000000/) }),
    );
    expect(() => sawtoothNetwork({ layers: 3, width: 2000 })).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE' }),
    );
  });
});
