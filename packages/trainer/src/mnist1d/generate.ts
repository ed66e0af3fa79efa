/**
 * `makeMnist1d`: the MNIST-1D data set (Greydanus 2020, `mnist1d.data.make_dataset`) generated
 * in TypeScript, value for value identical to the Python reference run with the same seed on
 * x86-64 Linux (numpy's legacy `np.random`, scipy's gaussian filter, glibc's `log`).
 *
 * Steps, in the reference's order: seed numpy's global generator; for each digit 0..9 and each of
 * floor(N / 10) examples transform the digit's template (pad -> resample to 72 -> scale ->
 * translate -> correlated noise where the signal is 0 -> iid noise -> shear -> resample to 40);
 * shuffle the examples with `permutation(N)`; optionally permute the 40 positions; standardise
 * with the mean and standard deviation of all values; split into the first
 * int(N * trainSplit) examples (train) and the rest (test).
 */

import { DeepnetsError } from '@deepnets/core';
import { RandomState } from './numpy-random.ts';
import { numpyMean, numpyStd } from './numpy-sum.ts';
import { type Mnist1dTemplates, mnist1dTemplates, TEMPLATE_LENGTH } from './templates.ts';
import { addCorrelatedNoise, addIidNoise, pad, resample, scale, shear, translate } from './transforms.ts';

/**
 * Random labels for memorisation experiments (Zhang et al. 2017; Prince, UDL, figure 20.2). They
 * are drawn after the data, from a separate generator, so `x` stays identical to the reference:
 * - `shuffle`: the true labels of all N examples (train then test) permuted,
 *   `np.random.RandomState(seed).permutation(np.concatenate([y, y_test]))` (class counts kept);
 * - `uniform`: `np.random.RandomState(seed).randint(0, 10, size=N)`.
 * The first int(N * trainSplit) of them become `y`, the rest `yTest`.
 */
export interface RandomLabelsOption {
  mode: 'shuffle' | 'uniform';
  /** Seed of the label generator (default: the data set's seed). */
  seed?: number;
}

export interface Mnist1dOptions {
  /**
   * Number of examples N (reference: 5000, its `num_samples`); floor(N / 10) are made per digit.
   * The same name as the `mnist1d` data set's option and the CLI's `--samples`.
   */
  samples?: number;
  /** Fraction of examples in the training split (0.8). */
  trainSplit?: number;
  /** Seed of numpy's global generator (42). */
  seed?: number;
  /** Range [low, high] of the number of zeros appended to a template ([36, 60]). */
  padding?: readonly [number, number];
  /** Relative amplitude range of the random scaling (0.4). */
  scaleCoeff?: number;
  /** Circular shifts are drawn from 0..maxTranslation-1 (48). */
  maxTranslation?: number;
  /** Standard deviation of the correlated noise before smoothing (0.25). */
  corrNoiseScale?: number;
  /** Standard deviation of the iid noise (0.02). */
  iidNoiseScale?: number;
  /** Range of the random shear (0.75). */
  shearScale?: number;
  /** Permute the 40 positions of every sequence with one shared permutation (false). */
  shuffleSeq?: boolean;
  /** Length of the final sequences (40). */
  finalSeqLength?: number;
  /** Replace the labels by random ones (default: the true labels). */
  randomLabels?: RandomLabelsOption;
}

export type Mnist1dConfig = Settings & {
  templateLen: number;
  labels: 'true' | RandomLabelsOption['mode'];
  labelSeed: number | null;
};

export interface Mnist1dDataset {
  /** Training inputs, row-major, `y.length` x `length`. */
  x: Float64Array;
  /** Training labels 0..9. */
  y: Int32Array;
  /** Test inputs, row-major, `yTest.length` x `length`. */
  xTest: Float64Array;
  yTest: Int32Array;
  /** Positions of the `length` samples (the template abscissae resampled, divided by the std). */
  t: Float64Array;
  /** Number of values per sequence (40). */
  length: number;
  templates: Mnist1dTemplates;
  /** Mean and standard deviation of all N x length values before standardisation. */
  moments: { mean: number; std: number };
  config: Mnist1dConfig;
}

type Settings = Required<Omit<Mnist1dOptions, 'randomLabels'>>;

const DEFAULTS: Settings = {
  samples: 5000,
  trainSplit: 0.8,
  seed: 42,
  padding: [36, 60],
  scaleCoeff: 0.4,
  maxTranslation: 48,
  corrNoiseScale: 0.25,
  iidNoiseScale: 2e-2,
  shearScale: 0.75,
  shuffleSeq: false,
  finalSeqLength: 40,
};

const OPTION_NAMES: readonly string[] = [...Object.keys(DEFAULTS), 'randomLabels'];

/**
 * Generates MNIST-1D; with no options, the reference data set (5000 examples, 4000 / 1000).
 * An option it does not know (a typo such as `numSamples`) throws `DeepnetsError` `UNKNOWN_NAME`.
 */
