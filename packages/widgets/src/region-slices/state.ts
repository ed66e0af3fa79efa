/**
 * Widget `region-slices`, pure part: what the reader chose (labelling, model, three MNIST-1D
 * training examples, which saved snapshot), its URL form, and the values derived from the
 * committed data of `deepnets experiment region-density` (curves.json, format
 * `deepnets.region-density/v1`; snapshots/<labels>-<model>.json). No DOM here: Node tests cover it.
 *
 * The plane through x_a, x_b, x_c is p(s, t) = x_a + s (x_b - x_a) + t (x_c - x_a), s, t in [0, 1]
 * (the parallelogram `regionsOnPlane` and `deepnets regions --plane` count).
 */
import type { NetworkSnapshot } from '@deepnets/core';
import { readUrlState, type UrlSchema } from '../kit/url-state.ts';

export const LABELLINGS = ['shuffle', 'true'] as const;
export type Labelling = (typeof LABELLINGS)[number];
/** The four MLPs of Figure 20.2 (depth x width), shallowest first, as the CLI names them. */
export const MODELS = ['1x298', '2x100', '3x75', '4x63'] as const;
export type ModelName = (typeof MODELS)[number];
/** Training examples of the experiment (MNIST-1D seed 42: 4000 train, 1000 test). */
export const TRAINING_EXAMPLES = 4000;
export const CLASSES = 10;

/** Mean, sample standard deviation (n - 1), extremes of n measured values. */
export interface Spread {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/** One measured checkpoint of curves.json (the fields this widget reads). */
export interface DensityCheckpoint {
  epoch: number;
  source: string;
  trainError: number;
  testError?: number;
  /** The widget reads `segments['different-class'].perLength` and `planes.regions`; the rest may be left out. */
  measurement: {
    segments: Record<string, { perLength: Spread; regions?: Spread; perLengthPerUnit?: Spread }>;
    planes: { regions: Spread; withExample?: Spread };
  };
}

/** curves.json of the region-density experiment; `reference.*.pairs` may be left out. */
export interface RegionDensityDocument {
  format: string;
  settings: { pairs: number; planes: number; referenceSeed: number; seed: number; learningRate: number };
  reference: Partial<Record<Labelling, { planes: [number, number, number][] }>>;
  models: {
    labels: string;
    model: string;
    widths: number[];
    neurons: number;
    parameters: number;
    checkpoints: DensityCheckpoint[];
  }[];
}

/**
 * snapshots/<labels>-<model>.json: the networks measured at each checkpoint. A page may give each
 * `network` as a function that loads it, so only the networks looked at are fetched.
 */
export interface SnapshotFile {
  labels: string;
  model: string;
  widths: number[];
  snapshots: {
    epoch: number;
    network: NetworkSnapshot | (() => Promise<NetworkSnapshot>);
    trainError?: number;
  }[];
}

export interface RegionSlicesChoice {
  labels: Labelling;
  model: ModelName;
  /** Indices a, b, c of three distinct training examples. */
  examples: [number, number, number];
  /** Index into the model's saved snapshots (epoch order); -1 is the last (memorised / furthest). */
  snapshot: number;
}

export const DEFAULT_CHOICE: RegionSlicesChoice = {
  labels: 'shuffle',
  model: '4x63',
  examples: [0, 1, 2],
  snapshot: -1,
};

/** The URL fields, `<prefix>.labels=shuffle&<prefix>.model=4x63&<prefix>.a=0&...&<prefix>.e=7`. */
export const URL_SCHEMA: UrlSchema = {
  labels: { type: 'choice', values: LABELLINGS },
  model: { type: 'choice', values: MODELS },
  a: { type: 'integer', min: 0, max: TRAINING_EXAMPLES - 1 },
  b: { type: 'integer', min: 0, max: TRAINING_EXAMPLES - 1 },
  c: { type: 'integer', min: 0, max: TRAINING_EXAMPLES - 1 },
  e: { type: 'integer', min: 0, max: 63 },
};

/** The choice in a URL query, with one notice per ignored parameter (bounded length). */
export function choiceFromUrl(
  prefix: string,
  search: string,
  base: RegionSlicesChoice = DEFAULT_CHOICE,
): { choice: RegionSlicesChoice; notices: string[] } {
  const { values, notices } = readUrlState(prefix, URL_SCHEMA, search);
  const choice: RegionSlicesChoice = { ...base, examples: [...base.examples] };
  if (typeof values.labels === 'string') choice.labels = values.labels as Labelling;
  if (typeof values.model === 'string') choice.model = values.model as ModelName;
  const picked = (['a', 'b', 'c'] as const).map((k, i) =>
    typeof values[k] === 'number' ? (values[k] as number) : (choice.examples[i] as number),
  ) as [number, number, number];
  if (new Set(picked).size === 3) choice.examples = picked;
  else notices.push(`Ignored examples ${picked.join(', ')}: a plane needs three different examples.`);
  if (typeof values.e === 'number') choice.snapshot = values.e;
  return { choice, notices };
}

/** The URL values of a choice (the snapshot as its index, resolved against `count` snapshots). */
export function choiceToUrl(choice: RegionSlicesChoice, count: number): Record<string, number | string> {
  const [a, b, c] = choice.examples;
  return { labels: choice.labels, model: choice.model, a, b, c, e: snapshotIndex(choice.snapshot, count) };
}

/** -1 (or anything past the end) means the last snapshot; clamps into [0, count - 1]. */
export function snapshotIndex(index: number, count: number): number {
  if (count <= 0) return 0;
  return index < 0 || index >= count ? count - 1 : index;
}

/**
 * The first training examples (in index order, skipping those already used) whose label is each
 * of `classes`; `offset` starts the search further on, so "again" gives other examples. Throws a
 * RangeError naming the class when no example has it.
 */
export function pickByClass(
  labels: ArrayLike<number>,
  classes: readonly [number, number, number],
  offset = 0,
): [number, number, number] {
  const used = new Set<number>();
  const n = labels.length;
  return classes.map((cls) => {
    for (let k = 0; k < n; k++) {
      const i = (offset + k) % n;
      if (labels[i] === cls && !used.has(i)) {
        used.add(i);
        return i;
      }
    }
    throw new RangeError(`no training example has label ${cls}`);
  }) as [number, number, number];
}

/** Three distinct indices in [0, count) from a uniform [0, 1) source. */
export function pickRandom(uniform: () => number, count = TRAINING_EXAMPLES): [number, number, number] {
  const out: number[] = [];
  while (out.length < 3) {
    const i = Math.min(count - 1, Math.floor(uniform() * count));
    if (!out.includes(i)) out.push(i);
  }
  return out as [number, number, number];
}

/**
 * The live run's training set: the three plane examples first, then the first other examples,
 * `size` in all (so the three marked points are always training examples).
 */
export function liveTrainingIndices(examples: readonly number[], size: number): number[] {
  const out = [...examples];
  for (let i = 0; out.length < size; i++) if (!examples.includes(i)) out.push(i);
  return out.slice(0, size);
}

/**
 * Argmax over the `outputs` outputs o of y_o = dx_o s + dy_o t + c_o at (s, t), the maps stored as
 * [dx_o, dy_o, c_o] from `maps[offset]` on (a partition's layout): the predicted class.
 */
export function predictedClass(
  maps: ArrayLike<number>,
  offset: number,
  outputs: number,
  s: number,
  t: number,
): number {
  let best = 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let o = 0; o < outputs; o++) {
    const m = offset + 3 * o;
    const y = (maps[m] as number) * s + (maps[m + 1] as number) * t + (maps[m + 2] as number);
    if (y > bestValue) {
      bestValue = y;
      best = o;
    }
  }
  return best;
}

