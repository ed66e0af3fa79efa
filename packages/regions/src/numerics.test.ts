/**
 * Issue 14, items 5, 7 and 8: region counts whose coordinates or weights are far from 1, and
 * networks that overflow or underflow double precision. The reference is independent of the sweep:
 * the breakpoints of a shallow network are -b_i / w_i, and its activation pattern and slope at
 * the midpoints between consecutive breakpoints are computed directly here.
 */
import type { Network } from '@deepnets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRegions1d, regions1d } from './regions1d.ts';
import { regions2d } from './regions2d.ts';

/** 1 -> D -> 1 ReLU network with breakpoints `kinks`, first-layer weights `scale` and output weights `out`. */
const shallow = (kinks: readonly number[], scale: number, out: readonly number[]): Network => ({
  activation: 'relu',
  layers: [
    { weights: kinks.map(() => [scale]), biases: kinks.map((t) => -t * scale) },
    { weights: [[...out]], biases: [0] },
  ],
});

/** Counts by direct evaluation at midpoints between the distinct breakpoints inside [lo, hi]. */
function reference(
  net: Network,
  lo: number,
  hi: number,
): { activationRegions: number; linearRegions: number } {
  const [first, second] = net.layers as [Network['layers'][0], Network['layers'][0]];
  const ts = first.weights.map((row, i) => -(first.biases[i] as number) / (row[0] as number));
  const inside = [...new Set(ts.filter((t) => t > lo && t < hi))].sort((a, b) => a - b);
  const points = [lo, ...inside, hi];
  const mids = points.slice(1).map((p, j) => {
    const q = points[j] as number;
    if (!Number.isFinite(q)) return p - 1;
    if (!Number.isFinite(p)) return q + 1;
    return q / 2 + p / 2;
  });
  const at = (x: number) =>
    first.weights.map((row, i) => (row[0] as number) * x + (first.biases[i] as number) >= 0);
  const slope = (x: number) =>
    at(x).reduce(
      (s, on, i) => s + (on ? (second.weights[0]?.[i] as number) * (first.weights[i]?.[0] as number) : 0),
      0,
    );
  let linear = 1;
  mids.forEach((m, j) => {
    if (j === 0) return;
    const a = slope(mids[j - 1] as number);
    const b = slope(m);
    if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b))) linear++;
  });
  return { activationRegions: mids.length, linearRegions: linear };
}

