/** fast-check generators of networks and inputs for property tests. */
import fc from 'fast-check';
import type { Network } from '../network.ts';

/** A finite, moderately sized double (no NaN, no infinities, no subnormal noise). */
export const coefficient = (): fc.Arbitrary<number> =>
  fc.double({ min: -4, max: 4, noNaN: true, noDefaultInfinity: true });

/** A network with the given widths [D_0, ..., D_{K+1}] and random coefficients. */
export function networkWithWidths(widths: readonly number[], activation = 'relu'): fc.Arbitrary<Network> {
  const layers = widths.slice(1).map((rows, k) =>
    fc.record({
      weights: fc.array(fc.array(coefficient(), { minLength: widths[k]!, maxLength: widths[k]! }), {
        minLength: rows,
        maxLength: rows,
      }),
      biases: fc.array(coefficient(), { minLength: rows, maxLength: rows }),
    }),
  );
  return fc.tuple(...layers).map((ls) => ({ activation, layers: ls }));
}

/** Widths [D_0, ..., D_{K+1}] with 1..maxLayers layers and every width in 1..maxWidth. */
export const widthList = (maxLayers = 4, maxWidth = 5): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 1, max: maxWidth }), { minLength: 2, maxLength: maxLayers + 1 });

/** A random network of random shape. */
export const anyNetwork = (activation = 'relu'): fc.Arbitrary<Network> =>
  widthList().chain((w) => networkWithWidths(w, activation));

/** A vector of n coefficients. */
export const vectorOf = (n: number): fc.Arbitrary<number[]> =>
  fc.array(coefficient(), { minLength: n, maxLength: n });

/**
 * Independent reference forward pass: y = beta_K + Omega_K a[... a[beta_0 + Omega_0 x] ...],
 * written as a fold over the layers with column-wise accumulation (unlike core's row loop).
 */
export function referenceForward(net: Network, x: readonly number[], a: (z: number) => number): number[] {
  return net.layers.reduce<number[]>(
    (h, layer, k) => {
      const z = [...layer.biases];
      h.forEach((hj, j) => {
        layer.weights.forEach((row, i) => {
          z[i] = z[i]! + row[j]! * hj;
        });
      });
      return k < net.layers.length - 1 ? z.map(a) : z;
    },
    [...x],
  );
}

/** |actual - expected| <= tol (1 + |expected|): a relative check that also works near zero. */
export function closeTo(actual: number | undefined, expected: number, tol = 1e-9): boolean {
  return actual !== undefined && Math.abs(actual - expected) <= tol * (1 + Math.abs(expected));
}
