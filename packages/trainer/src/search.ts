/**
 * Hyper-parameter search (lecture, "Hyperparameters"): the depth K and the widths D_k are chosen
 * before training, so try several and keep the one with the lowest validation loss.
 *
 * Grid search tries every (K, D, alpha) with equal widths D_1 = ... = D_K = D; random search
 * draws K, each D_k and alpha independently. Every trial sees the same train/validation split.
 * Trials run through `runTrial` (in this thread by default), so a worker pool can run them.
 */
import { AbortError, createRng, DeepnetsError, parametersForWidths, type Rng } from '@deepnets/core';
import { splitSamples } from './datasets/samples.ts';
import type { Dataset, Samples } from './datasets/types.ts';
import { defaultLossName } from './losses.ts';
import {
  createTrialRunner,
  type TrialResult,
  type TrialRunner,
  type TrialSettings,
  type TrialSpec,
} from './trial.ts';

export interface SearchSpace {
  /** Numbers of hidden layers K to try. */
  depth: readonly number[];
  /** Hidden widths D_k to try. */
  width: readonly number[];
  /** Learning rates alpha to try, or (random search only) a range sampled log-uniformly. */
  learningRate: readonly number[] | { min: number; max: number };
}

export interface SearchOptions extends TrialSettings {
  /** The examples (a data set's `train` part); a `validation` fraction of them is held out. */
  data: Samples | Dataset;
  /** Fraction of `data` held out for validation (0.2 by default), or separate validation samples. */
  validation?: number | Samples;
  space: SearchSpace;
  /** `"grid"` or `{ random: numberOfTrials }`. */
  strategy: 'grid' | { random: number };
  /** Seed of the split, of random search and (plus the trial index) of each network's init. */
  seed?: number;
  /** Runs one trial; in this thread by default (see `createTrialRunner`). */
  runTrial?: TrialRunner;
  /** Trials in flight at once (1 by default; more only helps with an off-thread `runTrial`). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called with each finished row, in completion order. */
  onTrial?: (row: SearchRow) => void;
}

/** One row of the results table. */
export interface SearchRow extends TrialSpec, TrialResult {
  /** K, the number of hidden layers. */
  depth: number;
  /** Number of parameters of the network. */
  parameters: number;
  /** Wall-clock time of the trial. */
  ms: number;
}

export interface SearchResult {
  /** One row per trial, in trial order. */
  rows: SearchRow[];
  /** The row with the lowest validation loss. */
  best: SearchRow;
}

const bad = (message: string, path: string) => new DeepnetsError('OUT_OF_RANGE', message, path);

function checkList(values: readonly number[], path: string, integer: boolean): void {
  if (values.length === 0) throw bad('must list at least one value', path);
  values.forEach((v, i) => {
    if (!(Number.isFinite(v) && v > 0 && (!integer || Number.isInteger(v)))) {
      throw bad(`must be a positive ${integer ? 'integer' : 'number'}, got ${v}`, `${path}[${i}]`);
    }
  });
}

/** The trials (without data) that a strategy asks for. */
export function searchTrials(space: SearchSpace, strategy: SearchOptions['strategy'], seed = 0): TrialSpec[] {
  checkList(space.depth, 'space.depth', true);
  checkList(space.width, 'space.width', true);
  const lr = space.learningRate;
  if ('min' in lr) {
    if (!(lr.min > 0 && lr.max >= lr.min && Number.isFinite(lr.max))) {
      throw bad(`needs 0 < min <= max, got [${lr.min}, ${lr.max}]`, 'space.learningRate');
    }
  } else checkList(lr, 'space.learningRate', false);
  const specs: Omit<TrialSpec, 'trial' | 'seed'>[] = [];
  if (strategy === 'grid') {
    if ('min' in lr)
      throw bad('grid search needs a list of learning rates, not a range', 'space.learningRate');
    for (const k of space.depth) {
      for (const d of space.width)
        for (const a of lr) specs.push({ hidden: Array(k).fill(d), learningRate: a });
    }
  } else {
    if (!(Number.isInteger(strategy.random) && strategy.random >= 1)) {
      throw bad(`must be a positive integer, got ${strategy.random}`, 'strategy.random');
    }
    const rng = createRng(seed);
    const pick = <T>(r: Rng, list: readonly T[]): T => list[r.int(list.length)] as T;
    for (let t = 0; t < strategy.random; t++) {
      const k = pick(rng, space.depth);
      const hidden = Array.from({ length: k }, () => pick(rng, space.width));
      const learningRate =
        'min' in lr ? lr.min * (lr.max / lr.min) ** rng.uniform() : pick(rng, lr as readonly number[]);
      specs.push({ hidden, learningRate });
    }
  }
  return specs.map((s, trial) => ({ trial, seed: seed + trial, ...s }));
}

/** Runs a grid or random search and returns the results table and its best row. */
export async function hyperparameterSearch(options: SearchOptions): Promise<SearchResult> {
  const seed = options.seed ?? 0;
  const trials = searchTrials(options.space, options.strategy, seed);
  const all = 'train' in options.data ? options.data.train : options.data;
  const v = options.validation ?? 0.2;
  const [train, validation] =
    typeof v === 'number' ? splitSamples(all, v, createRng(seed), 'validation') : [all, v];
  if (validation.count === 0)
    throw bad('the validation set is empty; hold out a larger fraction', 'validation');
  const outputs = options.outputs ?? ('train' in options.data ? options.data.outputs : undefined);
  if (outputs === undefined) throw bad('give `outputs` (D_o) when `data` is plain samples', 'outputs');
  const dataset = 'train' in options.data ? options.data : null;
  const training = { ...(dataset ? { loss: defaultLossName(dataset.task) } : {}), ...options.training };
  const runTrial =
    options.runTrial ?? createTrialRunner(train, validation, { ...options, outputs, training });
  const concurrency = options.concurrency ?? 1;
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw bad(`must be a positive integer, got ${concurrency}`, 'concurrency');
  }
  const rows: SearchRow[] = [];
  let next = 0;
  const worker = async () => {
    while (next < trials.length) {
      if (options.signal?.aborted) throw new AbortError('the search was aborted');
      const spec = trials[next++] as TrialSpec;
      const t0 = performance.now();
      const result = await runTrial(spec, options.signal);
      const row: SearchRow = {
        ...spec,
        depth: spec.hidden.length,
        parameters: parametersForWidths([train.inputs, ...spec.hidden, outputs]),
        ...result,
        ms: performance.now() - t0,
      };
      rows[spec.trial] = row;
      options.onTrial?.(row);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, trials.length) }, worker));
  const best = rows.reduce((a, b) => (b.validationLoss < a.validationLoss ? b : a));
  return { rows, best };
}
