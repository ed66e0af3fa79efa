/**
 * The error that stops training when the loss stops being a finite number.
 */
import { DeepnetsError } from '@deepnets/core';

/** The loss became NaN or +-Infinity: usually a learning rate alpha that is too large. */
export class TrainingDivergedError extends DeepnetsError {
  /** The epoch (1-based) in which the loss stopped being finite. */
  readonly epoch: number;
  readonly learningRate: number;
  readonly loss: number;

  constructor(epoch: number, step: number, learningRate: number, loss: number) {
    super(
      'TRAINING_DIVERGED',
      `training diverged in epoch ${epoch} (step ${step}): the loss is ${loss} with learning rate ${learningRate}; try a smaller learning rate`,
    );
    this.name = 'TrainingDivergedError';
    this.epoch = epoch;
    this.learningRate = learningRate;
    this.loss = loss;
  }
}
