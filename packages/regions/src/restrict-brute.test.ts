import { initNetwork, type Network } from '@deepnets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { polygonArea } from './polygon.ts';
import { regions1d } from './regions1d.ts';
import { countRegions2d, regions2d } from './regions2d.ts';
import { countRegionsOnPlane, countRegionsOnSegment, regionsOnPlane, regionsOnSegment } from './restrict.ts';
import { networkWithWidths } from './testing/arbitraries.ts';
import { insideConvex } from './testing/brute-force.ts';
import { forwardWithPattern, pointOn, restrictedByHand, sampleSegment } from './testing/slices.ts';

/** A point in [-2, 2]^n; magnitudes below 1e-6 become 0 (no subnormal slivers below the cut tolerance). */
const vector = (n: number) =>
  fc.array(
    fc.double({ min: -2, max: 2, noNaN: true }).map((v) => (Math.abs(v) < 1e-6 ? 0 : v)),
    { minLength: n, maxLength: n },
  );
const SAMPLES = 5000;

/** A network whose unit 0 of the first hidden layer has zero outgoing weights (a dead unit). */
function withDeadUnit(net: Network): Network {
  const layers = net.layers.map((l) => ({ weights: l.weights.map((r) => [...r]), biases: [...l.biases] }));
  for (const row of layers[1]?.weights ?? []) row[0] = 0;
  return { activation: net.activation, layers };
}

describe('regions along a segment of a 6-input network against dense sampling in the input space', () => {
  it('equal counts when the samples resolve the smallest piece, a lower bound otherwise', () => {
    fc.assert(
      fc.property(networkWithWidths([6, 5, 4, 2]), vector(6), vector(6), fc.boolean(), (raw, a, b, dead) => {
        fc.pre(a.some((v, d) => v !== b[d]));
        const net = dead ? withDeadUnit(raw) : raw;
        const r = regionsOnSegment(net, a, b);
        const seen = sampleSegment(net, a, b, SAMPLES);
        let smallest = Infinity;
        for (let p = 0; p < r.activationRegions; p++)
          smallest = Math.min(smallest, r.edges[p + 1]! - r.edges[p]!);
        if (smallest > 4 / SAMPLES) {
          expect([seen.activation, seen.linear], JSON.stringify({ net, a, b })).toEqual([
            r.activationRegions,
            r.linearRegions,
          ]);
        } else {
          expect(seen.activation).toBeLessThanOrEqual(r.activationRegions);
        }
        expect(countRegionsOnSegment(net, a, b)).toEqual({
          activationRegions: r.activationRegions,
          linearRegions: r.linearRegions,
        });
      }),
      { numRuns: 25 },
    );
  });

  it('a dead unit splits activation regions along the segment but not linear ones', () => {
    const net = withDeadUnit(initNetwork([8, 12, 12, 3], { init: 'he-normal', rng: 5, biases: 0.1 }));
    // a segment along the dead unit's weight vector, so that its hyperplane is crossed
    const w = net.layers[0]!.weights[0]!;
    const a = w.map((v) => (3 * v) / Math.hypot(...w));
    const b = a.map((v) => -v);
    const r = regionsOnSegment(net, a, b);
    const seen = sampleSegment(net, a, b, 20_000);
    expect([seen.activation, seen.linear]).toEqual([r.activationRegions, r.linearRegions]);
    expect(r.linearRegions).toBeLessThan(r.activationRegions);
  });
});

