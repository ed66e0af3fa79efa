import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getActivation } from './default-registry.ts';
import { DeepnetsError, ShapeError } from './errors.ts';
import { evaluate, evaluateBatch, forwardTrace } from './forward.ts';
import type { Layer, Network } from './network.ts';
import { shallowNetwork } from './shallow.ts';
import {
  anyNetwork,
  closeTo,
  networkWithWidths,
  referenceForward,
  vectorOf,
  widthList,
} from './testing/arbitraries.ts';
import { shallowReference, udlNetwork1 } from './testing/udl-4-1.ts';

const relu = getActivation('relu').f;

describe('evaluate', () => {
  it("matches the notebook's scalar formula for network 1", () => {
    const net = shallowNetwork(udlNetwork1);
    for (let x = -1; x <= 1; x += 0.05) {
      expect(evaluate(net, [x])[0]).toBeCloseTo(shallowReference(udlNetwork1, x), 12);
    }
  });

  it('matches an independent reference forward pass for random networks', () => {
    fc.assert(
      fc.property(
        anyNetwork().chain((net) => fc.tuple(fc.constant(net), vectorOf(net.layers[0]!.weights[0]!.length))),
        ([net, x]) => {
          const y = evaluate(net, x);
          referenceForward(net, x, relu).forEach((v, i) => {
            expect(closeTo(y[i], v), `${y[i]} vs ${v}`).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a wrong input length and non-finite inputs with typed errors', () => {
    const net = shallowNetwork(udlNetwork1);
    expect(() => evaluate(net, [1, 2])).toThrow(ShapeError);
    expect(() => evaluate(net, [1, 2])).toThrow('x: has 2 entries, expected D_i = 1');
    const err = (() => {
      try {
        evaluate(net, [Number.NaN]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DeepnetsError);
    expect((err as DeepnetsError).code).toBe('NON_FINITE');
  });

  it('reports a ragged layer instead of returning NaN', () => {
    const net: Network = {
      activation: 'relu',
      layers: [
        { weights: [[1], [2]], biases: [0, 0] },
        { weights: [[1]], biases: [0] },
      ],
    };
    expect(() => evaluate(net, [1])).toThrow('layers[1].weights: row 0 has 1 entries, expected 2');
  });
});

describe('forwardTrace', () => {
  it('records h_k = a[beta_{k-1} + Omega_{k-1} h_{k-1}] for every hidden layer', () => {
    fc.assert(
      fc.property(
        widthList(4, 4).chain((w) => fc.tuple(networkWithWidths(w, 'leaky-relu'), vectorOf(w[0]!))),
        ([net, x]) => {
          const trace = forwardTrace(net, x);
          const a = getActivation('leaky-relu').f;
          expect(trace.preActivations).toHaveLength(net.layers.length - 1);
          let h = x;
          trace.preActivations.forEach((z, k) => {
            // The pre-activations of hidden layer k+1 are the output of the first k+1 layers.
            const truncated = { activation: net.activation, layers: net.layers.slice(0, k + 1) };
            referenceForward(truncated, x, a).forEach((v, i) => {
              expect(closeTo(z[i], v), `${z[i]} vs ${v}`).toBe(true);
            });
            expect(trace.activations[k]).toEqual(z.map(a));
            h = trace.activations[k]!;
          });
          const last = { activation: net.activation, layers: net.layers.slice(-1) };
          expect(trace.output).toEqual(evaluate(last, h));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('evaluateBatch', () => {
  it('equals evaluate row by row, for Float64Array and Float32Array inputs', () => {
    fc.assert(
      fc.property(widthList(3, 4), fc.integer({ min: 0, max: 6 }), (w, count) =>
        fc.assert(
          fc.property(networkWithWidths(w), vectorOf(count * w[0]!), (net, flat) => {
            for (const xs of [Float64Array.from(flat), Float32Array.from(flat)]) {
              const ys = evaluateBatch(net, xs, count);
              const dout = w[w.length - 1]!;
              expect(ys).toHaveLength(count * dout);
              for (let n = 0; n < count; n++) {
                const x = Array.from(xs.subarray(n * w[0]!, (n + 1) * w[0]!));
                expect(Array.from(ys.subarray(n * dout, (n + 1) * dout))).toEqual(evaluate(net, x));
              }
            }
          }),
          { numRuns: 5 },
        ),
      ),
      { numRuns: 30 },
    );
  });

  it('rejects a batch whose length is not count * D_i, and NaN entries', () => {
    const net = shallowNetwork(udlNetwork1);
    expect(() => evaluateBatch(net, new Float64Array(3), 2)).toThrow(ShapeError);
    expect(() => evaluateBatch(net, Float64Array.of(0, Number.POSITIVE_INFINITY), 2)).toThrow('xs[1]');
    expect(() => evaluateBatch(net, new Float64Array(0), -1)).toThrow(DeepnetsError);
  });
});

describe('overflow on the way is an error, never a silent Infinity or null (issue 14, item 7)', () => {
  const big: Network = {
    activation: 'relu',
    layers: [
      { weights: [[1e200], [1]], biases: [0, 0] },
      { weights: [[1e200, 1]], biases: [0] },
    ],
  };

  it('evaluate and forwardTrace throw NON_FINITE naming the layer and the unit', () => {
    expect(() => evaluate(big, [1])).toThrow(
      expect.objectContaining({
        code: 'NON_FINITE',
        path: 'layers[1]',
        message: expect.stringMatching(/output 0/),
      }),
    );
    const hidden: Network = {
      ...big,
      layers: [{ weights: [[1e200], [1e200]], biases: [0, 0] }, big.layers[1] as Layer],
    };
    expect(() => forwardTrace(hidden, [1e200])).toThrow(/unit 0 of hidden layer 1 is Infinity/);
    expect(evaluate(big, [1e-300])).toEqual([1e-300 * 1e200 * 1e200 + 1e-300]);
  });

  it('evaluateBatch throws the same error', () => {
    expect(() => evaluateBatch(big, Float64Array.of(0, 1), 2)).toThrow(
      expect.objectContaining({ code: 'NON_FINITE', path: 'layers[1]' }),
    );
  });
});
