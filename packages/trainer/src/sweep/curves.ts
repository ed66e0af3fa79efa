/**
 * The curves file of a sweep (`deepnets.sweep-curves/v1`): every trial's curve, and per group
 * of trials that differ only in the seed (e.g. one model with one label setting) the mean and
 * the spread of the error across seeds at every recorded epoch. A trial that stopped early
 * (100% training accuracy) keeps its last value at later epochs.
 */
import { canonicalJson, groupKey, type TrialSettings } from './plan.ts';
import type { SweepPoint } from './trial.ts';

export const SWEEP_CURVES_FORMAT = 'deepnets.sweep-curves/v1';

/** What the curves file needs of one trial. */
export interface CurveTrial {
  id: string;
  settings: TrialSettings;
  status: string;
  curve: readonly SweepPoint[];
}

/** Mean and spread of one group at one epoch over its `n` seeds. */
export interface BandPoint {
  epoch: number;
  mean: number;
  /** Sample standard deviation (0 for one seed). */
  sd: number;
  min: number;
  max: number;
  n: number;
}

export interface CurveGroup {
  /** The varying settings other than the seed, e.g. `"model=2x100 labels=shuffle"`. */
  label: string;
  settings: Omit<TrialSettings, 'seed'>;
  seeds: number[];
  trials: string[];
  /** `trainError` where every trial has it (classification), else `loss`. */
  metric: 'trainError' | 'loss';
  band: BandPoint[];
}

export interface SweepCurves {
  format: typeof SWEEP_CURVES_FORMAT;
  trials: CurveTrial[];
  groups: CurveGroup[];
}

/** The value of `metric` at `epoch`: the last recorded point at or before it. */
function valueAt(
  curve: readonly SweepPoint[],
  metric: CurveGroup['metric'],
  epoch: number,
): number | undefined {
  let value: number | undefined;
  for (const p of curve) {
    if (p.epoch > epoch) break;
    value = p[metric];
  }
  return value;
}

/** Mean, sample standard deviation, min and max of `values` (not empty). */
export function spread(values: readonly number[]): Omit<BandPoint, 'epoch'> {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, min: Math.min(...values), max: Math.max(...values), n };
}

/** The settings keys whose values differ between `trials` (the seed excepted). */
function varyingKeys(trials: readonly CurveTrial[]): string[] {
  const keys = new Set(trials.flatMap((t) => Object.keys(t.settings)));
  return [...keys].filter(
    (k) =>
      k !== 'seed' && k !== 'hidden' && new Set(trials.map((t) => canonicalJson(t.settings[k]))).size > 1,
  );
}

/** Groups trials by their settings without the seed and computes each group's band. */
export function sweepCurves(trials: readonly CurveTrial[]): SweepCurves {
  const byKey = new Map<string, CurveTrial[]>();
  for (const t of trials) {
    const key = groupKey(t.settings);
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  const varying = varyingKeys(trials);
  const groups = [...byKey.values()].map((members): CurveGroup => {
    const first = members[0] as CurveTrial;
    const { seed: _seed, ...settings } = first.settings;
    const withCurve = members.filter((m) => m.curve.length > 0);
    const metric = withCurve.every((m) => m.curve.every((p) => p.trainError !== undefined))
      ? 'trainError'
      : 'loss';
    const epochs = [...new Set(withCurve.flatMap((m) => m.curve.map((p) => p.epoch)))].sort((a, b) => a - b);
    const band = epochs.flatMap((epoch) => {
      const values = withCurve
        .map((m) => valueAt(m.curve, metric, epoch))
        .filter((v): v is number => v !== undefined);
      return values.length ? [{ epoch, ...spread(values) }] : [];
    });
    const label =
      varying.map((k) => `${k}=${String(first.settings[k])}`).join(' ') || first.settings.experiment;
    return {
      label,
      settings,
      seeds: members.map((m) => m.settings.seed),
      trials: members.map((m) => m.id),
      metric,
      band,
    };
  });
  return { format: SWEEP_CURVES_FORMAT, trials: [...trials], groups };
}