describe('regions on a plane through three points against a grid sampler and the restricted network', () => {
  it('plane counts equal regions2d of the network restricted by hand (any inputs)', () => {
    fc.assert(
      fc.property(networkWithWidths([5, 4, 4, 2]), vector(5), vector(5), vector(5), (net, p0, p1, p2) => {
        const r = regionsOnPlane(net, [p0, p1, p2]);
        const direct = regions2d(restrictedByHand(net, [p0, p1, p2]), { box: [0, 1, 0, 1] });
        expect([r.activationRegions, r.linearRegions]).toEqual([
          direct.activationRegions,
          direct.linearRegions,
        ]);
        expect(countRegionsOnPlane(net, [p0, p1, p2])).toEqual({
          activationRegions: r.activationRegions,
          linearRegions: r.linearRegions,
        });
      }),
      { numRuns: 60 },
    );
  });

  it('every pattern on a 150 x 150 grid of the parallelogram is the polygon around the sample; every fat polygon is seen', {
    timeout: 60_000,
  }, () => {
    const n = 150;
    for (const seed of [1, 2, 3]) {
      const net = initNetwork([7, 8, 8, 6, 3], { init: 'he-normal', rng: seed, biases: 0.1 });
      const pts = [0, 1, 2].map((j) =>
        Array.from({ length: 7 }, (_, d) => Math.sin(seed + 3.1 * j + 1.7 * d)),
      );
      const r = regionsOnPlane(net, pts as [number[], number[], number[]]);
      const owner = new Map(r.polygons.map((p, q) => [p.pattern.flat().join(''), q]));
      expect(owner.size).toBe(r.activationRegions);
      const hit = new Set<number>();
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const [s, t] = [(i + 0.5) / n, (j + 0.5) / n];
          const q = owner.get(forwardWithPattern(net, pointOn(pts, [s, t])).key);
          expect(q).toBeDefined();
          expect(insideConvex(r.polygons[q!]!.vertices, s, t, 1e-9)).toBe(true);
          hit.add(q!);
        }
      }
      // a convex polygon with area / perimeter above half a cell diagonal holds a grid point
      r.polygons.forEach((p, q) => {
        let perimeter = 0;
        const v = p.vertices;
        for (let k = 0; k < v.length; k += 2) {
          const k1 = (k + 2) % v.length;
          perimeter += Math.hypot(v[k1]! - v[k]!, v[k1 + 1]! - v[k + 1]!);
        }
        if (polygonArea(v) / perimeter > Math.SQRT1_2 / n) expect(hit.has(q)).toBe(true);
      });
      expect(r.activationRegions).toBeGreaterThan(20);
    }
  });

  it('countRegions2d merges like regions2d when a dead unit splits activation regions', () => {
    const net = withDeadUnit(initNetwork([2, 10, 8, 3], { init: 'he-normal', rng: 8, biases: 0.1 }));
    const full = regions2d(net);
    expect(full.linearRegions).toBeLessThan(full.activationRegions);
    expect(countRegions2d(net)).toEqual({
      activationRegions: full.activationRegions,
      linearRegions: full.linearRegions,
    });
  });

  it('a segment is an edge of the plane: regions on p0 -> p1 equal the plane restricted to t = 0', () => {
    const net = initNetwork([9, 10, 10, 2], { init: 'he-normal', rng: 4, biases: 0.1 });
    const pts = [0, 1, 2].map((j) => Array.from({ length: 9 }, (_, d) => Math.cos(j * 2.3 + d)));
    const along = regionsOnSegment(net, pts[0]!, pts[1]!);
    const edge = regions1d(restrictedByHand(net, [pts[0]!, pts[1]!]), { domain: [0, 1] });
    expect(along.activationRegions).toBe(edge.activationRegions);
    for (const [i, t] of along.edges.entries()) expect(t).toBeCloseTo(edge.edges[i]!, 12);
    const plane = regionsOnPlane(net, pts as [number[], number[], number[]]);
    // the plane's polygons meet the edge t = 0 in exactly the segment's pieces
    const onEdge = plane.polygons.filter((p) => {
      let touching = 0;
      for (let k = 1; k < p.vertices.length; k += 2) if (Math.abs(p.vertices[k]!) < 1e-12) touching++;
      return touching >= 2;
    });
    expect(onEdge.length).toBe(along.activationRegions);
  });
});
