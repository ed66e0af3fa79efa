import { describe, expect, it } from 'vitest';
import { createOptimizerState, type OptimizerConfig, resolveOptimizerOptions } from './optimizers.ts';
import { getOptimizer } from './plugin.ts';

/** Runs `steps` updates of phi = [1, -2] with gradients from `grads`, returning phi and the state. */
function run(
  optimizer: OptimizerConfig,
  grads: number[][],
  lr: number,
  options: Record<string, number> = {},
) {
  const theta = new Float64Array([1, -2]);
  const state = createOptimizerState(optimizer, 2);
  const resolved = resolveOptimizerOptions(optimizer, options);
  for (const g of grads) optimizer.step(theta, new Float64Array(g), lr, state, resolved);
  return { theta: [...theta], state };
}

describe('optimizers', () => {
  it('gradient descent and SGD step phi <- phi - alpha g', () => {
    for (const name of ['gd', 'sgd']) {
      const { theta, state } = run(getOptimizer(name), [[0.5, -4]], 0.1);
      expect(theta).toEqual([1 - 0.1 * 0.5, -2 + 0.1 * 4]);
      expect(state.step).toBe(1);
    }
    expect(getOptimizer('gd').batchSize).toBe('full');
    expect(getOptimizer('sgd').batchSize).toBe(32);
  });

  it('momentum averages gradients: m1 = (1 - beta) g1, m2 = beta m1 + (1 - beta) g2', () => {
    const { theta, state } = run(
      getOptimizer('momentum'),
      [
        [1, 2],
        [3, -1],
      ],
      0.5,
      { beta: 0.8 },
    );
    // by hand: m1 = [0.2, 0.4], phi1 = [0.9, -2.2]; m2 = [0.16 + 0.6, 0.32 - 0.2] = [0.76, 0.12]
    expect(state.buffers['m']?.[0]).toBeCloseTo(0.76, 15);
    expect(state.buffers['m']?.[1]).toBeCloseTo(0.12, 15);
    expect(theta[0]).toBeCloseTo(0.9 - 0.5 * 0.76, 15);
    expect(theta[1]).toBeCloseTo(-2.2 - 0.5 * 0.12, 15);
  });

  it('Adam: the first bias-corrected step is alpha g / (|g| + epsilon)', () => {
    const { theta, state } = run(getOptimizer('adam'), [[0.5, -4]], 0.01);
    expect(theta[0]).toBeCloseTo(1 - (0.01 * 0.5) / (0.5 + 1e-8), 15);
    expect(theta[1]).toBeCloseTo(-2 + (0.01 * 4) / (4 + 1e-8), 15);
    expect(state.step).toBe(1);
  });

  it('Adam: the second step follows the bias-corrected moments', () => {
    const b1 = 0.5;
    const b2 = 0.75;
    const { theta } = run(
      getOptimizer('adam'),
      [
        [2, 1],
        [-1, 1],
      ],
      0.1,
      { beta1: b1, beta2: b2, epsilon: 0 },
    );
    // coordinate 0 by hand: m1 = 0.5 * 2 = 1, v1 = 0.25 * 4 = 1, m~ = 1 / 0.5 = 2, v~ = 1 / 0.25 = 4,
    // so phi1 = 1 - 0.1 * 2 / 2 = 0.9; then m2 = 0.5 * 1 + 0.5 * (-1) = 0 and phi2 = phi1
    expect(theta[0]).toBeCloseTo(0.9, 15);
    // coordinate 1: g = 1 both steps, m~ = v~ = 1, each step moves by alpha
    expect(theta[1]).toBeCloseTo(-2.2, 15);
  });

  it('rejects unknown or non-finite options, naming them', () => {
    expect(() => resolveOptimizerOptions(getOptimizer('adam'), { beta: 0.9 })).toThrow(
      /optimizerOptions\.beta: .*beta1, beta2, epsilon/,
    );
    expect(() => resolveOptimizerOptions(getOptimizer('momentum'), { beta: Number.NaN })).toThrow(/finite/);
    expect(() => getOptimizer('rmsprop')).toThrow(/known optimizers: gd, sgd, momentum, adam/);
  });
});