describe('1-D counts far from unit scale (item 8)', () => {
  it('domain [-1e9, 1e9] with breakpoints 1e-3 apart: 3 regions (was 2)', () => {
    const net = shallow([0, 1e-3], 1, [1, -2]);
    expect(countRegions1d(net, { domain: [-1e9, 1e9] })).toEqual({ activationRegions: 3, linearRegions: 3 });
    expect(reference(net, -1e9, 1e9)).toEqual({ activationRegions: 3, linearRegions: 3 });
  });

  it('weights of 1e-300 count like weights of 1', () => {
    const net = shallow([-0.5, 0.5], 1e-300, [1, 1]);
    expect(countRegions1d(net)).toEqual(countRegions1d(shallow([-0.5, 0.5], 1, [1, 1])));
    expect(countRegions1d(net)).toEqual(reference(net, -1, 1));
  });

  it('property: any scale of weights (1e-300 .. 1e150) and domain (1 .. 1e300, the whole line) gives the reference count', () => {
    const kink = fc.double({ min: -1, max: 1, noNaN: true }).map((t) => Math.round(t * 1e4) / 1e4);
    fc.assert(
      fc.property(
        fc.uniqueArray(kink, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(1e-300, 1e-150, 1e-8, 1, 1e8, 1e150),
        fc.constantFrom(1.5, 1e3, 1e9, 1e300, Infinity),
        fc.array(fc.constantFrom(-2, -1, 1, 3), { minLength: 6, maxLength: 6 }),
        (kinks, scale, half, out) => {
          const net = shallow(kinks, scale, out.slice(0, kinks.length));
          let counts: unknown;
          try {
            counts = countRegions1d(net, { domain: [-half, half] });
          } catch (error) {
            // only where a product really nears the subnormal range (a bias of 1e-4 * 1e-300)
            expect(error).toMatchObject({ code: 'PRECISION_LOST' });
            expect(scale).toBe(1e-300);
            return;
          }
          expect(counts).toEqual(reference(net, -half, half));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('products that underflow are PRECISION_LOST, never a silent merge (1e-300 twice: was 1 region)', () => {
    const net = shallow([0.5], 1e-300, [1e-300]);
    expect(() => countRegions1d(net)).toThrow(
      expect.objectContaining({ code: 'PRECISION_LOST', path: 'layers[1]' }),
    );
    expect(() =>
      regions2d({ ...net, layers: [{ weights: [[1e-300, 1e-300]], biases: [0] }, net.layers[1] as never] }),
    ).toThrow(expect.objectContaining({ code: 'PRECISION_LOST' }));
  });
});

/** 2 -> L -> 1 network: line i passes through points[i] with normal (cos a_i, sin a_i), all scaled by `scale`. */
function lines2d(points: readonly [number, number][], angles: readonly number[], scale: number): Network {
  const normals = angles.map((a) => [Math.cos(a), Math.sin(a)] as const);
  return {
    activation: 'relu',
    layers: [
      {
        weights: normals.map(([c, s]) => [c * scale, s * scale]),
        biases: normals.map(
          ([c, s], i) => -(c * (points[i]?.[0] as number) + s * (points[i]?.[1] as number)) * scale,
        ),
      },
      { weights: [angles.map((_, i) => (i % 2 ? 1 : -2))], biases: [0] },
    ],
  };
}

/**
 * Regions of an arrangement of lines in general position that all cross a convex box:
 * 1 + (number of lines) + (number of pairwise intersections inside the box), by Euler's formula.
 * `undefined` when an intersection lies too close to the box or to another one to be sure.
 */
function arrangementRegions(
  points: readonly [number, number][],
  angles: readonly number[],
  half: number,
): number | undefined {
  const found: [number, number][] = [];
  for (let i = 0; i < angles.length; i++) {
    for (let j = i + 1; j < angles.length; j++) {
      const [a1, b1] = [Math.cos(angles[i] as number), Math.sin(angles[i] as number)];
      const [a2, b2] = [Math.cos(angles[j] as number), Math.sin(angles[j] as number)];
      const [p1, p2] = [points[i] as [number, number], points[j] as [number, number]];
      const c1 = a1 * p1[0] + b1 * p1[1];
      const c2 = a2 * p2[0] + b2 * p2[1];
      const det = a1 * b2 - a2 * b1;
      const x = (c1 * b2 - c2 * b1) / det;
      const y = (a1 * c2 - a2 * c1) / det;
      const edge = Math.min(half - Math.abs(x), half - Math.abs(y));
      if (Math.abs(edge) < 1e-6 * half) return undefined;
      if (found.some(([u, v]) => Math.hypot(u - x, v - y) < 1e-6)) return undefined;
      if (edge > 0) found.push([x, y]);
    }
  }
  return 1 + angles.length + found.length;
}

describe('2-D counts far from unit scale (item 8)', () => {
  it('a box of +-1e300 around three lines near the origin: 7 regions (was 6)', () => {
    const net: Network = {
      activation: 'relu',
      layers: [
        {
          weights: [
            [1, 0.2],
            [0.3, 1],
            [1, -1],
          ],
          biases: [0.1, -0.2, 0.05],
        },
        { weights: [[1, 2, 3]], biases: [0] },
      ],
    };
    const r = regions2d(net, { box: [-1e300, 1e300, -1e300, 1e300] });
    expect([r.activationRegions, r.linearRegions]).toEqual([7, 7]);
  });

  it("property: any scale of weights and box (1.5 .. 1e300) gives Euler's count of the arrangement", () => {
    const point = fc
      .tuple(fc.integer({ min: -900, max: 900 }), fc.integer({ min: -900, max: 900 }))
      .map(([x, y]) => [x / 1000, y / 1000] as [number, number]);
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.integer({ min: 0, max: 313 }), { minLength: 1, maxLength: 5 })
          .map((as) => as.map((a) => a / 100)),
        fc.array(point, { minLength: 5, maxLength: 5 }),
        fc.constantFrom(1e-150, 1e-8, 1, 1e8, 1e150),
        fc.constantFrom(1.5, 1e3, 1e9, 1e300),
        (angles, points, scale, half) => {
          const expected = arrangementRegions(points, angles, half);
          fc.pre(expected !== undefined);
          const net = lines2d(points, angles, scale);
          let r: ReturnType<typeof regions2d>;
          try {
            r = regions2d(net, { box: [-half, half, -half, half] });
          } catch (error) {
            // only when the pre-activations at the box's corners overflow: refused, not miscounted
            expect(error).toMatchObject({ code: 'NON_FINITE' });
            expect(scale * half).toBeGreaterThan(1e300);
            return;
          }
          expect([r.activationRegions, r.linearRegions]).toEqual([expected, expected]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('overflow (item 7)', () => {
  const big: Network = {
    activation: 'relu',
    layers: [
      { weights: [[1e200], [1e200]], biases: [0, -1e200] },
      { weights: [[1e200, -1e200]], biases: [0] },
    ],
  };

  it('1-D: NON_FINITE naming the layer and unit (was 1 linear region where there are 3)', () => {
    expect(() => countRegions1d(big, { domain: [-2, 2] })).toThrow(
      expect.objectContaining({
        code: 'NON_FINITE',
        path: 'layers[1]',
        message: expect.stringMatching(/unit 0 of layer 2/),
      }),
    );
  });

  it('2-D: NON_FINITE (was 1 linear region where there are 2)', () => {
    const net2: Network = {
      activation: 'relu',
      layers: [
        { weights: [[1e200, 0]], biases: [0] },
        { weights: [[1e200]], biases: [0] },
      ],
    };
    expect(() => regions2d(net2)).toThrow(expect.objectContaining({ code: 'NON_FINITE', path: 'layers[1]' }));
  });
});

describe('the O(n log n) crossing sort (item 5)', () => {
  it('a piece with 500 crossings in scrambled order gives the sorted breakpoints, as the reference', () => {
    const kinks = Array.from({ length: 500 }, (_, i) => (((i * 7919) % 500) / 500) * 1.8 - 0.9);
    const net = shallow(
      kinks,
      1,
      kinks.map((_, i) => (i % 2 ? 1 : -1.5)),
    );
    const r = regions1d(net);
    expect(Array.from(r.breakpoints)).toEqual([...kinks].sort((a, b) => a - b));
    expect({ activationRegions: r.activationRegions, linearRegions: r.linearRegions }).toEqual(
      reference(net, -1, 1),
    );
  });
});

describe('memory limit before allocating (item 5)', () => {
  it('refuses with TOO_LARGE naming the estimate and the limit', () => {
    const net = shallow(
      Array.from({ length: 400 }, (_, i) => i / 200 - 1),
      1,
      Array(400).fill(1),
    );
    const wider: Network = {
      ...net,
      layers: [
        net.layers[0] as never,
        { weights: Array(100).fill(Array(400).fill(1)), biases: Array(100).fill(0) },
        { weights: [Array(100).fill(1)], biases: [0] },
      ],
    };
    expect(() => regions1d(wider, { maxBytes: 2 ** 19 })).toThrow(
      expect.objectContaining({
        code: 'TOO_LARGE',
        message: expect.stringMatching(/MB, more than the limit of 0.5 MB/),
      }),
    );
    const plane: Network = {
      activation: 'relu',
      layers: [
        { weights: [[1, 1]], biases: [0] },
        { weights: [[1]], biases: [0] },
      ],
    };
    expect(() => regions2d(plane, { maxBytes: 100 })).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE', path: 'maxBytes' }),
    );
    expect(regions2d(plane).activationRegions).toBe(2);
  });
});
