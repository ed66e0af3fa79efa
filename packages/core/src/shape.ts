/**
 * Hyperparameters of a network (lecture, "Hyperparameters"): the depth K (number of hidden
 * layers) and the widths D_k of the layers.
 */
import type { Network } from './network.ts';

/** D_i: the number of inputs (columns of Omega_0). */
export function inputSize(net: Network): number {
  return net.layers[0]?.weights[0]?.length ?? 0;
}

/** D_o: the number of outputs (rows of Omega_K). */
export function outputSize(net: Network): number {
  return net.layers[net.layers.length - 1]?.weights.length ?? 0;
}

/** K: the number of hidden layers (the depth); a shallow network has K = 1. */
export function depth(net: Network): number {
  return Math.max(0, net.layers.length - 1);
}

/** [D_0 = D_i, D_1, ..., D_K, D_o]: inputs, the hidden widths, outputs. */
export function widths(net: Network): number[] {
  return [inputSize(net), ...net.layers.map((layer) => layer.weights.length)];
}

/** [D_1, ..., D_K]: the hidden widths only. */
export function hiddenWidths(net: Network): number[] {
  return net.layers.slice(0, -1).map((layer) => layer.weights.length);
}
