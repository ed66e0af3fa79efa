/**
 * Size limits of the region bounds. Every bound is at most the trivial 2^(D_1 + ... + D_K), a number
 * of about 0.30103 (D_1 + ... + D_K) decimal digits; beyond `MAX_BOUND_HIDDEN_UNITS` hidden units the
 * exact integers would have thousands of digits, so the bounds refuse instead of computing them.
 */
import { RegionsError } from './errors.ts';

/** The most hidden units (D_1 + ... + D_K, or D K) a bound is computed for: results up to 3,011 digits. */
export const MAX_BOUND_HIDDEN_UNITS = 10_000;

/** Throws `OUT_OF_RANGE` (naming the size and the limit) when `units` hidden units are too many. */
export function checkHiddenUnits(units: number, path: string): void {
  if (units > MAX_BOUND_HIDDEN_UNITS) {
    throw new RegionsError(
      'OUT_OF_RANGE',
      `${units} hidden units is more than the limit of ${MAX_BOUND_HIDDEN_UNITS} for exact bounds (the results would have about ${Math.round(units * Math.LOG10E * Math.LN2)} digits)`,
      path,
    );
  }
}
