/**
 * The network type shared by every deepnets package.
 *
 * A deep network with K hidden layers (lecture, "general equations for deep network"):
 *
 *   h_1 = a[beta_0 + Omega_0 x]
 *   h_k = a[beta_{k-1} + Omega_{k-1} h_{k-1}]      for k = 2..K
 *   y   = beta_K + Omega_K h_K
 *
 * `layers[k]` holds Omega_k (`weights`, D_{k+1} x D_k, row i = the weights into unit i) and
 * beta_k (`biases`, D_{k+1} entries). The activation a[.] applies after every layer but the last,
 * so a network with K hidden layers has K + 1 layers.
 */

/** A row-major matrix as nested arrays: `m[i][j]` is row i, column j. */
import type { ActivationName } from './register.ts';

export type Matrix = number[][];
/** A column vector. */
export type Vector = number[];

/** One affine layer: pre-activations = beta_k + Omega_k h_k. */
export interface Layer {
  /** Omega_k: D_{k+1} rows, D_k columns; `weights[i][j]` goes from input j to unit i. */
  weights: Matrix;
  /** beta_k: D_{k+1} entries. */
  biases: Vector;
}

/** A fully connected network: the lecture's general deep network. */
export interface Network {
  /** Name of a registered activation (see `getActivation`), `"relu"` by default. */
  activation: ActivationName;
  /** Layers 0..K; the activation applies after all but the last. */
  layers: Layer[];
}
