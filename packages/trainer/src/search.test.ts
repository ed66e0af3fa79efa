import { createRng, initNetwork, parametersForWidths } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { splitSamples } from './datasets/samples.ts';
import { getDataset } from './plugin.ts';
import { hyperparameterSearch, searchTrials } from './search.ts';
import { train } from './train.ts';

describe('hyper-parameter search', () => {
  it('grid search tries every (K, D, alpha) with equal widths', () => {
    const trials = searchTrials({ depth: [1, 2], width: [4, 8], learningRate: [0.1, 0.01] }, 'grid', 5);
    expect(trials.map((t) => [t.hidden, t.learningRate])).toEqual([
      [[4], 0.1],
      [[4], 0.01],
      [[8], 0.1],
      [[8], 0.01],
      [[4, 4], 0.1],
      [[4, 4], 0.01],
      [[8, 8], 0.1],
      [[8, 8], 0.01],
    ]);
    expect(trials.map((t) => t.seed)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('random search draws K, each D_k and a log-uniform alpha, reproducibly', () => {
    const space = { depth: [1, 2, 3], width: [3, 5, 7], learningRate: { min: 1e-4, max: 1e-1 } };
    const trials = searchTrials(space, { random: 200 }, 1);
    expect(searchTrials(space, { random: 200 }, 1)).toEqual(trials);
    for (const t of trials) {
      expect(space.depth).toContain(t.hidden.length);
      for (const d of t.hidden) expect(space.width).toContain(d);
      expect(t.learningRate).toBeGreaterThanOrEqual(1e-4);
      expect(t.learningRate).toBeLessThanOrEqual(1e-1);
    }
    // log-uniform: about half the draws below the geometric mean 10^-2.5
    const below = trials.filter((t) => t.learningRate < 10 ** -2.5).length;
    expect(below).toBeGreaterThan(70);
    expect(below).toBeLessThan(130);
    expect(new Set(trials.map((t) => t.hidden.join())).size).toBeGreaterThan(20); // widths vary per layer
  });

  it('runs trials through an injected runner and picks the lowest validation loss', async () => {
    const data = getDataset('gaussians').generate({ samples: 30 });
    const seen: number[] = [];
    const { rows, best } = await hyperparameterSearch({
      data,
      space: { depth: [1, 2, 3], width: [2, 6], learningRate: [0.1] },
      strategy: 'grid',
      training: { epochs: 1 },
      concurrency: 2,
      onTrial: (row) => seen.push(row.trial),
      // validation loss (K - 2)^2 + |D - 6|: minimal at K = 2, D = 6
      runTrial: async (spec) => ({
        trainLoss: 0,
        validationLoss: (spec.hidden.length - 2) ** 2 + Math.abs((spec.hidden[0] as number) - 6),
        epochs: 1,
      }),
    });
    expect(rows).toHaveLength(6);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(best.hidden).toEqual([6, 6]);
    expect(rows.map((r) => r.parameters)).toEqual(rows.map((r) => parametersForWidths([2, ...r.hidden, 3])));
  });

  it('in-process trials report what a direct training run gives', async () => {
    const data = getDataset('regression-1d').generate({ samples: 40, target: 'abs' });
    const training = { epochs: 20, optimizer: 'adam' } as const;
    const { rows } = await hyperparameterSearch({
      data,
      space: { depth: [1, 2], width: [5], learningRate: [0.01] },
      strategy: 'grid',
      training,
      seed: 3,
    });
    const [kept, held] = splitSamples(data.train, 0.2, createRng(3));
    for (const row of rows) {
      const network = initNetwork([1, ...row.hidden, 1], { init: 'he-normal', rng: row.seed });
      const direct = await train({
        ...training,
        network,
        data: kept,
        validation: held,
        loss: 'least-squares',
        learningRate: 0.01,
        seed: row.seed,
      });
      expect(row.validationLoss).toBe(direct.history.at(-1)?.validationLoss);
      expect(row.trainLoss).toBe(direct.history.at(-1)?.loss);
    }
  });

  it('rejects bad spaces and honours abort', async () => {
    expect(() => searchTrials({ depth: [], width: [4], learningRate: [0.1] }, 'grid')).toThrow(
      /space\.depth/,
    );
    expect(() => searchTrials({ depth: [1], width: [4.5], learningRate: [0.1] }, 'grid')).toThrow(
      /space\.width\[0\]/,
    );
    expect(() => searchTrials({ depth: [1], width: [4], learningRate: { min: 1, max: 2 } }, 'grid')).toThrow(
      /grid search needs a list/,
    );
    const controller = new AbortController();
    controller.abort();
    await expect(
      hyperparameterSearch({
        data: getDataset('xor').generate({ samples: 20 }),
        space: { depth: [1], width: [4], learningRate: [0.1] },
        strategy: 'grid',
        training: { epochs: 1 },
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
