/**
 * The playground's state, its defaults, its URL schema and the pure values derived from it (the
 * data's box, the decision map's probabilities). No DOM: everything here runs in Node.
 */
import { DeepnetsError, evaluateBatch, initNetwork, type Network, type Registry } from '@deepnets/core';
import type { Regions2DSource } from '../kit/regions-source.ts';
import type { TrainFunction } from '../kit/worker-services.ts';
import type { DrawnPoint } from './drawn-data.ts';
import { type PlaygroundDataset, parseHidden } from './menus.ts';
import type { PlaygroundWorker } from './sources.ts';
import type { PlaygroundUrl } from './state-url.ts';

export const LEARNING_RATES = ['0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1'] as const;

export interface PlaygroundOptions {
  /**
   * The worker to train in: a runner's `api` (`(await createRunner(...)).api`). It trains, counts
   * regions off the main thread, and supplies the trainer's data sets and optimizers (and those of
   * plugins registered in the worker), so the playground needs no call on the page. Without it
   * (and without `train`) Train is disabled and a notice says why.
   */
  worker?: PlaygroundWorker;
  /** Trains a network; overrides `worker.train`. */
  train?: TrainFunction;
  /** Exact 2-D regions; `worker.regions2d`, else `@deepnets/regions` on this thread. */
  regions2d?: Regions2DSource;
  /** Registry the menus read (core's default one). Networks are evaluated with core's default. */
  registry?: Registry;
  dataset?: string;
  activation?: string;
  optimizer?: string;
  /** Hidden widths, e.g. [8, 8]. */
  hidden?: readonly number[];
  learningRate?: number;
  /** Epochs per press of Train (3000). */
  epochs?: number;
  /** Seed of the initial weights (Reset draws the next seed). */
  seed?: number;
  /** Send the network back every this many epochs (for the heat map and regions). */
  checkpointEvery?: number;
  /** Stop Train when the training accuracy or loss reaches a target (none by default). */
  stopAt?: StopAt;
  /** Fraction of the examples held out for validation (0 by default). */
  validation?: number;
  /** At most one heat-map and region update per this many milliseconds while training. */
  redrawEveryMs?: number;
  /** Optimizers offered when neither the worker nor the page's registry lists any. */
  fallbackOptimizers?: readonly string[];
  /** With a prefix, the settings are read from and written to the page URL (`pg.dataset=...`). */
  urlPrefix?: string;
}

export interface PlaygroundPoint {
  epoch: number;
  loss: number;
  accuracy: number | undefined;
  /** Loss and accuracy on the held-out validation examples (with a validation split). */
  validationLoss?: number;
  validationAccuracy?: number;
}

/** Train stops once the training accuracy (a fraction) or loss reaches `value`; 'none' runs every epoch. */
export interface StopAt {
  kind: 'none' | 'accuracy' | 'loss';
  value: number;
}

/** The usual target of each stop condition (a fraction for accuracy). */
export const STOP_TARGETS = { accuracy: 0.95, loss: 0.05 } as const;

/** The validation fractions offered (0: no split). */
export const VALIDATION_SPLITS = [0, 0.1, 0.2, 0.3] as const;

export type PlaygroundStatus = 'idle' | 'training' | 'paused' | 'error';

/** Where the data set comes from: the menu (worker or plugins), a CSV file, drawn points, the toy function. */
export type DataSource = 'menu' | 'csv' | 'drawn' | 'function';

export interface PlaygroundState {
  dataset: string;
  activation: string;
  optimizer: string;
  hidden: number[];
  learningRate: number;
  source: DataSource;
  stopAt: StopAt;
  validation: number;
  /** Why the last run ended early ("training accuracy reached 95%"), if it did. */
  stopped: string | undefined;
  /** The drawn points (source 'drawn'). */
  points: DrawnPoint[];
  status: PlaygroundStatus;
  epoch: number;
  history: PlaygroundPoint[];
  network: Network | undefined;
  /** Exact linear regions on the data's box (piecewise-linear activations only). */
  regions: number | undefined;
  /** The network the region count belongs to. */
  regionsNetwork: Network | undefined;
  box: [number, number, number, number];
  menus: { datasets: string[]; activations: string[]; optimizers: string[] };
  error: string | undefined;
}

/**
 * The state before any data set is made: the URL's settings, else the options', else the defaults
 * (relu, adam, 8,8, 0.03).
 */
export function initialState(options: PlaygroundOptions, url: Partial<PlaygroundUrl> = {}): PlaygroundState {
  return {
    dataset: '',
    activation: url.activation ?? options.activation ?? 'relu',
    optimizer: url.optimizer ?? options.optimizer ?? 'adam',
    hidden: [...(url.hidden ?? options.hidden ?? [8, 8])],
    learningRate: url.learningRate ?? options.learningRate ?? 0.03,
    source: 'menu',
    stopAt: { ...(url.stopAt ?? options.stopAt ?? { kind: 'none', value: 1 }) },
    validation: url.validation ?? options.validation ?? 0,
    stopped: undefined,
    points: url.points ?? [],
    status: 'idle',
    epoch: 0,
    history: [],
    network: undefined,
    regions: undefined,
    regionsNetwork: undefined,
    box: [-1, 1, -1, 1],
    menus: { datasets: [], activations: [], optimizers: [] },
    error: undefined,
  };
}

