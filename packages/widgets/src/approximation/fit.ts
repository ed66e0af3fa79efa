/**
 * Shallow against deep at the same parameter budget. Deep: K hidden layers of width w,
 * 2w + (K - 1)(w^2 + w) + w + 1 parameters; shallow: the number of units D whose 3D + 1
 * parameters come closest. Both start He-initialised and are trained on the same samples of the
 * target by an injected `train` (the worker's), keeping the best of a few seeds.
 */
import { createRng, evaluateBatch, initNetwork, type Network, parametersForWidths } from '@deepnets/core';
import type { TrainFunction } from '../kit/worker-services.ts';

export interface Shapes {
  deep: number[];
  shallow: number[];
  deepParameters: number;
  shallowParameters: number;
}

/** Widths of the deep (K x w) and the shallow network with about as many parameters. */
export function shapesForBudget(layers: number, width: number): Shapes {
  const deep = [1, ...Array<number>(layers).fill(width), 1];
  const deepParameters = parametersForWidths(deep);
  const units = Math.max(1, Math.round((deepParameters - 1) / 3));
  const shallow = [1, units, 1];
  return { deep, shallow, deepParameters, shallowParameters: parametersForWidths(shallow) };
}

/** Samples of `f` on a grid of `count` points in [lo, hi], as trainer samples. */
export function gridSamples(f: (x: number) => number, [lo, hi]: readonly [number, number], count: number) {
  const x = Float64Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
  const y = Float64Array.from(x, f);
  return { count, inputs: 1, targetWidth: 1, x, y };
}

export interface FitResult {
  network: Network;
  /** Mean squared error on the samples after training. */
  loss: number;
  seed: number;
}

/** He-normal start with small positive biases (so joints spread over the interval). */
export function startNetwork(widths: readonly number[], seed: number): Network {
  const rng = createRng(seed);
  const net = initNetwork(widths, { init: 'he-normal', rng });
  for (const layer of net.layers.slice(0, -1)) {
    for (let i = 0; i < layer.biases.length; i++) layer.biases[i] = 0.5 * rng.normal();
  }
  return net;
}

/**
 * Trains `widths` from `seeds` starts (one after another) and keeps the lowest final loss. The
 * starts are He-normal (`startNetwork`) unless `o.start` builds them (e.g. near a construction).
 */
export async function fitBest(
  train: TrainFunction,
  widths: readonly number[],
  data: ReturnType<typeof gridSamples>,
  o: {
    seeds: readonly number[];
    epochs: number;
    learningRate: number;
    signal?: AbortSignal;
    start?: (seed: number) => Network;
  },
): Promise<FitResult> {
  let best: FitResult | undefined;
  for (const seed of o.seeds) {
    const result = await train({
      network: o.start ? o.start(seed) : startNetwork(widths, seed),
      data,
      loss: 'least-squares',
      optimizer: 'adam',
      learningRate: o.learningRate,
      epochs: o.epochs,
      batchSize: 'full',
      keepHistory: false,
      seed,
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const loss = meanSquaredError(result.network, data);
    if (!best || loss < best.loss) best = { network: result.network, loss, seed };
  }
  return best as FitResult;
}

/** Mean squared error of `network` on the samples. */
export function meanSquaredError(network: Network, data: ReturnType<typeof gridSamples>): number {
  const y = evaluateBatch(network, data.x, data.count);
  let sum = 0;
  for (let i = 0; i < data.count; i++) sum += ((y[i] as number) - (data.y[i] as number)) ** 2;
  return sum / data.count;
}

/** One budget of the sweep: errors of the shallow and the deep fit at deep width `width`. */
export interface SweepPoint {
  width: number;
  deepParameters: number;
  shallowParameters: number;
  deepLoss: number;
  shallowLoss: number;
}

/** Trains both shapes at every deep width w = 2..8 (K = `layers`), reporting each budget when done. */
export async function sweepBudgets(
  train: TrainFunction,
  o: { layers: number; seeds: readonly number[]; epochs: number; learningRate: number },
  data: ReturnType<typeof gridSamples>,
  signal: AbortSignal,
  onPoint: (point: SweepPoint) => void,
): Promise<void> {
  for (let w = 2; w <= 8; w++) {
    const shapes = shapesForBudget(o.layers, w);
    const fitOptions = { seeds: o.seeds, epochs: o.epochs, learningRate: o.learningRate, signal };
    const s = await fitBest(train, shapes.shallow, data, fitOptions);
    const d = await fitBest(train, shapes.deep, data, fitOptions);
    if (signal.aborted) return;
    const { deepParameters, shallowParameters } = shapes;
    onPoint({ width: w, deepParameters, shallowParameters, deepLoss: d.loss, shallowLoss: s.loss });
  }
}
