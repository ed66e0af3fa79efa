import { initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from './checkpoint.ts';
import { createSamples } from './datasets/samples.ts';
import { DIVERGENCE_FACTOR, firstNonFinite, TrainingDivergedError } from './diverged.ts';
import { getDataset } from './plugin.ts';
import { train } from './train.ts';

const spiral = () => getDataset('spiral').generate({ seed: 1 });
const regression = () => getDataset('regression-1d').generate({ seed: 1 });

describe('divergence stops training with TRAINING_DIVERGED', () => {
  it('a learning rate of 1e6 with Adam (finite but exploding loss) is refused', async () => {
    const data = regression();
    const run = train({
      network: initNetwork([1, 16, 16, 1], { init: 'he-normal', rng: 0 }),
      data,
      optimizer: 'adam',
      learningRate: 1e6,
      epochs: 20,
    });
    await expect(run).rejects.toBeInstanceOf(TrainingDivergedError);
    await expect(run).rejects.toMatchObject({ code: 'TRAINING_DIVERGED' });
    await expect(run).rejects.toThrow(new RegExp(`more than ${DIVERGENCE_FACTOR} times`));
  });

  it('gradient descent whose weights overflow never hands out a non-finite checkpoint', async () => {
    const saved: Checkpoint[] = [];
    const run = train({
      network: initNetwork([2, 8, 2], { init: 'he-normal', rng: 0 }),
      data: spiral(),
      optimizer: 'gd',
      batchSize: 'full',
      learningRate: 1e300,
      epochs: 3,
      checkpointEvery: 1,
      onCheckpoint: (c) => {
        saved.push(c);
      },
    });
    await expect(run).rejects.toThrow(/training diverged in epoch [12] /);
    const values = saved.flatMap((c) => c.network.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]));
    expect(firstNonFinite(values)).toBe(-1);
    expect(saved.length).toBeLessThanOrEqual(1);
  });

  it('a sensible learning rate does not trip the check (loss may rise a little first)', async () => {
    const result = await train({
      network: initNetwork([2, 16, 16, 2], { init: 'he-normal', rng: 0 }),
      data: spiral(),
      optimizer: 'adam',
      learningRate: 1,
      epochs: 20,
    });
    expect(result.epoch).toBe(20);
    expect(firstNonFinite(result.checkpoint.optimizer.buffers['m'] ?? [])).toBe(-1);
  });

  it('a parameter that overflows in an update stops the epoch before its checkpoint', async () => {
    const data = createSamples(8, 1, 1);
    for (let i = 0; i < 8; i++) {
      data.x[i] = i / 8;
      data.y[i] = 1e10; // gradients of about 1e10: alpha * gradient overflows to Infinity
    }
    const saved: Checkpoint[] = [];
    const run = train({
      network: initNetwork([1, 4, 1], { init: 'he-normal', rng: 0 }),
      data,
      loss: 'least-squares',
      optimizer: 'gd',
      batchSize: 'full',
      learningRate: 1e300,
      epochs: 3,
      checkpointEvery: 1,
      onCheckpoint: (c) => {
        saved.push(c);
      },
    });
    await expect(run).rejects.toThrow(/epoch 1 \(step 1\): parameter \d+ of phi is (-?Infinity|NaN)/);
    expect(saved).toEqual([]);
  });

  it('firstNonFinite finds NaN and both infinities', () => {
    expect(firstNonFinite([1, 2, 3])).toBe(-1);
    expect(firstNonFinite(new Float32Array([0, Number.NaN]))).toBe(1);
    expect(firstNonFinite([Number.NEGATIVE_INFINITY])).toBe(0);
    expect(firstNonFinite([0, 1e308 * 10])).toBe(1);
  });
});
