import { createRng, evaluate, initNetwork } from '@deepnets/core';
import { countRegions1d } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import { shapesForBudget } from './fit.ts';
import { RELU_IDENTITY, withIdentityLayers } from './identity.ts';

describe('identity layers', () => {
  it('the two-unit ReLU network is the identity on the real line', () => {
    for (const x of [-1e6, -3.5, -1e-9, 0, 2e-12, 0.25, 7, 1e9])
      expect(evaluate(RELU_IDENTITY, [x])[0]).toBe(x);
  });

  it('adding identity layers keeps the function and its regions and adds 2 units per layer', () => {
    const rng = createRng(7);
    const f = initNetwork([1, 6, 1], { init: 'he-normal', rng, biases: 0.3 });
    const g = withIdentityLayers(f, 3);
    expect(g.layers.map((l) => l.biases.length)).toEqual([6, 2, 2, 2, 1]);
    for (let i = 0; i <= 200; i++) {
      const x = -5 + i / 20;
      expect(evaluate(g, [x])[0]).toBeCloseTo(evaluate(f, [x])[0] as number, 12);
    }
    const domain: [number, number] = [-5, 5];
    expect(countRegions1d(g, { domain }).linearRegions).toBe(countRegions1d(f, { domain }).linearRegions);
  });
});

describe('equal budgets', () => {
  it('pairs K layers of width w with the shallow width closest in parameters', () => {
    for (const [k, w] of [
      [2, 3],
      [3, 4],
      [4, 8],
    ] as const) {
      const s = shapesForBudget(k, w);
      const deep = 2 * w + (k - 1) * (w * w + w) + w + 1;
      expect(s.deepParameters).toBe(deep);
      const units = s.shallow[1] as number;
      expect(s.shallowParameters).toBe(3 * units + 1);
      expect(Math.abs(3 * units + 1 - deep)).toBeLessThanOrEqual(1);
    }
  });
});
