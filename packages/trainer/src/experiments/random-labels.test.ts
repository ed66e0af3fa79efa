import { countParameters, createRng, initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { createSamples } from '../datasets/samples.ts';
import { createWasmKernel } from '../wasm/wasm-kernel.ts';
import {
  RANDOM_LABELS_MODELS,
  type RandomLabelsModelState,
  trainRandomLabelsModel,
} from './random-labels.ts';
import { randomLabelsSvg } from './random-labels-plot.ts';

/** 24 examples of 40 Gaussian inputs with uniformly random labels 0..9. */
function tinyData(seed: number) {
  const rng = createRng(seed);
  const data = createSamples(24, 40, 1);
  for (let i = 0; i < data.x.length; i++) data.x[i] = rng.normal();
  for (let i = 0; i < data.count; i++) data.y[i] = rng.int(10);
  return data;
}

describe('random-labels experiment', () => {
  it("has the four models of Figure 20.2 with the book's parameter counts", () => {
    const counts = RANDOM_LABELS_MODELS.map((m) =>
      countParameters(initNetwork([40, ...m.hidden, 10], { init: 'he-normal', rng: 1 })),
    );
    expect(counts).toEqual([15208, 15210, 15235, 15319]);
  });

  it('trains until every (random) label is fitted, recording the training error curve', async () => {
    const states: RandomLabelsModelState[] = [];
    const final = await trainRandomLabelsModel({
      model: { name: 'tiny', hidden: [32, 32] },
      data: tinyData(1),
      maxEpochs: 5000,
      learningRate: 0.02,
      curveEvery: 10,
      checkpointEvery: 50,
      kernel: createWasmKernel({ memoryBytes: 1 << 20 }),
      onCheckpoint: (s) => {
        states.push(s);
      },
    });
    expect(final.epochsTo100).not.toBeNull();
    expect(final.epoch).toBe(final.epochsTo100);
    expect(final.epoch).toBeLessThan(5000);
    expect(final.curve.at(-1)).toMatchObject({ epoch: final.epoch, trainError: 0 });
    expect(final.curve[0]?.epoch).toBe(1);
    expect(final.curve[0]?.trainError).toBeGreaterThan(0.5);
    const epochs = final.curve.map((p) => p.epoch);
    expect(epochs.slice(0, -1).every((e) => e === 1 || e % 10 === 0)).toBe(true);
    expect(final.kernel).toMatch(/^wasm-/);
    expect(states.at(-1)).toEqual(final);
  });

  it('a resumed run ends with the same weights and curve as an uninterrupted one', async () => {
    const options = {
      model: { name: 'tiny', hidden: [20] },
      data: tinyData(2),
      test: tinyData(3),
      learningRate: 0.01,
      curveEvery: 7,
      checkpointEvery: 30,
    };
    const whole = await trainRandomLabelsModel({ ...options, maxEpochs: 90, kernel: createWasmKernel() });
    let at60: RandomLabelsModelState | undefined;
    await trainRandomLabelsModel({
      ...options,
      maxEpochs: 60,
      kernel: createWasmKernel(),
      onCheckpoint: (s) => {
        if (s.epoch === 60) at60 = structuredClone(s);
      },
    });
    expect(at60?.epoch).toBe(60);
    const resumed = await trainRandomLabelsModel({
      ...options,
      maxEpochs: 90,
      kernel: createWasmKernel(),
      ...(at60 ? { resume: at60 } : {}),
    });
    expect(whole.epochsTo100).toBeNull();
    expect(resumed.checkpoint.network).toEqual(whole.checkpoint.network);
    expect(resumed.curve.map((p) => p.epoch)).toEqual(whole.curve.map((p) => p.epoch));
    expect(resumed.curve).toEqual(whole.curve);
    expect(whole.curve.every((p) => p.testError !== undefined)).toBe(true);
  });

  it('draws train error curves (and dashed test error) as SVG', () => {
    const svg = randomLabelsSvg(
      [
        {
          name: 'a',
          curve: [
            { epoch: 1, loss: 2, trainError: 0.9, testError: 0.9 },
            { epoch: 1000, loss: 0.1, trainError: 0 },
          ],
        },
        { name: 'b', curve: [{ epoch: 1, loss: 2, trainError: 0.8 }] },
      ],
      'title',
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<path d="M/g)?.length).toBe(4); // axes, a train, a test, b train
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('1,000');
  });
});

describe('random-labels experiment, stopped between checkpoints', () => {
  it('resumes to the curve of an uninterrupted run (the stop epoch is not kept)', async () => {
    const options = {
      model: { name: 'tiny', hidden: [12] },
      data: tinyData(4),
      learningRate: 0.01,
      curveEvery: 4,
      checkpointEvery: 10,
      maxEpochs: 30,
    };
    const whole = await trainRandomLabelsModel({ ...options, kernel: createWasmKernel() });
    const controller = new AbortController();
    let stopped: RandomLabelsModelState | undefined;
    await expect(
      trainRandomLabelsModel({
        ...options,
        kernel: createWasmKernel(),
        signal: controller.signal,
        onEpoch: (m) => m.epoch === 13 && controller.abort(),
        onCheckpoint: (s) => {
          stopped = structuredClone(s);
        },
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    expect(stopped?.curve.at(-1)?.epoch).toBe(13);
    const resumed = await trainRandomLabelsModel({
      ...options,
      kernel: createWasmKernel(),
      resume: stopped as RandomLabelsModelState,
    });
    expect(resumed.curve).toEqual(whole.curve);
    expect(resumed.checkpoint.network).toEqual(whole.checkpoint.network);
  });
});
