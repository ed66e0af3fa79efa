import { AbortError, evaluate, type Network, NotPiecewiseLinearError } from '@deepnets/core';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegionsError } from './errors.ts';
import { patternFunction } from './pattern.ts';
import { linearPieces1d, pieces1d } from './pieces1d.ts';
import { countRegions1d, regions1d } from './regions1d.ts';
import { networkWithWidths } from './testing/arbitraries.ts';
import { sampledPatternRuns } from './testing/brute-force.ts';

const shallow = (kinks: number[], out: number[], activation = 'relu'): Network => ({
  activation,
  layers: [
    { weights: kinks.map(() => [1]), biases: kinks.map((t) => -t) },
    { weights: [out], biases: [0] },
  ],
});

describe('regions1d against brute force', () => {
  for (const activation of ['relu', 'leaky-relu', 'abs', 'hard-tanh']) {
    it(`agrees with sampling and the forward pass (${activation})`, () => {
      fc.assert(
        fc.property(networkWithWidths([1, 4, 3, 2], activation), (net) => {
          const r = regions1d(net, { domain: [-2, 2] });
          const at = patternFunction(net);
          const pieces = pieces1d(r, net);
          // every piece's map equals the network, and its pattern holds at sample points inside
          for (const piece of pieces) {
            for (const s of [0.25, 0.5, 0.75]) {
              const x = piece.lo + s * (piece.hi - piece.lo);
              const y = evaluate(net, [x]);
              piece.slope.forEach((a, o) => {
                expect(a * x + (piece.intercept[o] as number)).toBeCloseTo(y[o] as number, 8);
              });
              if (piece.hi - piece.lo > 1e-6) expect(at([x])).toEqual(piece.pattern);
            }
          }
          // neighbouring pieces have distinct patterns, and a grid finer than the smallest piece sees all
          const keys = pieces.map((p) => JSON.stringify(p.pattern));
          expect(new Set(keys).size).toBe(r.activationRegions);
          const smallest = Math.min(...pieces.map((p) => p.hi - p.lo));
          const runs = sampledPatternRuns(net, -2, 2, 4000);
          if (smallest > 4 / 1000) expect(runs).toBe(r.activationRegions);
          else expect(runs).toBeLessThanOrEqual(r.activationRegions);
          expect(countRegions1d(net, { domain: [-2, 2] })).toEqual({
            activationRegions: r.activationRegions,
            linearRegions: r.linearRegions,
          });
        }),
        { numRuns: 25 },
      );
    });
  }

  it('never gives a shallow network with D hidden units more than D + 1 regions', () => {
    fc.assert(
      fc.property(networkWithWidths([1, 5, 1]), (net) => {
        const r = countRegions1d(net, { domain: [-Infinity, Infinity] });
        expect(r.linearRegions).toBeLessThanOrEqual(r.activationRegions);
        expect(r.activationRegions).toBeLessThanOrEqual(6);
      }),
      { numRuns: 50 },
    );
    expect(regions1d(shallow([-0.5, 0, 0.5], [1, -2, 3])).linearRegions).toBe(4);
  });
});

