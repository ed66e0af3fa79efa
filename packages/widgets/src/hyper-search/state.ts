/**
 * The hyper-parameter search widget's state, pure (Node-tested): the search space over the depth
 * K, the widths D_k and the learning rate alpha, the trials a grid or random strategy asks for,
 * the rows of the live table and how they sort, the best trial and the cost in epochs.
 */
import { createRng } from '@deepnets/core';
import type { TrialPlan, TrialRow } from '../kit/trials.ts';
import type { UrlSchema } from '../kit/url-state.ts';

/** The 2-D classification data sets the widget offers (the worker's built-in ones). */
export const SEARCH_DATASETS = ['two-moons', 'circles', 'xor', 'spiral', 'gaussians'] as const;
export type SearchDataset = (typeof SEARCH_DATASETS)[number];

export interface HyperSearchSettings {
  dataset: SearchDataset;
  strategy: 'grid' | 'random';
  /** Depths K to try (grid), or the range [min, max] drawn from (random). */
  depths: number[];
  /** Widths D to try (grid: D_1 = ... = D_K = D), or the range drawn from per layer (random). */
  widths: number[];
  /** Learning rates alpha (grid), or the range sampled log-uniformly (random). */
  learningRates: number[];
  /** Trials of a random search. */
  randomTrials: number;
  /** Epochs of full-batch gradient descent per trial. */
  epochs: number;
  /** Fraction of the examples held out for validation. */
  validation: number;
  seed: number;
}

export const DEFAULT_SETTINGS: HyperSearchSettings = {
  dataset: 'spiral',
  strategy: 'grid',
  depths: [1, 2],
  widths: [4, 8],
  learningRates: [0.1, 0.5],
  randomTrials: 8,
  epochs: 200,
  validation: 0.25,
  seed: 1,
};

/** Limits shared by the URL, the inputs and the planner. */
export const LIMITS = { depth: 6, width: 32, trials: 32, epochs: 2000, learningRate: 10 } as const;

export const URL_SCHEMA: UrlSchema = {
  data: { type: 'choice', values: SEARCH_DATASETS },
  strategy: { type: 'choice', values: ['grid', 'random'] },
  epochs: { type: 'integer', min: 10, max: LIMITS.epochs },
  trials: { type: 'integer', min: 1, max: LIMITS.trials },
};

/** Thrown for a search that cannot be planned; the message names the field. */
export class HyperSearchError extends Error {
  readonly code: 'BAD_LIST' | 'TOO_MANY_TRIALS';
  constructor(code: HyperSearchError['code'], message: string) {
    super(message.length > 200 ? `${message.slice(0, 199)}…` : message);
    this.code = code;
    this.name = 'HyperSearchError';
  }
}

/** Parses "1, 2, 4" into positive numbers (integers up to `max` when `integer`). */
export function parseList(text: string, field: string, integer: boolean, max: number): number[] {
  const items = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (items.length === 0) throw new HyperSearchError('BAD_LIST', `${field}: list at least one value`);
  return items.map((item, i) => {
    const v = Number(item);
    if (!(Number.isFinite(v) && v > 0 && v <= max && (!integer || Number.isInteger(v)))) {
      const kind = integer ? 'a whole number' : 'a number';
      throw new HyperSearchError(
        'BAD_LIST',
        `${field}, item ${i + 1} ("${item.slice(0, 12)}"): must be ${kind} in (0, ${max}]`,
      );
    }
    return v;
  });
}

/** The trials of a search: every (K, D, alpha) of the grid, or `randomTrials` random draws. */
export function planTrials(s: HyperSearchSettings): TrialPlan[] {
  const plans: TrialPlan[] = [];
  if (s.strategy === 'grid') {
    for (const k of s.depths)
      for (const d of s.widths)
        for (const lr of s.learningRates)
          plans.push({
            trial: plans.length,
            hidden: Array<number>(k).fill(d),
            learningRate: lr,
            seed: s.seed + plans.length,
          });
  } else {
    const rng = createRng(s.seed);
    const int = (lo: number, hi: number) => lo + Math.floor(rng.uniform() * (hi - lo + 1));
    const [kLo, kHi] = [Math.min(...s.depths), Math.max(...s.depths)];
    const [dLo, dHi] = [Math.min(...s.widths), Math.max(...s.widths)];
    const [aLo, aHi] = [Math.log(Math.min(...s.learningRates)), Math.log(Math.max(...s.learningRates))];
    for (let t = 0; t < s.randomTrials; t++) {
      const k = int(kLo, kHi);
      const hidden = Array.from({ length: k }, () => int(dLo, dHi));
      const learningRate = Number(Math.exp(aLo + rng.uniform() * (aHi - aLo)).toPrecision(3));
      plans.push({ trial: t, hidden, learningRate, seed: s.seed + t });
    }
  }
  if (plans.length > LIMITS.trials) {
    throw new HyperSearchError(
      'TOO_MANY_TRIALS',
      `the grid has ${plans.length} trials; at most ${LIMITS.trials}`,
    );
  }
  return plans;
}

export type SortKey =
  | 'trial'
  | 'depth'
  | 'parameters'
  | 'learningRate'
  | 'trainLoss'
  | 'validationLoss'
  | 'validationAccuracy';

const keyOf = (row: TrialRow, key: SortKey): number =>
  key === 'depth' ? row.hidden.length : ((row[key] as number | undefined) ?? Number.NaN);

/** Rows sorted by `key` (missing values last, ties by trial number). */
export function sortRows(rows: readonly TrialRow[], key: SortKey, ascending: boolean): TrialRow[] {
  return [...rows].sort((a, b) => {
    const [x, y] = [keyOf(a, key), keyOf(b, key)];
    if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
    const d = Number.isNaN(x) ? 0 : ascending ? x - y : y - x;
    return d !== 0 ? d : a.trial - b.trial;
  });
}

/** The finished trial with the lowest validation loss (the search's choice), if any. */
export function bestRow(rows: readonly TrialRow[]): TrialRow | undefined {
  let best: TrialRow | undefined;
  for (const r of rows) {
    if (r.status !== 'done' || r.validationLoss === undefined || !Number.isFinite(r.validationLoss)) continue;
    if (!best || r.validationLoss < (best.validationLoss as number)) best = r;
  }
  return best;
}

/** The search's cost: planned trials x epochs, and the epochs trained so far. */
export function searchCost(rows: readonly TrialRow[], epochs: number): { planned: number; done: number } {
  return { planned: rows.length * epochs, done: rows.reduce((s, r) => s + r.epoch, 0) };
}
