/**
 * Errors of @deepnets/regions: every bad argument is a `RegionsError` (a core `DeepnetsError`)
 * with a `code` and the name of the offending option in `path`.
 */
import { DeepnetsError, type DeepnetsErrorCode } from '@deepnets/core';

/** A region query that cannot be answered as asked: an empty domain, a wrong input size, ... */
export class RegionsError extends DeepnetsError {
  constructor(code: DeepnetsErrorCode, message: string, path = '') {
    super(code, message, path);
    this.name = 'RegionsError';
  }
}

/** Throws unless `value` is a safe integer >= `min`. */
export function checkInteger(value: number, min: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RegionsError('OUT_OF_RANGE', `must be an integer >= ${min}, got ${value}`, path);
  }
}

/**
 * Throws `NON_FINITE` when a coefficient computed during an enumeration overflowed: `what` of unit
 * `unit` of layer `layer` (1-based hidden layer; the output layer is K + 1) is not a finite double.
 */
export function nonFinite(what: string, layer: number, unit: number, value: number): RegionsError {
  return new RegionsError(
    'NON_FINITE',
    `the ${what} of unit ${unit} of layer ${layer} is ${value}: the computation overflowed double precision, so the regions cannot be counted`,
    `layers[${layer - 1}]`,
  );
}
