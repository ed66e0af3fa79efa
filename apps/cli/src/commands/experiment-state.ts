/**
 * The saved state of one model of `deepnets experiment random-labels`: `<model>.state.json`
 * (the trainer's `RandomLabelsModelState` plus the run's `settings`) and the previous version
 * `<model>.state.json.prev`. Reading checks every field and names the file and what is wrong;
 * a damaged newest file falls back to `.prev` (said on stderr); a resume must have the same
 * settings as the saved run, and a saved state is never replaced without `--resume`.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DeepnetsError } from '@deepnets/core';
import { parseCheckpoint, type RandomLabelsModelState } from '@deepnets/trainer';
import { PREVIOUS_SUFFIX } from '../safe-write.ts';

/** Everything that defines a run's numbers; a resume must match all of them. */
export interface RunSettings {
  labels: string;
  labelSeed: number;
  samples: number;
  learningRate: number;
  seed: number;
  /** The kernel's arithmetic, e.g. `"wasm-relaxed-f32"` or `"ts-f64"`. */
  kernel: string;
}

/** A state file: the model's state and the settings of the run that wrote it (absent in old files). */
export type StateFile = RandomLabelsModelState & { settings?: RunSettings };

/** The flag that sets each setting, for messages. */
const FLAGS: Record<keyof RunSettings, string> = {
  labels: '--labels',
  labelSeed: '--label-seed',
  samples: '--samples',
  learningRate: '--lr',
  seed: '--seed',
  kernel: '--kernel/--variant (arithmetic)',
};

export const statePath = (dir: string, name: string): string => join(dir, `${name}.state.json`);

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}...` : text);

const bad = (file: string, message: string) => new DeepnetsError('INVALID_FORMAT', clip(message), file);

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isFraction = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 1;

function checkSettings(file: string, value: unknown): RunSettings | undefined {
  if (value === undefined) return undefined;
  const s = value as Record<string, unknown> | null;
  if (typeof s !== 'object' || s === null) throw bad(file, 'settings must be an object');
  for (const key of Object.keys(FLAGS) as (keyof RunSettings)[]) {
    const v = s[key];
    const ok = key === 'labels' || key === 'kernel' ? typeof v === 'string' : Number.isFinite(v);
    if (!ok)
      throw bad(
        file,
        `settings.${key} is missing or not a ${key === 'labels' || key === 'kernel' ? 'string' : 'number'}`,
      );
  }
  return s as unknown as RunSettings;
}

/** Checks a parsed state file field by field; errors name the file and the field. */
export function checkStateFile(file: string, value: unknown): StateFile {
  const v = value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(file, 'must hold a JSON object');
  if (typeof v['name'] !== 'string') throw bad(file, 'the field "name" (model name) is missing');
  const widths = v['widths'];
  if (!Array.isArray(widths) || widths.length < 2 || !widths.every((w) => isCount(w) && w > 0))
    throw bad(file, 'the field "widths" must be a list of positive whole numbers');
  if (!isCount(v['epoch'])) throw bad(file, 'the field "epoch" is missing or not a whole number');
  if (v['epochsTo100'] !== null && !isCount(v['epochsTo100']))
    throw bad(file, 'the field "epochsTo100" must be null or a whole number');
  if (typeof v['kernel'] !== 'string') throw bad(file, 'the field "kernel" is missing');
  const curve = v['curve'];
  if (!Array.isArray(curve)) throw bad(file, 'the field "curve" is missing or not a list');
  curve.forEach((p: Record<string, unknown> | null, i) => {
    const ok =
      typeof p === 'object' &&
      p !== null &&
      isCount(p['epoch']) &&
      Number.isFinite(p['loss']) &&
      isFraction(p['trainError']) &&
      (p['testError'] === undefined || isFraction(p['testError']));
    if (!ok)
      throw bad(file, `curve[${i}] must be { epoch, loss, trainError[, testError] } with finite numbers`);
  });
  if (v['checkpoint'] === undefined)
    throw bad(file, 'the field "checkpoint" (the training state) is missing');
  let checkpoint: StateFile['checkpoint'];
  try {
    checkpoint = parseCheckpoint(v['checkpoint']);
  } catch (error) {
    throw bad(file, `checkpoint: ${(error as Error).message}`);
  }
  if (checkpoint.epoch !== v['epoch'])
    throw bad(file, `checkpoint.epoch ${checkpoint.epoch} differs from epoch ${v['epoch']}`);
  const settings = checkSettings(file, v['settings']);
  return { ...(v as unknown as StateFile), checkpoint, ...(settings ? { settings } : {}) };
}

/** Reads and checks one file; null when it does not exist. */
async function readOne(file: string): Promise<StateFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw bad(file, `cannot be read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why =
      text.length === 0
        ? 'the file is empty'
        : `not complete JSON (${clip((error as Error).message, 50)}): truncated or damaged`;
    throw bad(file, why);
  }
  return checkStateFile(file, value);
}

