import { evaluateBatch, type Network } from '@deepnets/core';
import { regions1d, sawtoothNetwork } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import { evaluateShallow1d, shallowFromPieces } from './shallow.ts';

describe('the shallow network equal to the sawtooth', () => {
  it('evaluateShallow1d agrees with core evaluateBatch, and the K = 5 shallow network with the deep one', () => {
    const deepNet = sawtoothNetwork({ layers: 5, width: 2 });
    const shallowNet = shallowFromPieces(regions1d(deepNet, { domain: [0, 1] }), 0);
    const xs = Float64Array.from({ length: 257 }, (_, i) => -0.25 + (1.5 * i) / 256);
    const fast = evaluateShallow1d(shallowNet, xs);
    const reference = evaluateBatch(shallowNet, xs, xs.length);
    for (let i = 0; i < xs.length; i++) expect(fast[i]).toBeCloseTo(reference[i] as number, 12);
    const inside = xs.filter((x) => x >= 0 && x <= 1);
    const deep = evaluateBatch(deepNet, inside, inside.length);
    const shallow = evaluateShallow1d(shallowNet, inside);
    for (let i = 0; i < inside.length; i++) expect(shallow[i]).toBeCloseTo(deep[i] as number, 9);
  });

  it('evaluateShallow1d agrees with core evaluateBatch for units of either sign, zero weights and unsorted inputs', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    const units = 300;
    const weights = Array.from({ length: units }, (_, i) => [i % 17 === 0 ? 0 : random()]);
    const net: Network = {
      activation: 'relu',
      layers: [
        { weights, biases: Array.from({ length: units }, random) },
        { weights: [Array.from({ length: units }, random)], biases: [random()] },
      ],
    };
    const xs = Float64Array.from({ length: 401 }, () => 3 * random());
    xs[5] = -(net.layers[0]?.biases[3] as number) / (weights[3]?.[0] as number); // exactly on a joint
    const fast = evaluateShallow1d(net, xs);
    const reference = evaluateBatch(net, xs, xs.length);
    for (let i = 0; i < xs.length; i++) expect(fast[i]).toBeCloseTo(reference[i] as number, 11);
  });

  it('refuses a network that is not one ReLU hidden layer', () => {
    const deep: Network = sawtoothNetwork({ layers: 2, width: 2 });
    expect(() => evaluateShallow1d(deep, Float64Array.of(0))).toThrow(/one hidden layer/);
  });
});
