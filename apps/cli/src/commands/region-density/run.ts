/**
 * The training side of the region-density experiment: one model, one labelling, checkpoints at
 * the given epochs (epoch 0 = the He initialisation the random-labels experiment uses), each
 * measured on the reference and saved with a `deepnets.snapshot/v1` of the network. A state
 * file per model and labelling (the training checkpoint and the measured checkpoints) is
 * rewritten after each checkpoint, so a stopped run continues with `--resume`.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { initNetwork, type Network, type NetworkSnapshot, networkToSnapshot } from '@deepnets/core';
import {
  type ExperimentLabels,
  evaluateSamples,
  type Kernel,
  parseCheckpoint,
  type RandomLabelsModel,
  type RandomLabelsModelState,
  type Samples,
  trainRandomLabelsModel,
  type WasmKernel,
} from '@deepnets/trainer';
import { type Measurement, measure } from './measure.ts';
import type { Reference } from './reference.ts';

export interface MeasuredCheckpoint {
  epoch: number;
  /** Where the network comes from: trained here, or the memorised network of the random-labels run. */
  source: 'init' | 'trained' | 'memorised';
  trainError: number;
  testError: number;
  measurement: Measurement;
  /** Seconds spent measuring (regions only, not training). */
  seconds: number;
}

export interface ModelState {
  labels: ExperimentLabels;
  model: string;
  widths: number[];
  training: RandomLabelsModelState | null;
  checkpoints: MeasuredCheckpoint[];
  snapshots: { epoch: number; network: NetworkSnapshot }[];
}

let writes = 0;
/** Writes through a temporary file of its own (a stop never leaves half a file). */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${++writes}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, path);
}

export async function readModelState(path: string): Promise<ModelState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const state = JSON.parse(text) as ModelState;
  if (state.training) state.training.checkpoint = parseCheckpoint(state.training.checkpoint);
  return state;
}

export interface ModelRun {
  model: RandomLabelsModel;
  labels: ExperimentLabels;
  data: { train: Samples; test: Samples };
  reference: Reference;
  epochs: readonly number[];
  /** The memorised network of the random-labels run and its epoch, measured last. */
  memorised?: { epoch: number; network: Network };
  /**
   * A fresh kernel for each training segment (from one measured epoch to the next). A WebAssembly
   * kernel's arena never frees, and arrays past it are computed by the TypeScript reference, so a
   * kernel reused across segments would give other bits than a `--resume`d run (seen on 1x298).
   */
  newKernel: () => Kernel;
  seed: number;
  learningRate: number;
  statePath: string;
  resume: ModelState | null;
  signal?: AbortSignal;
  onCheckpoint: (state: ModelState, last: MeasuredCheckpoint) => void;
}

const errorOf = (net: Network, samples: Samples) =>
  1 - (evaluateSamples(net, samples, 'softmax-cross-entropy').accuracy as number);

/** Trains and measures one model at every epoch of `run.epochs` it has not measured yet. */
export async function runModel(run: ModelRun): Promise<ModelState> {
  const widths = [run.data.train.inputs, ...run.model.hidden, 10];
  const state: ModelState = run.resume ?? {
    labels: run.labels,
    model: run.model.name,
    widths,
    training: null,
    checkpoints: [],
    snapshots: [],
  };
  const done = new Set(state.checkpoints.map((c) => `${c.source}:${c.epoch}`));
  const record = async (epoch: number, source: MeasuredCheckpoint['source'], net: Network) => {
    if (done.has(`${source}:${epoch}`)) return;
    const t0 = performance.now();
    const measurement = measure(net, run.data, run.reference, run.signal);
    const checkpoint: MeasuredCheckpoint = {
      epoch,
      source,
      trainError: errorOf(net, run.data.train),
      testError: errorOf(net, run.data.test),
      measurement,
      seconds: Math.round(performance.now() - t0) / 1000,
    };
    state.checkpoints.push(checkpoint);
    state.snapshots.push({ epoch, network: networkToSnapshot(net) });
    done.add(`${source}:${epoch}`);
    await writeAtomic(run.statePath, JSON.stringify(state));
    run.onCheckpoint(state, checkpoint);
  };
  for (const epoch of run.epochs) {
    run.signal?.throwIfAborted();
    if (epoch === 0) {
      await record(
        0,
        'init',
        initNetwork(widths, { init: 'he-normal', biases: 'zero', rng: run.seed, activation: 'relu' }),
      );
      continue;
    }
    if (state.training && (state.training.epochsTo100 !== null || state.training.epoch >= epoch)) continue;
    const kernel = run.newKernel();
    state.training = await trainRandomLabelsModel({
      model: run.model,
      data: run.data.train,
      maxEpochs: epoch,
      kernel,
      seed: run.seed,
      learningRate: run.learningRate,
      curveEvery: 1_000_000_000,
      checkpointEvery: 1_000_000_000,
      ...(state.training ? { resume: state.training } : {}),
      ...(run.signal ? { signal: run.signal } : {}),
      // called only when stopped (and at the end): keeps the training done so far for --resume
      onCheckpoint: async (saved) => {
        state.training = { ...saved, curve: [] };
        await writeAtomic(run.statePath, JSON.stringify(state));
      },
    }).finally(() => (kernel as Partial<WasmKernel>).dispose?.());
    state.training.curve = [];
    await record(state.training.epoch, 'trained', state.training.checkpoint.network);
  }
  if (run.memorised) await record(run.memorised.epoch, 'memorised', run.memorised.network);
  return state;
}
