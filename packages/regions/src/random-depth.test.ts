import { createRng, evaluate, initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { randomRegionsByDepth } from './random-depth.ts';

/**
 * Brute force: linear regions of f on [lo, hi] from a fine grid — a new region starts wherever the
 * slope between neighbouring grid points changes (enough for the few regions of small random nets).
 */
function gridRegions(f: (x: number) => number, lo: number, hi: number, steps = 200_000): number {
  const h = (hi - lo) / steps;
  let regions = 1;
  let prev = (f(lo + h) - f(lo)) / h;
  let inKink = false;
  for (let i = 1; i < steps; i++) {
    const slope = (f(lo + (i + 1) * h) - f(lo + i * h)) / h;
    const changed = Math.abs(slope - prev) > 1e-6 * Math.max(1, Math.abs(prev));
    if (changed && !inKink) regions++;
    inKink = changed;
    prev = slope;
  }
  return regions;
}

describe('randomRegionsByDepth', () => {
  it('reports mean, spread and per-unit values of exact counts, matching a brute-force count', () => {
    const rows = randomRegionsByDepth({
      widths: [3],
      depths: [1, 2],
      biases: [{ kind: 'constant', value: 0.1 }],
      networks: 5,
      domain: [-1, 1],
      seed: 3,
    });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.networks).toBe(5);
      expect(row.hiddenUnits).toBe(row.layers * 3);
      expect(row.perUnit).toBeCloseTo(row.mean / row.hiddenUnits, 12);
      expect(row.min).toBeLessThanOrEqual(row.mean);
      expect(row.max).toBeGreaterThanOrEqual(row.mean);
      // A 1-[3 x K]-1 ReLU network has at most (3 + 1)^K regions.
      expect(row.max).toBeLessThanOrEqual(4 ** row.layers);
    }
    // Recount the first shape's networks by brute force from the same seeded stream.
    const rng = createRng(3 * 1_000_003 + 0 * 10_007 + 3 * 101 + 1);
    const counts = Array.from({ length: 5 }, () => {
      const net = initNetwork([1, 3, 1], { init: 'he-normal', rng });
      for (const layer of net.layers) layer.biases = layer.biases.map(() => 0.1);
      return gridRegions((x) => evaluate(net, [x])[0] as number, -1, 1);
    });
    const mean = counts.reduce((s, c) => s + c, 0) / 5;
    expect(rows[0]?.mean).toBeCloseTo(mean, 12);
    const sd = Math.sqrt(counts.reduce((s, c) => s + (c - mean) ** 2, 0) / 4);
    expect(rows[0]?.sd).toBeCloseTo(sd, 12);
  });

  it('draws uniform biases within the spread and refuses a sample of one', () => {
    const rows = randomRegionsByDepth({
      widths: [4],
      depths: [3],
      biases: [{ kind: 'uniform', spread: 0.5 }],
      networks: 4,
      domain: [-1, 1],
      seed: 1,
    });
    expect(rows[0]?.biases).toEqual({ kind: 'uniform', spread: 0.5 });
    expect(() =>
      randomRegionsByDepth({ widths: [4], depths: [1], biases: [], networks: 1, domain: [-1, 1], seed: 1 }),
    ).toThrow(/networks/);
  });
});
