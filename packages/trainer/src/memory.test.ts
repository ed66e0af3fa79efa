import { initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { createSamples } from './datasets/samples.ts';
import { checkTrainingMemory, DEFAULT_TRAINING_MEMORY_LIMIT, trainingMemoryBytes } from './memory.ts';
import { train } from './train.ts';

describe('training memory limit', () => {
  it('counts 8 bytes per value: (5 + buffers) P + 3 B sum D + data', () => {
    // widths 2-3-1: P = 3*3 + 4*1 = 13 parameters, sum D = 6 units.
    expect(trainingMemoryBytes([2, 3, 1], { optimizerBuffers: 2, batchSize: 4, dataValues: 10 })).toBe(
      8 * (7 * 13 + 3 * 4 * 6 + 10),
    );
  });

  it('refuses hidden widths 100000,100000 naming the size and the limit, before allocating', () => {
    expect(() => checkTrainingMemory([2, 100_000, 100_000, 2])).toThrow(
      /needs about 5\d{5} MiB, more than the limit of 2048 MiB/,
    );
    expect(DEFAULT_TRAINING_MEMORY_LIMIT).toBe(2 ** 31);
    expect(checkTrainingMemory([40, 63, 63, 63, 63, 10], { batchSize: 4000 })).toBeLessThan(2 ** 25);
  });

  it('train() checks the limit before it allocates phi (memoryLimit option)', async () => {
    const data = createSamples(4, 2, 1);
    const run = train({
      network: initNetwork([2, 64, 1], { init: 'he-normal', rng: 0 }),
      data,
      loss: 'least-squares',
      learningRate: 0.1,
      epochs: 1,
      memoryLimit: 1000,
    });
    await expect(run).rejects.toMatchObject({ code: 'TOO_LARGE', path: 'widths' });
  });
});
