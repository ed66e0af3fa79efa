import { createNetwork, type Network } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { checkBuilderNetwork, networkShape } from './opened.ts';
import { DEFAULT_LIMITS } from './shape.ts';
import { applyBuilderAction, withShapeOfNetwork } from './state.ts';

/** A ReLU network of widths [D_i, D_1, ..., D_o] with every weight 1 and bias 0. */
const ones = (widths: number[], activation = 'relu'): Network =>
  createNetwork(
    widths.slice(1).map((d, k) => ({
      weights: Array.from({ length: d }, () => Array(widths[k]).fill(1)),
      biases: Array(d).fill(0),
    })),
    activation,
  );
const refusal = (net: Network) => {
  try {
    checkBuilderNetwork(net, DEFAULT_LIMITS);
  } catch (e) {
    return e as { code: string; message: string };
  }
  return undefined;
};

describe('network-builder: networks opened from a file', () => {
  it('reads the shape D_i, D_1..D_K, D_o of a network', () => {
    expect(networkShape(ones([2, 5, 3, 1]))).toEqual({ inputs: 2, widths: [5, 3], outputs: 1 });
    expect(networkShape(ones([40, 298, 10]))).toEqual({ inputs: 40, widths: [298], outputs: 10 });
  });

  it('accepts what it can draw, at the limits', () => {
    expect(refusal(ones([1, 16, 16, 16, 16, 16, 16, 16, 16, 1]))).toBeUndefined();
    expect(refusal(ones([2, 16, 16, 16, 1]))).toBeUndefined();
    expect(refusal(ones([1, 3, 1], 'leaky-relu'))).toBeUndefined();
  });

  it('refuses the rest with a code and a message that says what the file has', () => {
    expect(refusal(ones([40, 298, 10]))).toMatchObject({ code: 'OUT_OF_RANGE' });
    expect(refusal(ones([40, 298, 10]))?.message).toMatch(/^layers\[0\]\.weights: .*this one has 40/);
    expect(refusal(ones([1, 4, 3]))?.message).toMatch(/^layers\[1\]\.weights: .*one output; this one has 3/);
    expect(refusal(ones([1, 1]))?.message).toMatch(/no hidden layer|none/);
    expect(refusal(ones([1, 17, 1]))).toMatchObject({ code: 'TOO_LARGE' });
    expect(refusal(ones([1, ...Array(9).fill(2), 1]))?.message).toMatch(/at most 8 hidden layers.*has 9/);
    expect(refusal(ones([2, 16, 16, 16, 1, 1]))?.message).toMatch(/at most 48 hidden units.*has 49/);
    expect(refusal(ones([1, 3, 1], 'tanh'))).toMatchObject({ code: 'NOT_PIECEWISE_LINEAR' });
  });

  it('takes the shape of a given network, and any action goes back to random weights, saying so', () => {
    const net = ones([2, 5, 3, 1]);
    const given = withShapeOfNetwork({
      inputs: 1 as const,
      widths: [4],
      seed: 1,
      limits: DEFAULT_LIMITS,
      network: net,
      source: 'a.json',
    });
    expect([given.inputs, given.widths]).toEqual([2, [5, 3]]);
    const after = applyBuilderAction(given, { type: 'sample' }, 0);
    expect(after.options.network).toBeUndefined();
    expect(after.options.widths).toEqual([5, 3]);
    expect(after.message).toMatch(/Random weights again: the network of a\.json/);
    expect(applyBuilderAction(after.options, { type: 'sample' }, 0).message).toBe('');
  });
});
