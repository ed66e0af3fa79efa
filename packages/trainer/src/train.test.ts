import { AbortError, createRng, DeepnetsError, initNetwork, type Network } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { type Checkpoint, checkpointToJson, parseCheckpoint } from './checkpoint.ts';
import { TrainingController } from './controller.ts';
import { createSamples } from './datasets/samples.ts';
import { getDataset } from './plugin.ts';
import { train } from './train.ts';
import type { EpochMetrics, TrainOptions } from './train-types.ts';

/** y = 1.5 x0 - 0.5 x1 + 0.3 + noise on 40 points of [-1, 1]^2. */
function linearData() {
  const rng = createRng(3);
  const s = createSamples(40, 2, 1);
  for (let i = 0; i < 40; i++) {
    const x0 = 2 * rng.uniform() - 1;
    const x1 = 2 * rng.uniform() - 1;
    s.x.set([x0, x1], 2 * i);
    s.y[i] = 1.5 * x0 - 0.5 * x1 + 0.3 + 0.1 * rng.normal();
  }
  return s;
}

/** Ordinary least squares [w0, w1, b] from the normal equations A^T A p = A^T y (Gauss-Jordan). */
function ordinaryLeastSquares(s: ReturnType<typeof linearData>): number[] {
  const m = new Float64Array(12); // 3 x 4 augmented matrix [A^T A | A^T y], row-major
  for (let i = 0; i < s.count; i++) {
    const a = [s.x[2 * i] as number, s.x[2 * i + 1] as number, 1];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++)
        m[4 * r + c] = (m[4 * r + c] as number) + (a[r] as number) * (a[c] as number);
      m[4 * r + 3] = (m[4 * r + 3] as number) + (a[r] as number) * (s.y[i] as number);
    }
  }
  for (let p = 0; p < 3; p++) {
    const d = m[4 * p + p] as number;
    for (let c = 0; c < 4; c++) m[4 * p + c] = (m[4 * p + c] as number) / d;
    for (let r = 0; r < 3; r++) {
      if (r === p) continue;
      const f = m[4 * r + p] as number;
      for (let c = 0; c < 4; c++) m[4 * r + c] = (m[4 * r + c] as number) - f * (m[4 * p + c] as number);
    }
  }
  return [m[3] as number, m[7] as number, m[11] as number];
}

const meanSquaredError = (s: ReturnType<typeof linearData>, [w0, w1, b]: number[]): number => {
  let sum = 0;
  for (let i = 0; i < s.count; i++) {
    sum +=
      ((w0 as number) * (s.x[2 * i] as number) +
        (w1 as number) * (s.x[2 * i + 1] as number) +
        (b as number) -
        (s.y[i] as number)) **
      2;
  }
  return sum / s.count;
};

