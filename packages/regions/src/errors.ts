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

/** The most weights a construction builds (D^2 (K - 1) for K layers of width D): 5,000,000. */
export const MAX_CONSTRUCTED_WEIGHTS = 5_000_000;

/** Throws `TOO_LARGE` before building a network of K layers of width D with more weights than the limit. */
export function checkConstructionSize(layers: number, width: number): void {
  const weights = width * width * Math.max(layers - 1, 0) + 2 * width;
  if (weights > MAX_CONSTRUCTED_WEIGHTS) {
    throw new RegionsError(
      'TOO_LARGE',
      `K = ${layers} layers of width D = ${width} need ${weights} weights, more than the limit of ${MAX_CONSTRUCTED_WEIGHTS}`,
      'layers',
    );
  }
}
