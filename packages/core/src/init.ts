/**
 * Networks from a list of widths with a random initialiser (He et al. 2015; Glorot and Bengio 2010).
 * For layer k, fan_in = D_k and fan_out = D_{k+1}:
 *
 *   he-normal       Omega_k entries ~ N(0, 2 / fan_in)
 *   he-uniform      Omega_k entries ~ U(-sqrt(6 / fan_in), sqrt(6 / fan_in))
 *   glorot-normal   Omega_k entries ~ N(0, 2 / (fan_in + fan_out))
 *   glorot-uniform  Omega_k entries ~ U(-sqrt(6 / (fan_in + fan_out)), +sqrt(...))
 *
 * and beta_k = 0 (or a given constant).
 */
import { checkWidths } from './count.ts';
import { DeepnetsError } from './errors.ts';
import type { Network } from './network.ts';
import { createRng, type Rng } from './rng.ts';
import { validateActivation } from './validate.ts';

export type InitScheme = 'he-normal' | 'he-uniform' | 'glorot-normal' | 'glorot-uniform';

export interface InitOptions {
  init: InitScheme;
  /** A generator, or a seed for a fresh one. */
  rng: Rng | number;
  /** Activation name, `"relu"` by default. */
  activation?: string;
  /** beta_k: all zero (the default) or all equal to a given number. */
  biases?: 'zero' | number;
}

const SCHEMES: readonly InitScheme[] = ['he-normal', 'he-uniform', 'glorot-normal', 'glorot-uniform'];

/** A sampler for one weight of a layer with the given fan-in and fan-out. */
function sampler(init: InitScheme, rng: Rng, fanIn: number, fanOut: number): () => number {
  // Target variance: 2 / fan_in (He) or 2 / (fan_in + fan_out) (Glorot); U(-b, b) has variance b^2 / 3.
  const variance = init.startsWith('he') ? 2 / fanIn : 2 / (fanIn + fanOut);
  if (init.endsWith('normal')) {
    const sigma = Math.sqrt(variance);
    return () => sigma * rng.normal();
  }
  const bound = Math.sqrt(3 * variance);
  return () => (2 * rng.uniform() - 1) * bound;
}

/**
 * A network with widths [D_i, D_1, ..., D_K, D_o] and weights drawn by `options.init`.
 * The same seed gives the same network everywhere.
 */
export function initNetwork(widths: readonly number[], options: InitOptions): Network {
  checkWidths(widths);
  if (!SCHEMES.includes(options.init)) {
    throw new DeepnetsError(
      'UNKNOWN_NAME',
      `unknown initialiser "${options.init}"; known initialisers: ${SCHEMES.join(', ')}`,
      'init',
    );
  }
  const activation = options.activation ?? 'relu';
  validateActivation(activation);
  const bias = options.biases ?? 'zero';
  if (bias !== 'zero' && !Number.isFinite(bias)) {
    throw new DeepnetsError('NON_FINITE', `must be "zero" or a finite number, got ${bias}`, 'biases');
  }
  const rng = typeof options.rng === 'number' ? createRng(options.rng) : options.rng;
  const layers = widths.slice(1).map((rows, k) => {
    const cols = widths[k] as number;
    const draw = sampler(options.init, rng, cols, rows);
    return {
      weights: Array.from({ length: rows }, () => Array.from({ length: cols }, draw)),
      biases: Array.from({ length: rows }, () => (bias === 'zero' ? 0 : bias)),
    };
  });
  return { activation, layers };
}