describe('train', () => {
  it('gradient descent on a linear model converges to the least-squares solution', async () => {
    const data = linearData();
    const network: Network = { activation: 'identity', layers: [{ weights: [[0, 0]], biases: [0] }] };
    const result = await train({ network, data, loss: 'least-squares', learningRate: 0.5, epochs: 300 });
    const ols = ordinaryLeastSquares(data);
    const layer = result.network.layers[0];
    expect(
      [layer?.weights[0]?.[0], layer?.weights[0]?.[1], layer?.biases[0]].map(
        (v, i) => (v as number) - (ols[i] as number),
      ),
    ).toEqual([expect.closeTo(0, 10), expect.closeTo(0, 10), expect.closeTo(0, 10)]);
    expect(result.history.at(-1)?.loss).toBeCloseTo(meanSquaredError(data, ols), 12);
  });

  it('a deep identity-activation network reaches the least-squares loss, deterministically', async () => {
    const data = linearData();
    const network = initNetwork([2, 3, 3, 1], { init: 'glorot-normal', rng: 4, activation: 'identity' });
    const options: TrainOptions = {
      network,
      data,
      loss: 'least-squares',
      optimizer: 'momentum',
      learningRate: 0.1,
      epochs: 400,
      batchSize: 'full',
    };
    const a = await train(options);
    const b = await train(options);
    expect(a.network).toEqual(b.network);
    // the network is an affine map; its minimum is the least-squares loss
    expect(a.history.at(-1)?.loss).toBeCloseTo(meanSquaredError(data, ordinaryLeastSquares(data)), 9);
  });

  it('fits a 2-D classification set with Adam on mini-batches', async () => {
    const data = getDataset('two-moons').generate({ samples: 200, seed: 1 });
    const network = initNetwork([2, 16, 16, 2], { init: 'he-normal', rng: 2 });
    const result = await train({
      network,
      data,
      optimizer: 'adam',
      learningRate: 0.01,
      epochs: 150,
      validation: 0.25,
    });
    const last = result.history.at(-1) as EpochMetrics;
    expect(last.accuracy).toBeGreaterThan(0.97);
    expect(last.validationAccuracy).toBeGreaterThan(0.95);
    expect(result.step).toBe(150 * Math.ceil(150 / 32));
  });

  const spiralRun = (extra: Partial<TrainOptions> = {}): TrainOptions => ({
    network: initNetwork([2, 8, 8, 3], { init: 'he-normal', rng: 5 }),
    data: getDataset('spiral').generate({ classes: 3, samples: 90, seed: 2 }),
    optimizer: 'adam',
    learningRate: 0.02,
    batchSize: 16,
    epochs: 12,
    validation: 0.2,
    seed: 9,
    ...extra,
  });

  it('stop + resume from a JSON checkpoint gives bit-identical weights', async () => {
    const uninterrupted = await train(spiralRun());
    const controller = new AbortController();
    let saved: Checkpoint | undefined;
    const stopped = train(
      spiralRun({
        signal: controller.signal,
        onEpoch: (m) => m.epoch === 5 && controller.abort(),
        onCheckpoint: (c) => {
          saved = c;
        },
      }),
    );
    await expect(stopped).rejects.toBeInstanceOf(AbortError);
    expect(saved?.epoch).toBe(5);
    const resumed = await train(
      spiralRun({ resume: parseCheckpoint(checkpointToJson(saved as Checkpoint)) }),
    );
    expect(resumed.network).toEqual(uninterrupted.network);
    expect(resumed.checkpoint).toEqual(uninterrupted.checkpoint);
    expect(resumed.history).toEqual(uninterrupted.history.slice(5));
  });

  it('abort rejects with AbortError before the next epoch, also from a timer', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = train(
      spiralRun({
        epochs: 1000,
        signal: controller.signal,
        onEpoch: (m) => {
          seen.push(m.epoch);
          if (m.epoch === 3) controller.abort();
        },
      }),
    );
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    expect(seen).toEqual([1, 2, 3]);
    const timed = new AbortController();
    setTimeout(() => timed.abort(), 20);
    await expect(train(spiralRun({ epochs: 1e9, signal: timed.signal }))).rejects.toBeInstanceOf(AbortError);
  });

  it('pause holds training between epochs; resume finishes with the same result', async () => {
    const controller = new TrainingController();
    const seen: number[] = [];
    const run = train(
      spiralRun({
        controller,
        onEpoch: (m) => {
          seen.push(m.epoch);
          if (m.epoch === 2) controller.pause();
        },
      }),
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual([1, 2]);
    expect(controller.paused).toBe(true);
    controller.resume();
    expect((await run).network).toEqual((await train(spiralRun())).network);
    expect(seen).toHaveLength(12);
  });

  it('stops on a non-finite loss, naming the epoch and the learning rate', async () => {
    const data = linearData();
    const network: Network = { activation: 'identity', layers: [{ weights: [[1, 1]], biases: [0] }] };
    let epochs = 0;
    const error = await train({
      network,
      data,
      loss: 'least-squares',
      learningRate: 1e6,
      epochs: 1000,
      onEpoch: () => epochs++,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(DeepnetsError);
    expect(error.code).toBe('TRAINING_DIVERGED');
    expect(error.epoch).toBe(epochs + 1);
    expect(error.message).toContain(`epoch ${epochs + 1}`);
    expect(error.message).toContain('learning rate 1000000');
  });

  it('counts steps, follows a step schedule and stops early on request', async () => {
    const lrs: number[] = [];
    const limited = await train(
      spiralRun({
        validation: 0,
        epochs: undefined,
        steps: 10,
        batchSize: 30,
        schedule: { type: 'step', every: 2, factor: 0.5 },
        onEpoch: (m) => lrs.push(m.learningRate),
      }),
    );
    expect([limited.step, limited.epoch, limited.stoppedBy]).toEqual([10, 4, 'steps']); // 90 examples: 3 steps per epoch, the 4th epoch is cut after 1
    expect(lrs).toEqual([0.02, 0.02, 0.01, 0.01]);
    const early = await train(spiralRun({ stopWhen: (m) => m.epoch === 4 }));
    expect([early.epoch, early.stoppedBy]).toEqual([4, 'stopWhen']);
  });

  it('rejects bad options naming them', async () => {
    const data = linearData();
    const network = initNetwork([3, 1], { init: 'he-normal', rng: 1 });
    await expect(
      train({ network, data, loss: 'least-squares', learningRate: 0.1, epochs: 1 }),
    ).rejects.toThrow(/data: has 2 inputs per example, the network takes 3/);
    await expect(
      train({
        network: initNetwork([2, 1], { init: 'he-normal', rng: 1 }),
        data,
        loss: 'least-squares',
        learningRate: 0.1,
      }),
    ).rejects.toThrow(/epochs/);
    await expect(
      train(spiralRun({ resume: { ...(await train(spiralRun({ epochs: 1 }))).checkpoint }, seed: 1 })),
    ).rejects.toThrow(/seed 9, not 1/);
    const { checkpoint } = await train(spiralRun({ epochs: 1 }));
    const noMoments = { ...checkpoint, optimizer: { ...checkpoint.optimizer, buffers: {} } };
    await expect(train(spiralRun({ resume: noMoments }))).rejects.toThrow(/resume\.optimizer\.buffers\.m/);
  });
});
