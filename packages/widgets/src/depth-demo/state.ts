/**
 * The depth demonstration's state, pure (Node-tested): plain ReLU networks of growing depth K
 * (width 8, He init, full-batch gradient descent, no residual connections or normalisation) on
 * one task, a few seeds each, and per depth how many runs trained (final training loss below half
 * the chance loss) and how many stayed at the chance loss ln 2 (a two-class softmax that learned
 * nothing).
 */
import type { TrialPlan, TrialRow } from '../kit/trials.ts';

export interface DepthDemoSettings {
  depths: number[];
  width: number;
  learningRate: number;
  epochs: number;
  seeds: number;
  dataset: 'two-moons';
}

export const DEFAULT_DEPTH_DEMO: DepthDemoSettings = {
  depths: [1, 2, 4, 8, 16, 24, 32, 48],
  width: 8,
  learningRate: 0.1,
  epochs: 300,
  seeds: 3,
  dataset: 'two-moons',
};

/** The loss of a two-class softmax that predicts 1/2 everywhere: ln 2. */
export const CHANCE_LOSS = Math.LN2;
/** A run "trained" when its final training loss fell below this (half the chance loss). */
export const TRAINED_LOSS = CHANCE_LOSS / 2;

/** One trial per (depth, seed): K hidden layers of `width` units. */
export function depthPlans(s: DepthDemoSettings): TrialPlan[] {
  const plans: TrialPlan[] = [];
  for (const k of s.depths)
    for (let seed = 0; seed < s.seeds; seed++) {
      plans.push({
        trial: plans.length,
        hidden: Array<number>(k).fill(s.width),
        learningRate: s.learningRate,
        seed: 1000 * k + seed,
      });
    }
  return plans;
}

/** The name of one run (depth K, run r of the seeds) in "Export network": value and text. */
export const runChoice = (row: TrialPlan): { value: string; text: string } => ({
  value: `k${row.hidden.length}-run${(row.seed % 1000) + 1}`,
  text: `K = ${row.hidden.length}, run ${(row.seed % 1000) + 1}`,
});

export interface DepthSummary {
  depth: number;
  parameters: number;
  finished: number;
  /** Runs whose final training loss fell below TRAINED_LOSS. */
  trained: number;
  /** Runs whose final loss is within 1% of ln 2 (stalled at chance). */
  atChance: number;
  /** Median final training loss of the finished runs (NaN when none finished). */
  medianLoss: number;
}

const median = (v: number[]) => {
  if (v.length === 0) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Rows grouped by depth, in the order of `depths`. */
export function summariseDepths(rows: readonly TrialRow[], depths: readonly number[]): DepthSummary[] {
  return depths.map((depth) => {
    const mine = rows.filter((r) => r.hidden.length === depth);
    const done = mine.filter((r) => r.status === 'done');
    return {
      depth,
      parameters: mine[0]?.parameters ?? 0,
      finished: done.length,
      trained: done.filter((r) => (r.trainLoss ?? Number.POSITIVE_INFINITY) < TRAINED_LOSS).length,
      atChance: done.filter((r) => Math.abs((r.trainLoss ?? 0) - CHANCE_LOSS) < 0.01 * CHANCE_LOSS).length,
      medianLoss: median(done.map((r) => r.trainLoss as number)),
    };
  });
}

/** The smallest depth from which fewer than half of the finished runs trained, if any. */
export function stallDepth(summary: readonly DepthSummary[]): number | undefined {
  return summary.find((s) => s.finished > 0 && s.trained * 2 < s.finished)?.depth;
}
