/**
 * The checkpoint format `deepnets.checkpoint/v1`: the whole state of a training run, so that a
 * run can stop and continue with bit-identical results. A checkpoint is plain JSON:
 *
 *   { "format": "deepnets.checkpoint/v1",
 *     "epoch": 120,              completed epochs
 *     "step": 480,               completed optimizer steps
 *     "seed": 0,                 the run's seed (fixes the train/validation split)
 *     "network": { "format": "deepnets.network/v1", "activation": "relu", "layers": [...] },
 *     "optimizer": { "name": "adam", "step": 480,
 *                    "buffers": { "m": [...], "v": [...] } },   laid out like the flat vector phi
 *     "rng": { "algorithm": "xoshiro128**", "s": [s0, s1, s2, s3] } }   the shuffling stream
 *
 * Numbers are written by `JSON.stringify`, whose shortest round-trip form reads back to the
 * same float64, so nothing is lost. The flat layout of the optimizer buffers is Omega_0
 * (row-major), beta_0, Omega_1, beta_1, ... (see `ParameterLayout`).
 */
import {
  createRng,
  DeepnetsError,
  NETWORK_FORMAT,
  type Network,
  parseNetwork,
  type RngState,
} from '@deepnets/core';
import { layoutOf } from './parameters.ts';

export const CHECKPOINT_FORMAT = 'deepnets.checkpoint/v1';

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  epoch: number;
  step: number;
  seed: number;
  /** A `deepnets.network/v1` document. */
  network: Network & { format: typeof NETWORK_FORMAT };
  optimizer: { name: string; step: number; buffers: Record<string, number[]> };
  rng: RngState;
}

/** The checkpoint as JSON text (pretty-printed unless `compact`). */
export function checkpointToJson(checkpoint: Checkpoint, compact = false): string {
  return JSON.stringify(checkpoint, null, compact ? undefined : 1);
}

const invalid = (message: string, path: string) =>
  new DeepnetsError('INVALID_FORMAT', message, `checkpoint.${path}`);

function count(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 0)
    throw invalid(`must be a non-negative integer, got ${JSON.stringify(value)}`, path);
  return value as number;
}

/**
 * Reads a checkpoint (JSON text or the parsed value), checking the format tag, the network
 * (through core's `parseNetwork`), the optimizer buffers' lengths and the RNG state.
 */
export function parseCheckpoint(input: string | unknown): Checkpoint {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new DeepnetsError('INVALID_FORMAT', `not JSON: ${(e as Error).message}`, 'checkpoint');
    }
  }
  const v = value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null) throw invalid('must be an object', 'format');
  if (v['format'] !== CHECKPOINT_FORMAT) {
    throw invalid(`expected "${CHECKPOINT_FORMAT}", got ${JSON.stringify(v['format'])}`, 'format');
  }
  const network = parseNetwork(v['network']);
  const size = layoutOf(network).size;
  const opt = v['optimizer'] as Record<string, unknown> | null;
  if (typeof opt !== 'object' || opt === null || typeof opt['name'] !== 'string') {
    throw invalid('must be { name, step, buffers }', 'optimizer');
  }
  const buffers: Record<string, number[]> = {};
  for (const [name, buf] of Object.entries((opt['buffers'] ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(buf) || buf.length !== size || !buf.every(Number.isFinite)) {
      throw invalid(`must hold ${size} finite numbers (one per parameter)`, `optimizer.buffers.${name}`);
    }
    buffers[name] = buf as number[];
  }
  const rng = v['rng'] as RngState;
  try {
    createRng(0).setState(rng);
  } catch {
    throw invalid('must be { algorithm: "xoshiro128**", s: [four 32-bit unsigned integers] }', 'rng');
  }
  if (!Number.isFinite(v['seed']))
    throw invalid(`must be a number, got ${JSON.stringify(v['seed'])}`, 'seed');
  return {
    format: CHECKPOINT_FORMAT,
    epoch: count(v['epoch'], 'epoch'),
    step: count(v['step'], 'step'),
    seed: v['seed'] as number,
    network: { format: NETWORK_FORMAT, ...network },
    optimizer: { name: opt['name'], step: count(opt['step'], 'optimizer.step'), buffers },
    rng: { algorithm: rng.algorithm, s: [...rng.s] },
  };
}
