import { createRegistry, createRng, evaluate, initNetwork, type Network, registry } from '@deepnets/core';
import { activationPattern, regions1d, regions2d } from '@deepnets/regions';
import { lossAndGradient, train, useTrainerPlugin } from '@deepnets/trainer';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkerboard, examplePlugin, twoSidedRelu } from './index.ts';

beforeAll(() => {
  registry.use(examplePlugin);
  useTrainerPlugin(registry);
});

/** A shallow 1-D network with two-sided ReLU units; each unit bends at x where theta_d0 + theta_d1 x is 0 or 1. */
const shallow: Network = {
  activation: 'example/two-sided-relu',
  layers: [
    { weights: [[2], [-1.5], [1]], biases: [0.5, 0.2, -0.3] },
    { weights: [[1, 2, -1.5]], biases: [0.1] },
  ],
};

describe('deepnets-plugin-example', () => {
  it('registers through the public API, in any registry, and refuses a second copy by name', () => {
    const r = createRegistry([examplePlugin]);
    expect(r.names('activation')).toEqual(['example/two-sided-relu']);
    expect(r.ownerOf('dataset', 'example/checkerboard')).toBe('deepnets-plugin-example');
    expect(() => r.use({ name: examplePlugin.name })).toThrow(/registered twice/);
  });

  it('declares pieces that match a[z] = max(0, z) - max(0, z - 1) / 2', () => {
    for (let z = -3; z <= 3; z += 0.125) {
      expect(twoSidedRelu.f(z)).toBeCloseTo(Math.max(0, z) - Math.max(0, z - 1) / 2, 14);
    }
  });

  it('is analysed exactly by @deepnets/regions: 2 bends per unit in 1-D', () => {
    // Closed form: unit d switches piece at x = (b - theta_d0) / theta_d1 for b in {0, 1}.
    const expected = new Set<number>();
    for (const layer0 of [shallow.layers[0]!]) {
      layer0.weights.forEach(([slope], d) => {
        for (const b of [0, 1]) {
          const x = (b - layer0.biases[d]!) / slope!;
          if (x > -2 && x < 2) expected.add(x);
        }
      });
    }
    const r = regions1d(shallow, { domain: [-2, 2] });
    expect(r.activationRegions).toBe(expected.size + 1);
    expect(Array.from(r.breakpoints).sort((a, b) => a - b)).toEqual(
      [...expected].sort((a, b) => a - b).map((x) => expect.closeTo(x, 12)),
    );
  });

  it('counts 2-D regions that a dense sampler of activation patterns confirms', () => {
    const net = initNetwork([2, 4, 1], {
      init: 'he-normal',
      rng: createRng(3),
      activation: 'example/two-sided-relu',
      biases: 0.3,
    });
    const exact = regions2d(net, { box: [-1, 1, -1, 1] });
    const seen = new Set<string>();
    const n = 300;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        seen.add(activationPattern(net, [-1 + (2 * i) / n, -1 + (2 * j) / n]).join(','));
      }
    }
    // Every pattern the sampler sees is one of the exact regions, and it finds them all here.
    expect(seen.size).toBeLessThanOrEqual(exact.activationRegions);
    expect(seen.size).toBeGreaterThanOrEqual(exact.activationRegions - 1);
  });

  it('trains: gradients match finite differences and training on the checkerboard lowers the loss', async () => {
    const net = initNetwork([2, 8, 2], {
      init: 'he-normal',
      rng: createRng(7),
      activation: 'example/two-sided-relu',
      biases: 0.1,
    });
    const xs = [
      [0.3, -0.2],
      [-0.7, 0.4],
      [0.9, 0.8],
    ];
    const targets = [[1], [0], [1]];
    const { loss, gradient } = lossAndGradient(net, xs, targets, 'softmax-cross-entropy');
    const h = 1e-6;
    const w = net.layers[0]!.weights[2]!;
    w[1]! += h;
    const up = lossAndGradient(net, xs, targets, 'softmax-cross-entropy').loss;
    w[1]! -= h;
    expect((up - loss) / h).toBeCloseTo(gradient.layers[0]!.weights[2]![1]!, 4);

    const data = checkerboard.generate({ cells: 2, samples: 200, testSamples: 0, seed: 1 });
    const losses: number[] = [];
    const result = await train({
      network: initNetwork([2, 16, 16, 2], {
        init: 'he-normal',
        rng: createRng(1),
        activation: 'example/two-sided-relu',
      }),
      data,
      optimizer: 'adam',
      learningRate: 0.01,
      epochs: 60,
      onEpoch: (m) => losses.push(m.loss),
    });
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.8);
    expect(result.network.activation).toBe('example/two-sided-relu');
    expect(evaluate(result.network, [0.5, 0.5])).toHaveLength(2);
  });

  it('checkerboard labels are the colour of the cell (checked point by point)', () => {
    const d = checkerboard.generate({ cells: 4, samples: 500, testSamples: 0, seed: 5 });
    for (let i = 0; i < d.train.count; i++) {
      const x0 = d.train.x[2 * i]!;
      const x1 = d.train.x[2 * i + 1]!;
      const colour = (Math.floor((x0 + 1) * 2) + Math.floor((x1 + 1) * 2)) % 2;
      expect(d.train.y[i]).toBe(colour);
    }
    expect(() => checkerboard.generate({ cells: 0 })).toThrow('option "cells" must be a whole number >= 1');
  });
});
