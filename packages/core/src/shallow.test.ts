import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkValidationError } from './errors.ts';
import { evaluate } from './forward.ts';
import { initNetwork } from './init.ts';
import { shallowNetwork, toShallowParameters } from './shallow.ts';
import { depth, inputSize, outputSize, widths } from './shape.ts';
import { coefficient, networkWithWidths } from './testing/arbitraries.ts';

describe('shallowNetwork', () => {
  it('builds "1 input, 4 hidden units, 2 outputs": y_o = phi_o0 + sum_d phi_od a[theta_d0 + theta_d1 x]', () => {
    const theta = [
      [0.1, -1],
      [-0.2, 2],
      [0.3, 0.5],
      [0, -0.7],
    ];
    const phi = [
      [1, 2, -1, 0.5, 3],
      [-1, 0.25, 1, -2, 1],
    ];
    const net = shallowNetwork({ theta, phi });
    expect(widths(net)).toEqual([1, 4, 2]);
    expect([inputSize(net), depth(net), outputSize(net)]).toEqual([1, 1, 2]);
    for (let x = -2; x <= 2; x += 0.1) {
      const h = theta.map(([t0, t1]) => Math.max(0, t0! + t1! * x));
      const y = phi.map((row) => row.slice(1).reduce((s, p, d) => s + p * h[d]!, row[0]!));
      evaluate(net, [x]).forEach((v, o) => {
        expect(v).toBeCloseTo(y[o]!, 12);
      });
    }
  });

  it('round-trips theta/phi through a network, for any number of inputs and outputs', () => {
    const shape = fc.tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 3 }),
    );
    fc.assert(
      fc.property(
        shape.chain(([di, d, dout]) =>
          fc.tuple(
            fc.array(fc.array(coefficient(), { minLength: di + 1, maxLength: di + 1 }), {
              minLength: d,
              maxLength: d,
            }),
            fc.array(fc.array(coefficient(), { minLength: d + 1, maxLength: d + 1 }), {
              minLength: dout,
              maxLength: dout,
            }),
          ),
        ),
        ([theta, phi]) => {
          const net = shallowNetwork({ theta, phi, activation: 'abs' });
          expect(toShallowParameters(net)).toEqual({ theta, phi, activation: 'abs' });
          expect(shallowNetwork(toShallowParameters(net))).toEqual(net);
        },
      ),
    );
  });

  it('round-trips any shallow network through theta/phi', () => {
    fc.assert(
      fc.property(networkWithWidths([3, 4, 2]), (net) => {
        expect(shallowNetwork(toShallowParameters(net))).toEqual(net);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects malformed theta/phi and deep networks with typed errors', () => {
    expect(() => shallowNetwork({ theta: [], phi: [0, 1] })).toThrow('theta: must be a non-empty array');
    expect(() => shallowNetwork({ theta: [[1]], phi: [0, 1] })).toThrow(NetworkValidationError);
    expect(() => shallowNetwork({ theta: [[0, 1]], phi: [0, 1, 2] })).toThrow(
      'layers[1].weights: row 0 has 2 entries, expected 1',
    );
    expect(() => shallowNetwork({ theta: [[0, 1]], phi: [0, 1], activation: 'nope' })).toThrow(
      'unknown activation',
    );
    const deep = initNetwork([1, 3, 3, 1], { init: 'he-normal', rng: 3 });
    expect(() => toShallowParameters(deep)).toThrow('exactly one hidden layer');
  });
});
