import { describe, expect, it } from 'vitest';
import { DeepnetsError } from './errors.ts';
import { initNetwork } from './init.ts';
import { createRng } from './rng.ts';
import { widths } from './shape.ts';

const weightsOf = (w: number[], init: Parameters<typeof initNetwork>[1]['init'], seed = 1): number[] =>
  initNetwork(w, { init, rng: seed }).layers[0]!.weights.flat();

const variance = (xs: number[]): number => xs.reduce((s, x) => s + x * x, 0) / xs.length;

describe('initNetwork', () => {
  it('builds a network with the requested widths and zero biases', () => {
    const net = initNetwork([3, 4, 2, 3, 2], { init: 'he-normal', rng: 1 });
    expect(widths(net)).toEqual([3, 4, 2, 3, 2]);
    expect(net.activation).toBe('relu');
    expect(net.layers.flatMap((l) => l.biases).every((b) => b === 0)).toBe(true);
    const constant = initNetwork([2, 2, 1], { init: 'he-normal', rng: 1, biases: 0.1, activation: 'tanh' });
    expect(constant.layers.flatMap((l) => l.biases)).toEqual([0.1, 0.1, 0.1]);
    expect(constant.activation).toBe('tanh');
  });

  it('is determined by the seed, and a passed generator advances', () => {
    expect(initNetwork([2, 5, 1], { init: 'glorot-normal', rng: 9 })).toEqual(
      initNetwork([2, 5, 1], { init: 'glorot-normal', rng: 9 }),
    );
    const rng = createRng(9);
    const a = initNetwork([2, 5, 1], { init: 'glorot-normal', rng });
    const b = initNetwork([2, 5, 1], { init: 'glorot-normal', rng });
    expect(a).not.toEqual(b);
  });

  // 50 x 200 = 10,000 weights: the sample variance is within ~3% of the target (5 sigma < 10%).
  it.each([
    ['he-normal', 2 / 50],
    ['he-uniform', 2 / 50],
    ['glorot-normal', 2 / 250],
    ['glorot-uniform', 2 / 250],
  ] as const)('%s has variance %f for fan_in 50, fan_out 200', (init, target) => {
    const ws = weightsOf([50, 200, 1], init);
    expect(ws).toHaveLength(10000);
    expect(Math.abs(variance(ws) / target - 1)).toBeLessThan(0.1);
  });

  it('he-uniform stays within sqrt(6 / fan_in), glorot-uniform within sqrt(6 / (fan_in + fan_out))', () => {
    const he = weightsOf([50, 200, 1], 'he-uniform');
    const glorot = weightsOf([50, 200, 1], 'glorot-uniform');
    expect(Math.max(...he.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 50));
    expect(Math.max(...he.map(Math.abs))).toBeGreaterThan(0.98 * Math.sqrt(6 / 50));
    expect(Math.max(...glorot.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 250));
    expect(Math.max(...glorot.map(Math.abs))).toBeGreaterThan(0.98 * Math.sqrt(6 / 250));
  });

  it('rejects unknown schemes, activations, bad widths and biases with typed errors', () => {
    expect(() => initNetwork([1, 2, 1], { init: 'lecun' as never, rng: 1 })).toThrow(
      'unknown initialiser "lecun"',
    );
    expect(() => initNetwork([1, 2, 1], { init: 'he-normal', rng: 1, activation: 'swish' })).toThrow(
      DeepnetsError,
    );
    expect(() => initNetwork([1, -2, 1], { init: 'he-normal', rng: 1 })).toThrow('widths[1]');
    expect(() => initNetwork([1, 2, 1], { init: 'he-normal', rng: 1, biases: Number.NaN })).toThrow('biases');
  });
});
