/**
 * A sweep's plan: the Cartesian product of a spec's grid axes, one trial per point. A trial's
 * id is a hash of its canonical settings (keys sorted, JSON), so the same settings give the
 * same id in every plan, on every machine: that is what makes enqueueing idempotent and lets a
 * resumed or moved trial find its checkpoint.
 */
import { RANDOM_LABELS_MODELS } from '../experiments/random-labels.ts';
import type { AxisValue, SweepGrid } from './spec.ts';

/** Everything that fixes a trial's result (and nothing else). */
export type TrialSettings = Record<string, string | number | number[]> & {
  experiment: 'random-labels' | 'train';
  seed: number;
};

export interface PlannedTrial {
  /** `rl-` or `train-` and 16 hex digits of FNV-1a 64 over `canonicalJson(settings)`. */
  id: string;
  settings: TrialSettings;
}

/** JSON with object keys sorted at every level: the same settings always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** FNV-1a 64-bit hash of the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK;
  return h.toString(16).padStart(16, '0');
}

/** The stable id of a trial with these settings. */
export function trialId(settings: TrialSettings): string {
  return `${settings.experiment === 'train' ? 'train' : 'rl'}-${fnv1a64(canonicalJson(settings))}`;
}

/** Every combination of the axes, in the order of the keys (the last key varies fastest). */
function product(axes: Record<string, AxisValue[]>): Record<string, AxisValue>[] {
  let points: Record<string, AxisValue>[] = [{}];
  for (const [key, values] of Object.entries(axes))
    points = points.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  return points;
}

/** The trial settings of one grid point (model names expand to their hidden widths). */
function settingsOf(experiment: SweepGrid['experiment'], point: Record<string, AxisValue>): TrialSettings {
  if (experiment === 'random-labels') {
    const { models: model, ...rest } = point;
    const found = RANDOM_LABELS_MODELS.find((m) => m.name === model);
    return {
      experiment,
      model: model as string,
      hidden: [...(found?.hidden ?? [])],
      ...rest,
    } as unknown as TrialSettings;
  }
  return { experiment, ...point } as unknown as TrialSettings;
}

/**
 * The trials of validated grids (see `parseSweepSpec`), without duplicates (two points with
 * the same settings are one trial), in grid order.
 */
export function planSweep(grids: readonly SweepGrid[]): PlannedTrial[] {
  const seen = new Set<string>();
  const trials: PlannedTrial[] = [];
  for (const grid of grids) {
    for (const point of product(grid.axes)) {
      const settings = settingsOf(grid.experiment, point);
      const id = trialId(settings);
      if (seen.has(id)) continue;
      seen.add(id);
      trials.push({ id, settings });
    }
  }
  return trials;
}

/** The settings that say which curve family a trial belongs to: all but the seed. */
export function groupKey(settings: TrialSettings): string {
  const { seed: _seed, ...rest } = settings;
  return canonicalJson(rest);
}
