/** fast-check generators of networks for the region tests. */
import type { Network } from '@deepnets/core';
import fc from 'fast-check';

/** A coefficient in [-3, 3]; magnitudes below 1e-6 become 0 (no subnormal noise, but exact zeros). */
const coefficient = (): fc.Arbitrary<number> =>
  fc.double({ min: -3, max: 3, noNaN: true }).map((v) => (Math.abs(v) < 1e-6 ? 0 : v));

/** A network with widths [D_0, ..., D_{K+1}] and coefficients in [-3, 3]. */
export function networkWithWidths(widths: readonly number[], activation = 'relu'): fc.Arbitrary<Network> {
  const layers = widths.slice(1).map((rows, k) =>
    fc.record({
      weights: fc.array(fc.array(coefficient(), { minLength: widths[k], maxLength: widths[k] }), {
        minLength: rows,
        maxLength: rows,
      }),
      biases: fc.array(coefficient(), { minLength: rows, maxLength: rows }),
    }),
  );
  return fc.tuple(...layers).map((ls) => ({ activation, layers: ls }));
}
