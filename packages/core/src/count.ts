/**
 * Counting parameters: layer k contributes D_{k+1} D_k weights (Omega_k) and D_{k+1} biases
 * (beta_k), so a network with widths D_0 = D_i, D_1, ..., D_K, D_{K+1} = D_o has
 * sum_k (D_k + 1) D_{k+1} parameters.
 */
import { DeepnetsError } from './errors.ts';
import type { Network } from './network.ts';

/** The number of weights and biases of `net`: sum_k (rows(Omega_k) cols(Omega_k) + |beta_k|). */
export function countParameters(net: Network): number {
  let total = 0;
  for (const layer of net.layers) {
    total += layer.biases.length;
    for (const row of layer.weights) total += row.length;
  }
  return total;
}

/** Throws unless `widths` is a list of at least two positive integers. */
export function checkWidths(widths: readonly number[], what = 'widths'): void {
  if (widths.length < 2) {
    throw new DeepnetsError(
      'OUT_OF_RANGE',
      `needs at least two entries (D_i and D_o), got ${widths.length}`,
      what,
    );
  }
  widths.forEach((w, i) => {
    if (!Number.isSafeInteger(w) || w < 1) {
      throw new DeepnetsError('OUT_OF_RANGE', `must be a positive integer, got ${w}`, `${what}[${i}]`);
    }
  });
}

/**
 * Parameters of a fully connected network with widths [D_i, D_1, ..., D_K, D_o]:
 * sum_{k=0}^{K} (D_k + 1) D_{k+1}. E.g. [1, 6, 1] -> 19, [1, 3, 3, 1] -> 22, [3, 4, 2, 3, 2] -> 43.
 */
export function parametersForWidths(widths: readonly number[]): number {
  checkWidths(widths);
  let total = 0;
  for (let k = 0; k + 1 < widths.length; k++) {
    total += ((widths[k] as number) + 1) * (widths[k + 1] as number);
  }
  return total;
}
