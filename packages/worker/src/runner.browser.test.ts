import { evaluateBatch, type Network } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import DeepnetsWorker from './browser-worker.ts?worker';
import { createRunner } from './runner.ts';

const network1: Network = {
  activation: 'relu',
  layers: [
    { weights: [[-1], [1], [1]], biases: [0, 0, -0.67] },
    { weights: [[-2, -3, 9.3]], biases: [1] },
  ],
};

describe('createRunner in Chromium (module Web Worker)', () => {
  it('runs in a real Worker and matches the main thread bit for bit', async () => {
    expect(typeof window).toBe('object');
    const runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
    try {
      expect(await runner.api.ping('from chromium')).toBe('from chromium');
      const xs = Float64Array.from({ length: 401 }, (_, i) => -2 + i / 100);
      const local = evaluateBatch(network1, xs, xs.length);
      const remote = await runner.api.evaluateBatch(network1, xs, xs.length);
      expect(Array.from(remote)).toEqual(Array.from(local));
    } finally {
      await runner.terminate();
    }
  });
});
