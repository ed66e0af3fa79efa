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
