import { evaluate, initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { evaluateSamples } from './evaluate.ts';
import { getDataset } from './plugin.ts';

describe('evaluateSamples', () => {
  it('agrees with core forward passes: mean squared error and argmax accuracy', () => {
    const reg = getDataset('regression-1d').generate({ samples: 20 });
    const net = initNetwork([1, 5, 1], { init: 'he-normal', rng: 3, activation: 'tanh' });
    const mse =
      Array.from(reg.train.x).reduce(
        (s, x, i) => s + ((evaluate(net, [x])[0] as number) - (reg.train.y[i] as number)) ** 2,
        0,
      ) / 20;
    expect(evaluateSamples(net, reg.train, 'least-squares').loss).toBeCloseTo(mse, 13);

    const cls = getDataset('gaussians').generate({ samples: 30 });
    const clf = initNetwork([2, 4, 3], { init: 'he-normal', rng: 4 });
    let right = 0;
    for (let i = 0; i < 30; i++) {
      const y = evaluate(clf, [cls.train.x[2 * i] as number, cls.train.x[2 * i + 1] as number]);
      if (y.indexOf(Math.max(...y)) === cls.train.y[i]) right++;
    }
    expect(evaluateSamples(clf, cls.train, 'softmax-cross-entropy').accuracy).toBe(right / 30);
    expect(() => evaluateSamples(clf, reg.train, 'softmax-cross-entropy')).toThrow(/samples: has 1 inputs/);
  });
});
