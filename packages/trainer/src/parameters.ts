/**
 * The flat parameter vector phi of a network, as the optimizers see it.
 *
 * Layers k = 0..K are stored one after the other: Omega_k row-major (D_{k+1} x D_k entries),
 * then beta_k (D_{k+1} entries). Gradients and optimizer state use the same layout.
 */
import { type Network, NetworkValidationError } from '@deepnets/core';
import type { FloatArray } from './kernel.ts';

/** Where each Omega_k and beta_k sits in the flat vector. */
export interface ParameterLayout {
  /** D_0 (inputs), D_1..D_K (hidden widths), D_{K+1} (outputs). */
  readonly widths: readonly number[];
  /** Offset of Omega_k for k = 0..K. */
  readonly weightOffsets: readonly number[];
  /** Offset of beta_k for k = 0..K. */
  readonly biasOffsets: readonly number[];
  /** Total number of parameters. */
  readonly size: number;
}

/** The layout of a network with widths D_0, ..., D_{K+1} (at least two entries, all >= 1). */
export function layoutFromWidths(widths: readonly number[]): ParameterLayout {
  if (widths.length < 2) {
    throw new NetworkValidationError('a network needs at least an input and an output width', 'widths');
  }
  widths.forEach((d, k) => {
    if (!Number.isInteger(d) || d < 1) {
      throw new NetworkValidationError(`width must be a positive integer, got ${d}`, `widths[${k}]`);
    }
  });
  const weightOffsets: number[] = [];
  const biasOffsets: number[] = [];
  let size = 0;
  for (let k = 0; k + 1 < widths.length; k++) {
    const din = widths[k] as number;
    const dout = widths[k + 1] as number;
    weightOffsets.push(size);
    size += din * dout;
    biasOffsets.push(size);
    size += dout;
  }
  return { widths: [...widths], weightOffsets, biasOffsets, size };
}

/** The layout of `network`, checking that its layers are rectangular and chain together. */
export function layoutOf(network: Network): ParameterLayout {
  const { layers } = network;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new NetworkValidationError('a network needs at least one layer', 'layers');
  }
  const widths = [layers[0]?.weights[0]?.length ?? 0];
  layers.forEach((layer, k) => {
    const din = widths[k] as number;
    const dout = layer.weights.length;
    if (layer.biases.length !== dout) {
      throw new NetworkValidationError(
        `has ${layer.biases.length} biases for ${dout} weight rows`,
        `layers[${k}].biases`,
      );
    }
    layer.weights.forEach((row, i) => {
      if (row.length !== din) {
        throw new NetworkValidationError(
          `has ${row.length} entries, expected ${din} (the width of the layer's input)`,
          `layers[${k}].weights[${i}]`,
        );
      }
    });
    widths.push(dout);
  });
  return layoutFromWidths(widths);
}

/** Copies the Omega_k and beta_k of `network` into a flat vector (allocated if not given). */
export function packParameters(
  network: Network,
  layout: ParameterLayout,
  out: FloatArray = new Float64Array(layout.size),
): FloatArray {
  network.layers.forEach((layer, k) => {
    let at = layout.weightOffsets[k] as number;
    for (const row of layer.weights) for (const w of row) out[at++] = w;
    out.set(layer.biases, layout.biasOffsets[k] as number);
  });
  return out;
}

/** The network whose Omega_k and beta_k are read from the flat vector `theta`. */
export function unpackParameters(theta: FloatArray, layout: ParameterLayout, activation: string): Network {
  const { widths } = layout;
  const layers = layout.weightOffsets.map((wOff, k) => {
    const din = widths[k] as number;
    const dout = widths[k + 1] as number;
    const weights = Array.from({ length: dout }, (_, i) =>
      Array.from(theta.subarray(wOff + i * din, wOff + (i + 1) * din)),
    );
    const bOff = layout.biasOffsets[k] as number;
    return { weights, biases: Array.from(theta.subarray(bOff, bOff + dout)) };
  });
  return { activation, layers };
}
