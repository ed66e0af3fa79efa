/**
 * Learning-rate schedules alpha_e for epoch e = 0, 1, 2, ... from the base rate alpha_0.
 */
import { DeepnetsError } from '@deepnets/core';

export type LearningRateSchedule =
  /** alpha_e = alpha_0. */
  | { type: 'constant' }
  /** alpha_e = alpha_0 * factor^floor(e / every): multiply by `factor` every `every` epochs. */
  | { type: 'step'; every: number; factor: number };

/** The learning rate for epoch `epoch` (0-based). */
export function learningRateAt(base: number, schedule: LearningRateSchedule, epoch: number): number {
  return schedule.type === 'constant' ? base : base * schedule.factor ** Math.floor(epoch / schedule.every);
}

/** Throws a `DeepnetsError` naming the bad field of a schedule or base learning rate. */
export function validateSchedule(base: number, schedule: LearningRateSchedule): void {
  if (!(Number.isFinite(base) && base > 0)) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be a positive finite number, got ${base}`, 'learningRate');
  }
  if (schedule.type === 'constant') return;
  if (schedule.type !== 'step') {
    throw new DeepnetsError(
      'UNKNOWN_NAME',
      `unknown schedule "${(schedule as { type: string }).type}"; known schedules: constant, step`,
      'schedule.type',
    );
  }
  if (!(Number.isInteger(schedule.every) && schedule.every >= 1)) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `must be a positive integer, got ${schedule.every}`,
      'schedule.every',
    );
  }
  if (!(Number.isFinite(schedule.factor) && schedule.factor > 0)) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `must be a positive number, got ${schedule.factor}`,
      'schedule.factor',
    );
  }
}