export function makeMnist1d(options: Mnist1dOptions = {}): Mnist1dDataset {
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.includes(key)) {
      throw new DeepnetsError(
        'UNKNOWN_NAME',
        `unknown option "${key}"; options of makeMnist1d: ${OPTION_NAMES.join(', ')}`,
        key,
      );
    }
  }
  const { randomLabels, ...rest } = options;
  const cfg: Settings = { ...DEFAULTS, ...stripUndefined(rest) };
  validate(cfg);
  const templates = mnist1dTemplates();
  const classes = templates.y.length;
  const templateLen = TEMPLATE_LENGTH;
  const dilated = templateLen + cfg.padding[1];
  const len = cfg.finalSeqLength;
  const perClass = Math.floor(cfg.samples / classes);
  const n = perClass * classes;

  const rng = new RandomState(cfg.seed);
  const xs = new Float64Array(n * len);
  const ys = new Int32Array(n);
  const template = new Float64Array(templateLen);
  let row = 0;
  for (let label = 0; label < classes; label++) {
    for (let i = 0; i < templateLen; i++)
      template[i] = (templates.x[label * templateLen + i] as number) + 1e-8;
    for (let e = 0; e < perClass; e++, row++) {
      let s = pad(template, cfg.padding[0], cfg.padding[1], rng);
      s = resample(s, dilated);
      scale(s, cfg.scaleCoeff, rng);
      s = translate(s, cfg.maxTranslation, rng);
      addCorrelatedNoise(s, cfg.corrNoiseScale, rng);
      addIidNoise(s, cfg.iidNoiseScale, rng);
      shear(s, cfg.shearScale, rng);
      xs.set(resample(s, len), row * len);
      ys[row] = templates.y[label] as number;
    }
  }
  const tPositions = resample(resample(templates.t, dilated), len);

  const order = rng.permutation(n);
  let shuffled: Float64Array = new Float64Array(n * len);
  const labels = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const from = order[r] as number;
    shuffled.set(xs.subarray(from * len, (from + 1) * len), r * len);
    labels[r] = ys[from] as number;
  }
  if (cfg.shuffleSeq) shuffled = permuteColumns(shuffled, len, rng.permutation(len));

  const mean = numpyMean(shuffled);
  const std = numpyStd(shuffled);
  const t = tPositions.map((v) => v / std);
  for (let i = 0; i < shuffled.length; i++) shuffled[i] = ((shuffled[i] as number) - mean) / std;

  const finalLabels = randomLabels ? drawRandomLabels(labels, classes, randomLabels, cfg.seed) : labels;
  const split = Math.trunc(n * cfg.trainSplit);
  return {
    x: shuffled.slice(0, split * len),
    y: finalLabels.slice(0, split),
    xTest: shuffled.slice(split * len),
    yTest: finalLabels.slice(split),
    t,
    length: len,
    templates,
    moments: { mean, std },
    config: {
      ...cfg,
      padding: [cfg.padding[0], cfg.padding[1]],
      templateLen,
      labels: randomLabels ? randomLabels.mode : 'true',
      labelSeed: randomLabels ? (randomLabels.seed ?? cfg.seed) : null,
    },
  };
}

/** The random labels of `RandomLabelsOption` for true labels `labels` (train then test). */
export function drawRandomLabels(
  labels: Int32Array,
  classes: number,
  option: RandomLabelsOption,
  dataSeed: number,
): Int32Array {
  const rng = new RandomState(option.seed ?? dataSeed);
  if (option.mode === 'shuffle') return rng.shuffle(labels.slice());
  if (option.mode === 'uniform') return Int32Array.from(rng.randint(0, classes, labels.length));
  throw new DeepnetsError(
    'UNKNOWN_NAME',
    `unknown random-label mode "${String(option.mode)}"; known modes: shuffle, uniform`,
  );
}

function permuteColumns(x: Float64Array, len: number, perm: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / len; r++) {
    for (let c = 0; c < len; c++) out[r * len + c] = x[r * len + (perm[c] as number)] as number;
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function validate(cfg: Settings): void {
  const intAtLeast = (v: number, min: number, name: string): void => {
    if (!Number.isInteger(v) || v < min) {
      throw new DeepnetsError('OUT_OF_RANGE', `${name} must be an integer >= ${min}, got ${v}`, name);
    }
  };
  intAtLeast(cfg.samples, 10, 'samples');
  intAtLeast(cfg.seed, 0, 'seed');
  if (cfg.seed >= 2 ** 32)
    throw new DeepnetsError('OUT_OF_RANGE', `seed must be below 2**32, got ${cfg.seed}`, 'seed');
  intAtLeast(cfg.maxTranslation, 1, 'maxTranslation');
  intAtLeast(cfg.finalSeqLength, 2, 'finalSeqLength');
  intAtLeast(cfg.padding[0], 0, 'padding');
  intAtLeast(cfg.padding[1], cfg.padding[0], 'padding');
  if (!(cfg.trainSplit >= 0 && cfg.trainSplit <= 1)) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `trainSplit must lie in [0, 1], got ${cfg.trainSplit}`,
      'trainSplit',
    );
  }
  for (const name of ['scaleCoeff', 'corrNoiseScale', 'iidNoiseScale', 'shearScale'] as const) {
    if (!Number.isFinite(cfg[name])) throw new DeepnetsError('NON_FINITE', `${name} must be finite`, name);
  }
}