/** The curves.json entry of one labelling and model, checkpoints in epoch order. */
export function modelCurves(doc: RegionDensityDocument | undefined, labels: Labelling, model: ModelName) {
  const m = doc?.models.find((x) => x.labels === labels && x.model === model);
  return m ? { ...m, checkpoints: [...m.checkpoints].sort((a, b) => a.epoch - b.epoch) } : undefined;
}

export const METRICS = ['perLength', 'plane'] as const;
export type DensityMetric = (typeof METRICS)[number];

/** One point of a density curve: mean and sample standard deviation over n segments or planes. */
export interface DensityPoint {
  epoch: number;
  mean: number;
  sd: number;
  n: number;
}

/**
 * The curve of `metric` for every model of `labels`: `perLength` is linear regions per unit length
 * along the different-class segments, `plane` linear regions on the reference planes.
 */
export function densitySeries(
  doc: RegionDensityDocument | undefined,
  labels: Labelling,
  metric: DensityMetric,
): { model: ModelName; neurons: number; points: DensityPoint[] }[] {
  return MODELS.flatMap((model) => {
    const m = modelCurves(doc, labels, model);
    if (!m) return [];
    const points = m.checkpoints.flatMap((c) => {
      const s =
        metric === 'plane'
          ? c.measurement.planes.regions
          : c.measurement.segments['different-class']?.perLength;
      return s ? [{ epoch: c.epoch, mean: s.mean, sd: s.sd, n: s.n }] : [];
    });
    return [{ model, neurons: m.neurons, points }];
  });
}

/** "epoch 137,134 (memorised, train error 0.02%)" for a snapshot of the file. */
export function snapshotCaption(snapshot: { epoch: number; trainError?: number }, source?: string): string {
  const when =
    snapshot.epoch === 0 ? 'epoch 0 (initialisation)' : `epoch ${snapshot.epoch.toLocaleString('en-GB')}`;
  const tag = source === 'memorised' ? 'memorised, ' : '';
  const error =
    snapshot.trainError === undefined ? '' : `train error ${(100 * snapshot.trainError).toFixed(2)}%`;
  return tag || error ? `${when} (${tag}${error})` : when;
}

/** "13,544 ± 6,178 (n = 20)": a measurement with its spread and sample size. */
export function formatSpread(s: { mean: number; sd: number; n: number }, digits = 0): string {
  const f = (v: number) =>
    v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${f(s.mean)} ± ${f(s.sd)} (n = ${s.n})`;
}
