import { evaluate, initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { pieces1d } from './pieces1d.ts';
import { centroid } from './polygon.ts';
import { countRegionsOnSegment, regionsOnPlane, regionsOnSegment, restrictNetwork } from './restrict.ts';
import { sampledPatternRuns } from './testing/brute-force.ts';

const net = initNetwork([40, 16, 16, 10], { init: 'he-normal', rng: 11, biases: 0.1 });
const point = (seed: number) => Array.from({ length: 40 }, (_, j) => Math.sin(seed * 13.1 + j * 1.7));

describe('regions of a 40-input network along a segment and on a plane', () => {
  it('segment: each piece is the network along the line; grid sampling finds the same count', () => {
    const [a, b] = [point(1), point(2)];
    const r = regionsOnSegment(net, a, b);
    expect(r.outputs).toBe(10);
    for (const p of pieces1d(r)) {
      const t = (p.lo + p.hi) / 2;
      const x = a.map((v, j) => v + t * ((b[j] as number) - v));
      evaluate(net, x).forEach((y, o) => {
        expect((p.slope[o] as number) * t + (p.intercept[o] as number)).toBeCloseTo(y, 9);
      });
    }
    const restricted = restrictNetwork(net, a, [b.map((v, j) => v - (a[j] as number))]);
    expect(sampledPatternRuns(restricted, 0, 1, 20000)).toBe(r.activationRegions);
    expect(countRegionsOnSegment(net, a, b).activationRegions).toBe(r.activationRegions);
  });

  it('plane through three points: each polygon carries the network restricted to the plane', () => {
    const [p0, p1, p2] = [point(3), point(4), point(5)];
    const r = regionsOnPlane(net, [p0, p1, p2]);
    for (const poly of r.polygons) {
      const [s, t] = centroid(poly.vertices);
      const x = p0.map((v, j) => v + s * ((p1[j] as number) - v) + t * ((p2[j] as number) - v));
      expect((poly.dx[3] as number) * s + (poly.dy[3] as number) * t + (poly.c[3] as number)).toBeCloseTo(
        evaluate(net, x)[3] as number,
        9,
      );
    }
  });

  it('names a point of the wrong size', () => {
    expect(() => regionsOnSegment(net, [0, 1], point(2))).toThrow(
      /from: must be 40 numbers \(D_i = 40\), got 2 numbers/,
    );
  });
});
