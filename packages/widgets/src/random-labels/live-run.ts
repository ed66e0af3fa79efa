/**
 * The live run of the `random-labels` widget: MNIST-1D from the worker, then the four models of
 * Figure 20.2 trained in parallel (the worker pool), each until 100% training accuracy or the
 * epoch cap. Progress streams into the `live` entries; `onProgress` is called after each update.
 * A finished model keeps its trained network (the result's checkpoint), which the page exports.
 */

import type { Mnist1dSource, TrainModel } from '../kit/worker-services.ts';
import { FIGURE_20_2_MODELS } from './curves.ts';
import type { LiveModel, RandomLabelsOptions } from './state.ts';

export async function runLiveModels(
  o: RandomLabelsOptions & { mnist1d: Mnist1dSource; trainModel: TrainModel },
  live: LiveModel[],
  signal: AbortSignal,
  onProgress: () => void,
  onData: () => void,
): Promise<void> {
  const n = o.examples;
  const d = await o.mnist1d({
    seed: 42,
    ...(o.labels === 'shuffle' ? { randomLabels: { mode: 'shuffle' } } : {}),
  });
  if (signal.aborted) return;
  const L = d.length;
  const data = {
    count: n,
    inputs: L,
    targetWidth: 1,
    x: d.x.slice(0, n * L),
    y: Float64Array.from(d.y.subarray(0, n)),
  };
  const test = {
    count: d.yTest.length,
    inputs: L,
    targetWidth: 1,
    x: d.xTest,
    y: Float64Array.from(d.yTest),
  };
  onData();
  await Promise.all(
    FIGURE_20_2_MODELS.map(async (model, i) => {
      const entry = live[i] as LiveModel;
      const result = await o.trainModel({
        model: { name: model.name, hidden: [...model.hidden] },
        data,
        ...(o.labels === 'true' ? { test } : {}),
        maxEpochs: o.maxEpochs,
        learningRate: o.learningRate,
        curveEvery: 10,
        checkpointEvery: 1_000_000,
        ...(o.kernel ? { kernel: o.kernel } : {}),
        signal,
        throttleMs: 100,
        onEpoch: (m) => {
          entry.epoch = m.epoch;
          entry.trainError = 1 - (m.accuracy ?? 0);
          if (m.validationAccuracy !== undefined) entry.testError = 1 - m.validationAccuracy;
          entry.curve.push({
            epoch: m.epoch,
            trainError: entry.trainError,
            ...(entry.testError === undefined ? {} : { testError: entry.testError }),
          });
          if (entry.trainError === 0 && entry.epochsTo100 === null) entry.epochsTo100 = m.epoch;
          onProgress();
        },
      });
      entry.epoch = result.epoch;
      entry.epochsTo100 = result.epochsTo100;
      const last = result.curve.at(-1);
      if (last) {
        entry.trainError = last.trainError;
        if (last.testError !== undefined) entry.testError = last.testError;
      }
      entry.network = result.checkpoint.network;
      entry.done = true;
      onProgress();
    }),
  );
}
