/**
 * Which weight each coefficient of a rendered equation stands for, in reading order, for each
 * notation tab (the order in which core's `toLatex` writes them):
 *
 * - `scalar`: layer by layer, unit by unit: beta_k[i] then Omega_k[i, 1..D_k];
 * - `vector` and `matrix` (general notation with numbers): layer by layer, the bias column
 *   beta_k, then Omega_k row by row;
 * - `general` (symbols): beta_k and Omega_k as whole blocks, k = 0..K, then the nested equation's
 *   blocks from the outside in (K..0);
 * - `renaming`: none (the lecture's two-layer names beside the general ones, see renaming.ts).
 */
import { createRng, initNetwork, type Network } from '@deepnets/core';
import type { CoefRef } from '../kit/network-diagram.ts';

export type NotationTab = 'scalar' | 'vector' | 'matrix' | 'general' | 'renaming';
export const NOTATION_TABS: readonly NotationTab[] = ['scalar', 'vector', 'matrix', 'general', 'renaming'];

export function coefficientOrder(net: Network, tab: NotationTab): CoefRef[] {
  const refs: CoefRef[] = [];
  // The renaming tab names whole blocks twice (old and new symbol); it links nothing.
  if (tab === 'renaming') return refs;
  if (tab === 'general') {
    const K = net.layers.length - 1;
    for (let k = 0; k <= K; k++) refs.push({ k, i: -1, j: 0 }, { k, i: -1, j: -1 });
    for (let k = K; k >= 0; k--) refs.push({ k, i: -1, j: 0 }, { k, i: -1, j: -1 });
    return refs;
  }
  for (const [k, layer] of net.layers.entries()) {
    const rows = layer.weights.entries();
    if (tab === 'scalar') {
      for (const [i, row] of rows) {
        refs.push({ k, i, j: 0 });
        for (let j = 1; j <= row.length; j++) refs.push({ k, i, j });
      }
      continue;
    }
    for (let i = 0; i < layer.biases.length; i++) refs.push({ k, i, j: 0 });
    for (const [i, row] of rows) for (let j = 1; j <= row.length; j++) refs.push({ k, i, j });
  }
  return refs;
}

/** Every single coefficient (k, i, j), layer by layer: the diagram's keyboard order. */
export function allCoefficients(net: Network): CoefRef[] {
  return coefficientOrder(net, 'scalar');
}

/**
 * The section's example network: D_i = 3, hidden widths 4, 2, 3, D_o = 2, He-normal weights and
 * biases uniform in [-0.5, 0.5] from `seed`, all rounded to two decimals so that the equations
 * show every value exactly.
 */
export function exampleNetwork(seed = 1, widths: readonly number[] = [3, 4, 2, 3, 2]): Network {
  const rng = createRng(seed);
  const net = initNetwork(widths, { init: 'he-normal', rng });
  const round = (v: number) => Math.round(v * 100) / 100 + 0;
  for (const layer of net.layers) {
    layer.weights = layer.weights.map((row) => row.map(round));
    layer.biases = layer.biases.map(() => round(rng.uniform() - 0.5));
  }
  return net;
}