/** The settings that `update(partial)` changes. */
export function settingsOf(partial: Partial<PlaygroundOptions>): Partial<PlaygroundState> {
  const p: Partial<PlaygroundState> = {};
  if (partial.hidden) p.hidden = [...partial.hidden];
  if (partial.activation) p.activation = partial.activation;
  if (partial.optimizer) p.optimizer = partial.optimizer;
  if (partial.learningRate) p.learningRate = partial.learningRate;
  if (partial.stopAt) p.stopAt = { ...partial.stopAt };
  if (partial.validation !== undefined) p.validation = partial.validation;
  return p;
}

/** [x0, x1, y0, y1] around the training samples, padded by 10%. */
export function boxOf(d: PlaygroundDataset): [number, number, number, number] {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  const x = d.train.x;
  for (let i = 0; i < d.train.count; i++) {
    const a = x[2 * i] as number;
    const b = x[2 * i + 1] as number;
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  if (!(x1 > x0)) [x0, x1] = [x0 - 1, x0 + 1];
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
  const px = 0.1 * (x1 - x0);
  const py = 0.1 * (y1 - y0);
  return [x0 - px, x1 + px, y0 - py, y1 + py];
}

/**
 * The value the decision map shows at each of `count` inputs `xs` (x1, x2 pairs): for 1 output the
 * logistic sigmoid of y, for 2 the softmax probability of class 1, for more the winning class
 * over (outputs - 1), all in [0, 1].
 */
export function classProbabilities(
  net: Network,
  xs: Float64Array,
  count: number,
  outputs: number,
): Float64Array {
  const y = evaluateBatch(net, xs, count);
  const v = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    if (outputs === 1) {
      v[p] = 1 / (1 + Math.exp(-(y[p] as number)));
      continue;
    }
    if (outputs === 2) {
      v[p] = 1 / (1 + Math.exp((y[p * 2] as number) - (y[p * 2 + 1] as number)));
      continue;
    }
    let best = 0;
    let max = -Infinity;
    for (let o = 0; o < outputs; o++) {
      const z = y[p * outputs + o] as number;
      if (z > max) [max, best] = [z, o];
    }
    v[p] = best / (outputs - 1);
  }
  return v;
}

/** A He-initialised network 2 -> hidden -> outputs for `state`'s settings, or why there is none. */
export function freshNetwork(
  state: PlaygroundState,
  dataset: PlaygroundDataset | undefined,
  seed: number,
): { network?: Network; error?: string } {
  if (!dataset || !state.activation) return {};
  try {
    const network = initNetwork([2, ...state.hidden, dataset.outputs], {
      init: 'he-normal',
      rng: seed,
      activation: state.activation,
    });
    return { network };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The hidden widths of `net` (D_1 .. D_K). */
export const hiddenWidths = (net: Network): number[] => net.layers.slice(0, -1).map((l) => l.weights.length);

/**
 * Refuses (OUT_OF_RANGE) a network the playground cannot show: it needs 2 inputs, `outputs`
 * outputs (the data set's), and hidden widths the widths field accepts.
 */
export function checkPlayableNetwork(net: Network, outputs: number | undefined): void {
  const inputs = net.layers[0]?.weights[0]?.length ?? 0;
  const last = net.layers[net.layers.length - 1]?.weights.length ?? 0;
  if (inputs !== 2) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `the playground draws networks with 2 inputs; this one has ${inputs}`,
      'layers[0].weights',
    );
  }
  if (outputs !== undefined && last !== outputs) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `the data set needs ${outputs} output${outputs === 1 ? '' : 's'}; this network has ${last}`,
      `layers[${net.layers.length - 1}].weights`,
    );
  }
  const widths = hiddenWidths(net);
  try {
    parseHidden(widths.join(','));
  } catch (e) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `${(e as Error).message}; this network has ${widths.join(',') || 'none'}`,
      'layers',
    );
  }
}

/** [lo, hi] of a regression data set's targets (lo < hi). */
export function targetRange(d: PlaygroundDataset): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < d.train.count; i++) {
    const v = d.train.y[i * d.train.targetWidth] as number;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi > lo ? [lo, hi] : [lo - 1, lo + 1];
}

/**
 * What the decision map shows at `count` inputs `xs`, in [0, 1]: class probabilities
 * (`classProbabilities`) for classification, the output y scaled from the targets' range for
 * regression.
 */
export function mapValues(net: Network, xs: Float64Array, count: number, d: PlaygroundDataset): Float64Array {
  if (d.task !== 'regression') return classProbabilities(net, xs, count, d.outputs);
  const [lo, hi] = targetRange(d);
  return evaluateBatch(net, xs, count).map((y) => Math.min(1, Math.max(0, (y - lo) / (hi - lo))));
}
