import { AbortError, evaluate, initNetwork, type Network, NotPiecewiseLinearError } from '@deepnets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zaslavsky } from './bounds.ts';
import { patternFunction } from './pattern.ts';
import { centroid, polygonArea } from './polygon.ts';
import { regions2d } from './regions2d.ts';
import { networkWithWidths } from './testing/arbitraries.ts';
import { gridPoints2d, insideConvex, sampledPatterns2d } from './testing/brute-force.ts';

/** A shallow 2-input network with one unit per line a x + b y + c (output weights `out`). */
const lines = (ls: number[][], out = ls.map((_, i) => 1 + i / 7)): Network => ({
  activation: 'relu',
  layers: [
    { weights: ls.map(([a, b]) => [a as number, b as number]), biases: ls.map((l) => l[2] as number) },
    { weights: [out], biases: [0] },
  ],
});

describe('regions2d against brute force', () => {
  it('covers the box; grid patterns and the forward pass agree with the polygons', () => {
    fc.assert(
      fc.property(networkWithWidths([2, 4, 3, 1]), (net) => {
        const r = regions2d(net);
        const area = r.polygons.reduce((s, p) => s + polygonArea(p.vertices), 0);
        expect(area).toBeCloseTo(4, 9);
        const at = patternFunction(net);
        const patterns = new Set(r.polygons.map((p) => p.pattern.join('|')));
        expect(patterns.size).toBe(r.activationRegions);
        for (const p of r.polygons) {
          const [x, y] = centroid(p.vertices);
          if (polygonArea(p.vertices) > 1e-9) expect(at([x, y])).toEqual(p.pattern);
          expect((p.dx[0] as number) * x + (p.dy[0] as number) * y + (p.c[0] as number)).toBeCloseTo(
            evaluate(net, [x, y])[0] as number,
            8,
          );
        }
        // every pattern seen on a grid is one of the polygons', at a point inside that polygon
        const seen = sampledPatterns2d(net, [-1, 1, -1, 1], 60);
        for (const key of seen) expect(patterns.has(key)).toBe(true);
        // ...and it sees exactly the regions that contain one of its sample points.
        const points = gridPoints2d([-1, 1, -1, 1], 60);
        const hit = r.polygons.filter((p) => points.some(([x, y]) => insideConvex(p.vertices, x, y))).length;
        expect(seen.size).toBe(hit);
        expect(r.linearRegions).toBeLessThanOrEqual(r.activationRegions);
      }),
      { numRuns: 20 },
    );
  });

  it('a He-initialised 2-20-20-20-1 network: every pattern on a fine grid is found', () => {
    const net = initNetwork([2, 20, 20, 20, 1], { init: 'he-normal', rng: 7 });
    const r = regions2d(net);
    const patterns = new Set(r.polygons.map((p) => p.pattern.join('|')));
    const seen = sampledPatterns2d(net, [-1, 1, -1, 1], 200);
    for (const key of seen) expect(patterns.has(key)).toBe(true);
    const at = patternFunction(net);
    for (const p of r.polygons.slice(0, 50)) {
      const [x, y] = centroid(p.vertices);
      expect(insideConvex(p.vertices, x, y)).toBe(true);
      if (polygonArea(p.vertices) > 1e-9) expect(at([x, y])).toEqual(p.pattern);
    }
  });
});

describe('shallow networks and degenerate arrangements', () => {
  it('3 lines in general position: 7 regions (Zaslavsky)', () => {
    const r = regions2d(
      lines([
        [1, 0, 0.2],
        [0, 1, -0.1],
        [1, 1, 0.3],
      ]),
    );
    expect(BigInt(r.linearRegions)).toBe(zaslavsky(2, 3));
  });

  it('N lines through one point: 2N regions', () => {
    for (const N of [2, 3, 5, 8]) {
      const ls = Array.from({ length: N }, (_, i) => {
        const t = (Math.PI * i) / N + 0.1;
        return [Math.cos(t), Math.sin(t), 0];
      });
      expect(regions2d(lines(ls)).activationRegions).toBe(2 * N);
    }
  });

  it('three lines, each duplicated: still 7 regions', () => {
    const base = [
      [1, 0, 0.2],
      [0, 1, -0.1],
      [1, 1, 0.3],
    ];
    const r = regions2d(lines([...base, ...base.map(([a, b, c]) => [2 * a!, 2 * b!, 2 * c!])]));
    expect([r.activationRegions, r.linearRegions]).toEqual([7, 7]);
  });

  it('dead units: a unit with zero output weight splits activation regions, not linear ones', () => {
    const r = regions2d(
      lines(
        [
          [1, 0, 0.2],
          [0, 1, -0.1],
          [1, 1, 0.3],
        ],
        [1, 0, 2],
      ),
    );
    expect([r.activationRegions, r.linearRegions]).toEqual([7, 4]);
    expect(new Set(r.linearRegionOf).size).toBe(4);
  });

  it('records each layer boundary segment on its unit line', () => {
    const net = initNetwork([2, 5, 4, 1], { init: 'he-normal', rng: 3, biases: 0.2 });
    const r = regions2d(net);
    expect(r.boundaries.map((b) => b.layer)).toEqual([1, 2]);
    const first = r.boundaries[0]!;
    const w = net.layers[0]!;
    for (let s = 0; s < first.units.length; s++) {
      const i = first.units[s]!;
      for (const e of [0, 2]) {
        const x = first.segments[4 * s + e]!;
        const y = first.segments[4 * s + e + 1]!;
        expect(w.weights[i]![0]! * x + w.weights[i]![1]! * y + w.biases[i]!).toBeCloseTo(0, 9);
      }
    }
  });
});

describe('errors and cancellation', () => {
  it('refuses smooth activations and bad boxes', () => {
    expect(() => regions2d({ ...lines([[1, 0, 0]]), activation: 'gelu' })).toThrow(NotPiecewiseLinearError);
    expect(() => regions2d(lines([[1, 0, 0]]), { box: [0, 0, 0, 1] })).toThrow(/box/);
  });

  it('stops between layers when aborted', () => {
    const controller = new AbortController();
    const net = initNetwork([2, 5, 5, 1], { init: 'he-normal', rng: 1 });
    const layers: number[] = [];
    expect(() =>
      regions2d(net, {
        signal: controller.signal,
        onProgress: (p) => {
          layers.push(p.layer);
          controller.abort();
        },
      }),
    ).toThrow(AbortError);
    expect(layers).toEqual([1]);
  });
});
