/**
 * The sweep spec `deepnets.sweep/v1`: JSON whose keys mirror the flags of the command it sweeps
 * (camelCase: `--max-epochs` is `maxEpochs`), where an array value is a grid axis. Two commands
 * can be swept:
 *
 *   { "experiment": "random-labels", "models": ["1x298", "2x100", "3x75", "4x63"],
 *     "seeds": [1, 2, 3, 4, 5], "labels": ["shuffle", "true"], "samples": 400, "lr": 0.1,
 *     "maxEpochs": 20000 }                                   (scaled Figure 20.2: 40 trials)
 *
 *   { "experiment": "train", "dataset": "two-moons", "hidden": ["8,8", "16"], "epochs": 300,
 *     "lr": [0.01, 0.03], "optimizer": "adam", "seed": [0, 1] }
 *
 * A spec may also be a JSON array of such objects (the union of their grids). `seeds`/`seed`
 * and `models`/`model` are the same key. Validation names the field that is wrong.
 */
import { DeepnetsError } from '@deepnets/core';
import { RANDOM_LABELS_LEARNING_RATE, RANDOM_LABELS_MODELS } from '../experiments/random-labels.ts';

/** One value of a grid axis. */
export type AxisValue = string | number | number[];

/** A validated spec: every key holds its grid axis (a single value is an axis of one). */
export interface SweepGrid {
  experiment: 'random-labels' | 'train';
  axes: Record<string, AxisValue[]>;
}

type Check = (value: unknown, field: string) => AxisValue;

const invalid = (field: string, message: string) => new DeepnetsError('INVALID_FORMAT', message, field);

const show = (value: unknown) => JSON.stringify(value)?.slice(0, 60) ?? String(value);

const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (value, field) => {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
      throw invalid(field, `must be a whole number from ${min} to ${max}, got ${show(value)}`);
    return value as number;
  };

const positive: Check = (value, field) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw invalid(field, `must be a positive finite number, got ${show(value)}`);
  return value;
};

const nonNegative: Check = (value, field) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw invalid(field, `must be a finite number >= 0, got ${show(value)}`);
  return value;
};

const oneOf =
  (...choices: string[]): Check =>
  (value, field) => {
    if (typeof value !== 'string' || !choices.includes(value))
      throw invalid(field, `must be one of ${choices.join(', ')}, got ${show(value)}`);
    return value;
  };

const name: Check = (value, field) => {
  if (typeof value !== 'string' || !/^[\w./-]{1,80}$/.test(value))
    throw invalid(field, `must be a name (letters, digits, . / - _), got ${show(value)}`);
  return value;
};

/** Hidden widths D_1..D_K: `"16,16"` or `16`, or `[16, 16]` inside an axis (`[[16, 16], [32]]`). */
const hidden: Check = (value, field) => {
  const parts = typeof value === 'string' ? value.split(',').map(Number) : value;
  const list = typeof parts === 'number' ? [parts] : parts;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    !list.every((d) => Number.isInteger(d) && d >= 1 && d <= 4096)
  )
    throw invalid(field, `must be hidden widths such as "16,16" (whole numbers 1..4096), got ${show(value)}`);
  return list as number[];
};

const models: Check = (value, field) => {
  const known = RANDOM_LABELS_MODELS.map((m) => m.name);
  if (typeof value !== 'string' || !known.includes(value))
    throw invalid(field, `must be one of the models ${known.join(', ')}, got ${show(value)}`);
  return value;
};

const CHECKPOINT = { checkpointEvery: integer(1), curveEvery: integer(1) };

/** Keys of each experiment with their checks; `required` keys have no default. */
const KEYS: Record<
  SweepGrid['experiment'],
  { checks: Record<string, Check>; defaults: Record<string, AxisValue> }
