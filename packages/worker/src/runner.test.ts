import { evaluateBatch, type Network } from '@deepnets/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner, type Runner } from './runner.ts';

// UDL notebook 4.1, network 1: theta = (0,-1), (0,1), (-0.67,1); phi = (1,-2,-3,9.3).
const network1: Network = {
  activation: 'relu',
  layers: [
    { weights: [[-1], [1], [1]], biases: [0, 0, -0.67] },
    { weights: [[-2, -3, 9.3]], biases: [1] },
  ],
};

describe('createRunner in Node (worker_threads)', () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await createRunner();
  });
  afterAll(async () => {
    await runner.terminate();
  });

  it('answers through comlink', async () => {
    expect(await runner.api.ping('hello')).toBe('hello');
  });

  it('evaluates a batch with the same numbers as the main thread', async () => {
    const xs = Float64Array.from({ length: 201 }, (_, i) => -1 + i / 100);
    const local = evaluateBatch(network1, xs, xs.length);
    const remote = await runner.api.evaluateBatch(network1, xs, xs.length);
    expect(remote).toBeInstanceOf(Float64Array);
    expect(Array.from(remote)).toEqual(Array.from(local));
  });
});
