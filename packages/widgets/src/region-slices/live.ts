/**
 * The scaled-down live run of the region-slices widget: the chosen model (He init, seed 1) trained
 * by full-batch gradient descent on `examples` MNIST-1D training examples (the three plane
 * examples among them) with the chosen labels, in a worker, until 100% training accuracy or
 * `maxEpochs`. Every `every` epochs the network comes back and training waits until its plane is
 * drawn, so the reader sees every stage, however fast the training and slow the enumeration.
 */
import type { Network } from '@deepnets/core';
import type { TrainModel } from '../kit/worker-services.ts';
import { liveTrainingIndices, type RegionSlicesChoice } from './state.ts';

const HIDDEN: Record<string, number[]> = {
  '1x298': [298],
  '2x100': [100, 100],
  '3x75': [75, 75, 75],
  '4x63': [63, 63, 63, 63],
};

export interface LiveRun {
  data: { x: Float64Array; length: number; y: Record<'shuffle' | 'true', Int32Array> };
  choice: RegionSlicesChoice;
  settings: { examples: number; learningRate: number; maxEpochs: number; every: number };
  trainModel: TrainModel;
  signal: AbortSignal;
  onEpoch(epoch: number, trainError: number): void;
  /** Draws the plane of the network at `epoch`; training waits until the promise settles. */
  onNetwork(net: Network, epoch: number, note: string): Promise<void>;
  onStatus(text: string): void;
}

/** Runs the live training; resolves when it ends (done, capped, stopped or failed), never rejects. */
export async function runLive(run: LiveRun): Promise<void> {
  const { data, choice, settings, signal } = run;
  const indices = liveTrainingIndices(choice.examples, settings.examples);
  const L = data.length;
  const x = new Float64Array(indices.length * L);
  for (const [row, i] of indices.entries()) x.set(data.x.subarray(i * L, (i + 1) * L), row * L);
  const labels = data.y[choice.labels];
  const y = Float64Array.from(indices, (i) => labels[i] as number);
  const words = `${choice.model} on ${settings.examples} examples (${choice.labels === 'true' ? 'true' : 'shuffled'} labels), learning rate ${settings.learningRate}`;
  run.onStatus(
    `Training ${words} in a worker; it pauses every ${settings.every} epochs until the plane of that network is drawn…`,
  );
  const started = performance.now();
  try {
    const result = await run.trainModel({
      model: { name: choice.model, hidden: [...(HIDDEN[choice.model] ?? [])] },
      data: { count: indices.length, inputs: L, targetWidth: 1, x, y },
      maxEpochs: settings.maxEpochs,
      learningRate: settings.learningRate,
      curveEvery: settings.every,
      checkpointEvery: settings.every,
      kernel: 'wasm',
      signal,
      throttleMs: 100,
      onEpoch: (m) => run.onEpoch(m.epoch, 1 - (m.accuracy ?? 0)),
      onCheckpoint: (state) => {
        const error = state.curve.at(-1)?.trainError;
        const text = `Live run, epoch ${state.epoch}${error === undefined ? '' : `, train error ${(100 * error).toFixed(1)}%`}.`;
        return run.onNetwork(state.checkpoint.network, state.epoch, text);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    run.onStatus(
      result.epochsTo100 === null
        ? `Stopped at the cap of ${settings.maxEpochs} epochs after ${seconds} s without reaching 100% training accuracy (${words}).`
        : `Memorised: 100% training accuracy at epoch ${result.epochsTo100} after ${seconds} s (${words}). Move the slider to go back to the saved networks.`,
    );
  } catch (error) {
    run.onStatus(signal.aborted ? 'Live run stopped.' : `Live run failed: ${(error as Error).message}`);
  }
}
