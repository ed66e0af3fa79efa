/**
 * The error that stops training when it diverges, and the checks that detect it: a loss that is
 * not a finite number, a parameter of phi that is not finite, or a loss that has grown more than
 * `DIVERGENCE_FACTOR` times above max(1, the loss of the first batch of this call).
 */
import { DeepnetsError } from '@deepnets/core';

/** The growth of the loss (relative to max(1, the first batch's loss)) that counts as divergence. */
export const DIVERGENCE_FACTOR = 1e6;

/** Training diverged: usually a learning rate alpha that is too large. */
export class TrainingDivergedError extends DeepnetsError {
  /** The epoch (1-based) in which training diverged. */
  readonly epoch: number;
  readonly learningRate: number;
  readonly loss: number;

  constructor(epoch: number, step: number, learningRate: number, loss: number, what = `the loss is ${loss}`) {
    super(
      'TRAINING_DIVERGED',
      `training diverged in epoch ${epoch} (step ${step}): ${what} with learning rate ${learningRate}; try a smaller learning rate`,
    );
    this.name = 'TrainingDivergedError';
    this.epoch = epoch;
    this.learningRate = learningRate;
    this.loss = loss;
  }
}

/** The index of the first entry of `values` that is not finite, or -1. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    // v - v is NaN exactly for NaN and +-Infinity.
    if (v - v !== 0) return i;
  }
  return -1;
}
