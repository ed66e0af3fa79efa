/**
 * Reading and checking generator options, with errors that name the data set and the option.
 */
import { DeepnetsError } from '@deepnets/core';
import type { DatasetOptions } from './types.ts';

/** A numeric option (the default when absent), checked against [min, max] and integrality. */
export function numberOption(
  dataset: string,
  options: DatasetOptions,
  defaults: Readonly<DatasetOptions>,
  key: string,
  { min = -Infinity, max = Infinity, integer = false } = {},
): number {
  const value = options[key] ?? defaults[key];
  const where = `datasets.${dataset}.${key}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be a finite number, got ${String(value)}`, where);
  }
  if (integer && !Number.isInteger(value)) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be an integer, got ${value}`, where);
  }
  if (value < min || value > max) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be in [${min}, ${max}], got ${value}`, where);
  }
  return value;
}

/** Rejects options the generator does not know (catches typos such as `sample`). */
export function rejectUnknownOptions(
  dataset: string,
  options: DatasetOptions,
  known: readonly string[],
): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new DeepnetsError(
        'UNKNOWN_NAME',
        `unknown option "${key}"; options of "${dataset}": ${known.join(', ')}`,
        `datasets.${dataset}.${key}`,
      );
    }
  }
}
