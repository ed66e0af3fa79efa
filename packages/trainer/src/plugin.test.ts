import { corePlugin, createRegistry, definePlugin } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { createSamples } from './datasets/samples.ts';
import type { LossConfig } from './losses.ts';
import { getLoss, trainerPlugin, useTrainerPlugin } from './plugin.ts';
import { train } from './train.ts';

describe('trainer plugin', () => {
  it('registers the built-ins lazily and idempotently through the public plugin API', () => {
    const registry = createRegistry([corePlugin]);
    expect(registry.names('loss')).toEqual([]);
    useTrainerPlugin(registry);
    useTrainerPlugin(registry);
    expect(registry.plugins()).toEqual(['deepnets:core', 'deepnets:trainer']);
    expect(registry.names('loss')).toEqual([
      'least-squares',
      'binary-cross-entropy',
      'softmax-cross-entropy',
    ]);
    expect(registry.names('optimizer')).toEqual(['gd', 'sgd', 'momentum', 'adam']);
    expect(registry.ownerOf('dataset', 'spiral')).toBe(trainerPlugin.name);
  });

  it('trains with a contributor loss registered like the built-ins (mean absolute error)', async () => {
    const mae: LossConfig = {
      name: 'example/absolute',
      description: 'sum_j |y_j - t_j|',
      targets: 'values',
      classification: false,
      evaluate(y, t, n, dOut, grad, scale) {
        let sum = 0;
        for (let a = 0; a < n * dOut; a++) {
          const r = (y[a] as number) - (t[a] as number);
          sum += Math.abs(r);
          if (grad) grad[a] = scale * Math.sign(r);
        }
        return sum;
      },
      validateTargets() {},
    };
    const registry = createRegistry([corePlugin]);
    registry.use(definePlugin({ name: 'deepnets-plugin-example', losses: [mae] }));
    expect(getLoss('example/absolute', registry)).toBe(mae);
    // the median minimises the absolute error: a constant model of 1, 2, 10 converges to 2
    const data = createSamples(3, 1, 1);
    data.y.set([1, 2, 10]);
    const network = { activation: 'relu', layers: [{ weights: [[0]], biases: [0] }] };
    const { network: fitted } = await train({
      network,
      data,
      loss: 'example/absolute',
      learningRate: 0.01,
      epochs: 600,
      registry,
    });
    expect(fitted.layers[0]?.biases[0]).toBeCloseTo(2, 1);
  });
});