describe('degenerate cases (numerical policy)', () => {
  it('all biases zero: exactly 2 regions, however deep', () => {
    const net: Network = {
      activation: 'relu',
      layers: [
        { weights: [[1], [-2], [0.5]], biases: [0, 0, 0] },
        {
          weights: [
            [1, 1, -1],
            [-1, 2, 1],
          ],
          biases: [0, 0],
        },
        { weights: [[1, -3]], biases: [0] },
      ],
    };
    const r = regions1d(net);
    expect([r.activationRegions, r.linearRegions]).toEqual([2, 2]);
    expect(Array.from(r.breakpoints)).toEqual([0]);
  });

  it('duplicated neurons cut once', () => {
    const r = regions1d(shallow([0.2, 0.2, -0.3], [1, 1, 1]));
    expect(Array.from(r.breakpoints)).toEqual([-0.3, 0.2]);
    expect(r.activationRegions).toBe(3);
  });

  it('a pre-activation that touches zero without crossing adds no cut', () => {
    // h_1 = ReLU[x], h_2 = ReLU[-x]; layer 2 sees -h_1 - h_2 = -|x| <= 0, touching 0 at x = 0 only
    const net: Network = {
      activation: 'relu',
      layers: [
        { weights: [[1], [-1]], biases: [0, 0] },
        { weights: [[-1, -1]], biases: [0] },
        { weights: [[1]], biases: [0] },
      ],
    };
    const r = regions1d(net);
    expect(r.activationRegions).toBe(2);
    expect(r.linearRegions).toBe(1); // the output is 0 everywhere
    expect(pieces1d(r, net).map((p) => p.pattern)).toEqual([
      [[0, 1], [0]],
      [[1, 0], [0]],
    ]);
  });

  it('dead units: more activation regions than linear regions', () => {
    const r = regions1d(shallow([-0.5, 0, 0.5], [1, 0, 2]));
    expect([r.activationRegions, r.linearRegions]).toEqual([4, 3]);
    const merged = linearPieces1d(r);
    expect(merged.map((p) => [p.lo, p.hi, p.from, p.to])).toEqual([
      [-1, -0.5, 0, 1],
      [-0.5, 0.5, 1, 3],
      [0.5, 1, 3, 4],
    ]);
  });

  it('counts on the whole real line', () => {
    const net = shallow([-5, 0, 7], [1, 1, 1]);
    expect(countRegions1d(net).activationRegions).toBe(2);
    const r = regions1d(net, { domain: [-Infinity, Infinity] });
    expect(Array.from(r.edges)).toEqual([-Infinity, -5, 0, 7, Infinity]);
    expect(Array.from(r.slopes)).toEqual([0, 1, 2, 3]);
  });

  it('an affine network (no hidden layer) has one region', () => {
    const r = regions1d({ activation: 'relu', layers: [{ weights: [[2], [3]], biases: [1, 0] }] });
    expect([r.activationRegions, r.linearRegions, r.outputs]).toEqual([1, 1, 2]);
    expect(Array.from(r.slopes)).toEqual([2, 3]);
  });
});

describe('errors, progress and cancellation', () => {
  it('refuses smooth activations with a typed error', () => {
    expect(() => regions1d(shallow([0], [1], 'tanh'))).toThrow(NotPiecewiseLinearError);
  });

  it('names a bad domain and a wrong input size', () => {
    const bad = (f: () => unknown, code: string, path: string) => {
      try {
        f();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(RegionsError);
        expect((error as RegionsError).code).toBe(code);
        expect((error as RegionsError).path).toBe(path);
      }
    };
    bad(() => regions1d(shallow([0], [1]), { domain: [1, 1] }), 'OUT_OF_RANGE', 'domain');
    // issue 14: a domain that is not two numbers (the string 'ab' once compared 'a' < 'b' and passed)
    bad(() => regions1d(shallow([0], [1]), { domain: 'ab' as never }), 'OUT_OF_RANGE', 'domain');
    bad(() => regions1d(shallow([0], [1]), { domain: [0, 1, 2] as never }), 'OUT_OF_RANGE', 'domain');
    bad(() => regions1d(shallow([0], [1]), { tolerance: -1 }), 'OUT_OF_RANGE', 'tolerance');
    const twoInputs: Network = { activation: 'relu', layers: [{ weights: [[1, 1]], biases: [0] }] };
    bad(() => regions1d(twoInputs), 'SHAPE_MISMATCH', 'network');
  });

  it('reports progress per layer and stops when aborted', () => {
    const net: Network = {
      activation: 'relu',
      layers: [
        { weights: [[1], [-1]], biases: [0.1, 0.2] },
        { weights: [[1, 1]], biases: [-0.3] },
        { weights: [[1]], biases: [0] },
      ],
    };
    const seen: number[] = [];
    regions1d(net, { onProgress: (p) => seen.push(p.layer, p.layers) });
    expect(seen).toEqual([1, 2, 2, 2]);
    const controller = new AbortController();
    controller.abort();
    expect(() => countRegions1d(net, { signal: controller.signal })).toThrow(AbortError);
  });
});