> = {
  'random-labels': {
    checks: {
      models,
      seed: integer(0, 2 ** 32 - 1),
      labels: oneOf('shuffle', 'uniform', 'true'),
      samples: integer(1, 4000),
      lr: positive,
      maxEpochs: integer(1),
      kernel: oneOf('wasm', 'ts'),
      ...CHECKPOINT,
    },
    defaults: {
      models: '1x298',
      seed: 1,
      labels: 'shuffle',
      samples: 4000,
      lr: RANDOM_LABELS_LEARNING_RATE,
      maxEpochs: 2_000_000,
      kernel: 'wasm',
      checkpointEvery: 1000,
      curveEvery: 100,
    },
  },
  train: {
    checks: {
      dataset: name,
      hidden,
      epochs: integer(1),
      lr: positive,
      optimizer: name,
      seed: integer(0, 2 ** 32 - 1),
      batchSize: (v, f) => (v === 'full' ? v : integer(1)(v, f)),
      activation: name,
      samples: integer(1, 1_000_000),
      noise: nonNegative,
      validation: (v, f) => {
        const x = nonNegative(v, f) as number;
        if (x >= 1) throw invalid(f, `must be a fraction in [0, 1), got ${show(v)}`);
        return x;
      },
      l2: nonNegative,
      kernel: oneOf('wasm', 'ts'),
      ...CHECKPOINT,
    },
    defaults: {
      optimizer: 'adam',
      seed: 0,
      activation: 'relu',
      validation: 0.2,
      l2: 0,
      kernel: 'ts',
      checkpointEvery: 50,
      curveEvery: 1,
    },
  },
};

const REQUIRED: Record<SweepGrid['experiment'], string[]> = {
  'random-labels': [],
  train: ['dataset', 'hidden', 'epochs', 'lr'],
};

/** Plural spellings accepted for a key. */
const ALIASES: Record<string, string> = { seeds: 'seed', model: 'models' };

/** Checks one spec object (at `where`) and returns its grid. */
function parseOne(value: unknown, where: string): SweepGrid {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(where || 'spec', 'must be a JSON object such as {"experiment": "random-labels", ...}');
  const spec = value as Record<string, unknown>;
  const at = (key: string) => (where ? `${where}.${key}` : key);
  const experiment = oneOf('random-labels', 'train')(spec['experiment'], at('experiment'));
  const { checks, defaults } = KEYS[experiment as SweepGrid['experiment']];
  const axes: Record<string, AxisValue[]> = {};
  for (const [rawKey, raw] of Object.entries(spec)) {
    if (rawKey === 'experiment' || rawKey === 'format') continue;
    const key = ALIASES[rawKey] ?? rawKey;
    const check = checks[key];
    if (!check)
      throw invalid(at(rawKey), `is not a flag of ${experiment}; known: ${Object.keys(checks).join(', ')}`);
    if (axes[key]) throw invalid(at(rawKey), `repeats "${key}"`);
    if (!Array.isArray(raw)) {
      axes[key] = [check(raw, at(rawKey))];
      continue;
    }
    if (raw.length === 0) throw invalid(at(rawKey), 'is an empty grid axis');
    axes[key] = raw.map((v, i) => check(v, `${at(rawKey)}[${i}]`));
  }
  for (const key of REQUIRED[experiment as SweepGrid['experiment']])
    if (!axes[key]) throw invalid(at(key), `is required for the ${experiment} experiment`);
  for (const [key, fallback] of Object.entries(defaults)) axes[key] ??= [fallback];
  return { experiment: experiment as SweepGrid['experiment'], axes };
}

/**
 * Validates a sweep spec (parsed JSON or its text) and returns one grid per spec object.
 * Throws a `DeepnetsError` (code `INVALID_FORMAT`) whose `path` names the wrong field, e.g.
 * `seeds[2]: must be a whole number ...` or `[1].lr: must be a positive finite number`.
 */
export function parseSweepSpec(input: unknown): SweepGrid[] {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw invalid('spec', `is not JSON: ${(e as Error).message}`);
    }
  }
  if (!Array.isArray(value)) return [parseOne(value, '')];
  if (value.length === 0) throw invalid('spec', 'is an empty list of sweeps');
  return value.map((one, i) => parseOne(one, `[${i}]`));
}
