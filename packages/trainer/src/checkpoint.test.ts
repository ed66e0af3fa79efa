import { initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_FORMAT, checkpointToJson, parseCheckpoint } from './checkpoint.ts';
import { createSamples } from './datasets/samples.ts';
import { train } from './train.ts';

describe('checkpoint format deepnets.checkpoint/v1', async () => {
  const data = createSamples(4, 1, 1);
  data.x.set([0, 1, 2, 3]);
  data.y.set([1, 0, 1, 0]);
  const network = initNetwork([1, 3, 1], { init: 'he-normal', rng: 1 });
  const { checkpoint } = await train({
    network,
    data,
    loss: 'least-squares',
    optimizer: 'adam',
    learningRate: 0.1,
    epochs: 3,
  });

  it('round-trips through JSON exactly', () => {
    const text = checkpointToJson(checkpoint);
    expect(JSON.parse(text).format).toBe(CHECKPOINT_FORMAT);
    expect(parseCheckpoint(text)).toEqual(checkpoint);
    expect(Object.keys(checkpoint.optimizer.buffers)).toEqual(['m', 'v']);
    expect([checkpoint.epoch, checkpoint.step, checkpoint.optimizer.step]).toEqual([3, 3, 3]);
  });

  it('names what is wrong', () => {
    const broken = (patch: object) => JSON.stringify({ ...checkpoint, ...patch });
    expect(() => parseCheckpoint('{')).toThrow(/checkpoint: not JSON/);
    expect(() => parseCheckpoint(broken({ format: 'deepnets.checkpoint/v0' }))).toThrow(/checkpoint\.format/);
    expect(() => parseCheckpoint(broken({ epoch: -1 }))).toThrow(/checkpoint\.epoch/);
    expect(() =>
      parseCheckpoint(broken({ optimizer: { ...checkpoint.optimizer, buffers: { m: [1, 2] } } })),
    ).toThrow(/checkpoint\.optimizer\.buffers\.m: must hold 10 finite numbers/);
    expect(() => parseCheckpoint(broken({ rng: { algorithm: 'mt19937', s: [1, 2, 3, 4] } }))).toThrow(
      /checkpoint\.rng/,
    );
    expect(() => parseCheckpoint(broken({ network: { ...checkpoint.network, activation: 'nope' } }))).toThrow(
      /nope/,
    );
  });
});
