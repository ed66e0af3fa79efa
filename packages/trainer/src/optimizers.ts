/**
 * Optimizers as registered configs. Each updates the flat parameter vector phi in place from
 * the gradient g = dL/dphi of the batch loss, with learning rate alpha (Prince, ch. 6):
 *
 *   gradient descent / SGD:  phi <- phi - alpha g
 *   momentum:                m <- beta m + (1 - beta) g,  phi <- phi - alpha m
 *   Adam:                    m <- beta1 m + (1 - beta1) g,  v <- beta2 v + (1 - beta2) g^2,
 *                            phi <- phi - alpha m~ / (sqrt(v~) + epsilon),
 *                            m~ = m / (1 - beta1^t), v~ = v / (1 - beta2^t) at step t = 1, 2, ...
 */
import { DeepnetsError } from '@deepnets/core';
import type { FloatArray } from './kernel.ts';

/** The state an optimizer carries between steps (saved in checkpoints). */
export interface OptimizerState {
  /** Number of updates done so far. */
  step: number;
  /** One vector per name in `OptimizerConfig.buffers`, laid out like phi. */
  buffers: Record<string, Float64Array>;
}

export interface OptimizerConfig {
  /** Registry name, e.g. `"adam"`. */
  name: string;
  description: string;
  /** Batch size used when the training options give none: `"full"` or a number of examples. */
  batchSize: 'full' | number;
  /** Hyper-parameters other than the learning rate, with their defaults. */
  defaults: Readonly<Record<string, number>>;
  /** Names of the per-parameter state vectors, e.g. `["m", "v"]`. */
  buffers: readonly string[];
  /** One update of `theta` from `grad`; increments `state.step`. Allocates nothing. */
  step(
    theta: FloatArray,
    grad: FloatArray,
    learningRate: number,
    state: OptimizerState,
    options: Readonly<Record<string, number>>,
  ): void;
}

/** A fresh state (zero vectors, step 0) for `size` parameters. */
export function createOptimizerState(optimizer: OptimizerConfig, size: number): OptimizerState {
  const buffers: Record<string, Float64Array> = {};
  for (const name of optimizer.buffers) buffers[name] = new Float64Array(size);
  return { step: 0, buffers };
}

/** The optimizer's defaults overridden by `given`; unknown or non-finite options throw. */
export function resolveOptimizerOptions(
  optimizer: OptimizerConfig,
  given: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const known = Object.keys(optimizer.defaults);
  for (const [key, value] of Object.entries(given)) {
    if (!known.includes(key)) {
      throw new DeepnetsError(
        'UNKNOWN_NAME',
        `optimizer "${optimizer.name}" has no option "${key}"; its options: ${known.join(', ') || '(none)'}`,
        `optimizerOptions.${key}`,
      );
    }
    if (!Number.isFinite(value)) {
      throw new DeepnetsError(
        'NON_FINITE',
        `must be a finite number, got ${value}`,
        `optimizerOptions.${key}`,
      );
    }
  }
  return { ...optimizer.defaults, ...given };
}

const buffer = (state: OptimizerState, name: string): Float64Array => state.buffers[name] as Float64Array;

function plainStep(theta: FloatArray, grad: FloatArray, lr: number, state: OptimizerState): void {
  for (let i = 0; i < theta.length; i++) theta[i] = (theta[i] as number) - lr * (grad[i] as number);
  state.step++;
}

/** Full-batch gradient descent: every step sees all training examples. */
export const gradientDescent: OptimizerConfig = {
  name: 'gd',
  description: 'Gradient descent on the full batch',
  batchSize: 'full',
  defaults: {},
  buffers: [],
  step: plainStep,
};

/** Stochastic gradient descent on shuffled mini-batches (32 examples unless set). */
export const sgd: OptimizerConfig = {
  name: 'sgd',
  description: 'Mini-batch stochastic gradient descent',
  batchSize: 32,
  defaults: {},
  buffers: [],
  step: plainStep,
};

/** SGD with momentum: a moving average m of the gradients sets the direction. */
export const momentum: OptimizerConfig = {
  name: 'momentum',
  description: 'Mini-batch SGD with momentum (beta = 0.9)',
  batchSize: 32,
  defaults: { beta: 0.9 },
  buffers: ['m'],
  step(theta, grad, lr, state, options) {
    const beta = options['beta'] as number;
    const m = buffer(state, 'm');
    for (let i = 0; i < theta.length; i++) {
      const mi = beta * (m[i] as number) + (1 - beta) * (grad[i] as number);
      m[i] = mi;
      theta[i] = (theta[i] as number) - lr * mi;
    }
    state.step++;
  },
};

/** Adam: per-parameter steps from bias-corrected first and second gradient moments. */
export const adam: OptimizerConfig = {
  name: 'adam',
  description: 'Adam (beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) on mini-batches',
  batchSize: 32,
  defaults: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  buffers: ['m', 'v'],
  step(theta, grad, lr, state, options) {
    const b1 = options['beta1'] as number;
    const b2 = options['beta2'] as number;
    const eps = options['epsilon'] as number;
    const m = buffer(state, 'm');
    const v = buffer(state, 'v');
    const t = state.step + 1;
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i] as number;
      const mi = b1 * (m[i] as number) + (1 - b1) * g;
      const vi = b2 * (v[i] as number) + (1 - b2) * g * g;
      m[i] = mi;
      v[i] = vi;
      theta[i] = (theta[i] as number) - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
    }
    state.step = t;
  },
};

/** The built-in optimizers, registered by the trainer's plugin. */
export const builtinOptimizers: readonly OptimizerConfig[] = [gradientDescent, sgd, momentum, adam];