/**
 * The saved state of model `name` in `dir`: the newest file, or its `.prev` when the newest is
 * missing or damaged (`warn` says which and why); null when neither exists. Rejects with
 * `INVALID_FORMAT` naming the file when no usable version is left.
 */
export async function readModelState(
  dir: string,
  name: string,
  warn: (message: string) => void = () => undefined,
): Promise<StateFile | null> {
  const file = statePath(dir, name);
  const previousFile = file + PREVIOUS_SUFFIX;
  let failure: Error | null = null;
  try {
    const state = await readOne(file);
    if (state) return state;
  } catch (error) {
    failure = error as Error;
  }
  let previous: StateFile | null;
  try {
    previous = await readOne(previousFile);
  } catch (error) {
    if (!failure) throw error;
    // Both reasons and the file fit in one bounded message: the .prev is named by its base name.
    const reason = (e: Error) => clip(e.message.replace(/^[^:]*: /, ''), 80);
    throw new DeepnetsError(
      'INVALID_FORMAT',
      `${reason(failure)}; the previous checkpoint ${basename(previousFile)} is unusable too: ${reason(error as Error)}`,
      file,
    );
  }
  if (!previous) {
    if (failure) throw failure;
    return null;
  }
  const why = failure ? `is damaged (${failure.message})` : 'is missing';
  warn(`deepnets: ${file} ${why}; using the previous checkpoint ${previousFile} (epoch ${previous.epoch})\n`);
  return previous;
}

/** The first setting where `saved` and `wanted` differ, as a sentence naming the flag; null when they agree. */
export function settingsDifference(saved: RunSettings, wanted: RunSettings): string | null {
  for (const key of Object.keys(FLAGS) as (keyof RunSettings)[]) {
    if (saved[key] !== wanted[key]) {
      return `${FLAGS[key]}: the saved run used ${JSON.stringify(saved[key])}, this run asks for ${JSON.stringify(wanted[key])}`;
    }
  }
  return null;
}

/** Throws `TRAINING_DIVERGED` when a state holds a non-finite parameter (it is then not written). */
export function checkFiniteState(state: RandomLabelsModelState): void {
  const { network, optimizer } = state.checkpoint;
  const vectors = [
    ...network.layers.flatMap((l) => [...l.weights, l.biases]),
    ...Object.values(optimizer.buffers),
  ];
  if (vectors.some((v) => !v.every(Number.isFinite))) {
    throw new DeepnetsError(
      'TRAINING_DIVERGED',
      `model ${state.name} at epoch ${state.epoch} has a parameter that is not a finite number; the saved state was kept, try a smaller learning rate`,
    );
  }
}

export interface StateCheck {
  dir: string;
  /** Models this run trains. */
  models: readonly string[];
  /** Every model whose state may sit in `dir`. */
  known: readonly string[];
  settings: RunSettings;
  resume: boolean;
  warn: (message: string) => void;
}

/**
 * Before a run: refuses to replace a saved state without `--resume` (`STATE_EXISTS`), refuses a
 * resume or a shared directory whose saved settings differ (`SETTINGS_MISMATCH`, naming the
 * setting), and returns the states to resume from.
 */
export async function checkSavedStates(c: StateCheck): Promise<Map<string, StateFile>> {
  const resumable = new Map<string, StateFile>();
  for (const name of c.known) {
    const mine = c.models.includes(name);
    let state: StateFile | null;
    try {
      state = await readModelState(c.dir, name, mine ? c.warn : () => undefined);
    } catch (error) {
      if (mine) throw error;
      continue; // another run's damaged file: not this run's to judge; the curves skip it
    }
    if (!state) continue;
    const file = statePath(c.dir, name);
    if (mine && !c.resume) {
      throw new DeepnetsError(
        'STATE_EXISTS',
        `holds a saved state of model ${name} (epoch ${state.epoch}); continue it with --resume, or choose another --out`,
        file,
      );
    }
    const difference = state.settings ? settingsDifference(state.settings, c.settings) : null;
    if (difference) {
      const advice = mine ? 'resume with the same settings, or choose another --out' : 'choose another --out';
      throw new DeepnetsError('SETTINGS_MISMATCH', `${difference}; ${advice}`, file);
    }
    if (mine && !state.settings)
      c.warn(`deepnets: ${file} records no settings (an older file); assuming this run's\n`);
    if (mine) resumable.set(name, state);
  }
  return resumable;
}
