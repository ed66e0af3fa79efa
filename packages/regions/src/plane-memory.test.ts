import type { Network } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { countRegions2d } from './regions2d.ts';

/** Deterministic uniform numbers in [-1, 1). */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (2 * s) / 2 ** 32 - 1;
  };
}

describe('memory estimate of the 2-D enumeration (maxBytes)', () => {
  it('a wide single hidden layer: the polygons are charged for the 10 outputs they carry, not for the 200 units', () => {
    // 2-[200]-10: the final polygons hold output maps (10 rows), so ~1 kB each, not ~10 kB each
    // (the estimate that stopped `experiment region-density` at the 1x298 planes).
    const width = 200;
    const u = uniform(11);
    const lines = Array.from({ length: width }, () => [u(), u(), 0.8 * u()] as const);
    const net: Network = {
      activation: 'relu',
      layers: [
        { weights: lines.map(([a, b]) => [a, b]), biases: lines.map(([, , c]) => c) },
        {
          weights: Array.from({ length: 10 }, () => Array.from({ length: width }, () => u())),
          biases: Array(10).fill(0),
        },
      ],
    };
    // Independent count: a line arrangement in general position cut to a convex box has
    // 1 + (lines through the box) + (crossings inside the box) faces.
    const inside = (x: number, y: number) => x > -1 && x < 1 && y > -1 && y < 1;
    const crossesBox = ([a, b, c]: readonly number[]) => {
      const corners = [-1, 1].flatMap((x) =>
        [-1, 1].map((y) => (a as number) * x + (b as number) * y + (c as number)),
      );
      return Math.min(...corners) < 0 && Math.max(...corners) > 0;
    };
    let crossings = 0;
    for (let i = 0; i < width; i++) {
      for (let j = i + 1; j < width; j++) {
        const [a1, b1, c1] = lines[i] as readonly number[] as [number, number, number];
        const [a2, b2, c2] = lines[j] as readonly number[] as [number, number, number];
        const det = a1 * b2 - a2 * b1;
        const x = (-c1 * b2 + c2 * b1) / det;
        const y = (-a1 * c2 + a2 * c1) / det;
        if (inside(x, y)) crossings++;
      }
    }
    const expected = 1 + lines.filter(crossesBox).length + crossings;
    expect(expected).toBeGreaterThan(6000);
    // 32 MB: about 3,300 polygons at ~10 kB (the old estimate), about 30,000 at ~1.1 kB
    const r = countRegions2d(net, { maxBytes: 32 * 2 ** 20 });
    expect(r.activationRegions).toBe(expected);
    expect(() => countRegions2d(net, { maxBytes: 2 ** 20 })).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE', path: 'maxBytes' }),
    );
  });
});
