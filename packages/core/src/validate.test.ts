import { describe, expect, it } from 'vitest';
import { NetworkValidationError } from './errors.ts';
import type { Network } from './network.ts';
import { createNetwork, validateNetwork } from './validate.ts';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(NetworkValidationError);
    return `${(e as NetworkValidationError).code} ${(e as Error).message}`;
  }
  return 'no error';
};

describe('validateNetwork', () => {
  it('accepts a well-formed network with any registered activation', () => {
    for (const activation of ['relu', 'abs', 'gelu']) {
      expect(() =>
        validateNetwork({ activation, layers: [{ weights: [[1, 2]], biases: [0] }] }),
      ).not.toThrow();
    }
  });

  it.each([
    ['not an object', null, 'INVALID_NETWORK a network must be an object'],
    ['no activation', { layers: [] }, 'INVALID_NETWORK activation: must be a string'],
    [
      'an unknown activation',
      { activation: 'swish', layers: [] },
      'UNKNOWN_NAME activation: unknown activation "swish"',
    ],
    ['no layers', { activation: 'relu', layers: [] }, 'INVALID_NETWORK layers: is empty'],
    [
      'a layer that is not an object',
      { activation: 'relu', layers: [7] },
      'INVALID_NETWORK layers[0]: must be an object',
    ],
    [
      'an infinite bias',
      { activation: 'relu', layers: [{ weights: [[1]], biases: [Number.NEGATIVE_INFINITY] }] },
      'NON_FINITE layers[0].biases[0]: must be finite, got -Infinity',
    ],
  ])('rejects %s, naming where', (_, value, expected) => {
    expect(code(() => validateNetwork(value as unknown as Network))).toContain(expected);
  });
});

describe('createNetwork', () => {
  it('builds a validated copy from explicit Omega_k and beta_k', () => {
    const layers = [
      { weights: [[-1], [1]], biases: [0, 0.5] },
      { weights: [[2, 3]], biases: [1] },
    ];
    const net = createNetwork(layers, 'abs');
    expect(net).toEqual({ activation: 'abs', layers });
    layers[0]!.weights[0]![0] = 99;
    expect(net.layers[0]!.weights[0]![0]).toBe(-1);
    expect(createNetwork(layers).activation).toBe('relu');
  });

  it('rejects mismatched shapes', () => {
    expect(code(() => createNetwork([{ weights: [[1, 2]], biases: [0, 0] }]))).toContain(
      'SHAPE_MISMATCH layers[0].biases: has 2 entries, expected 1',
    );
  });
});
