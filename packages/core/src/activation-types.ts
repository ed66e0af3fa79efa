/**
 * Activation functions a[.] as typed configs: the plugin point through which ReLU and every
 * other activation (built-in or contributed) reach the forward pass, the trainer and the
 * exact region analysis.
 */

interface ActivationCommon {
  /** Registry name, e.g. `"relu"`; plugin names are namespaced as `"plugin/name"`. */
  name: string;
  /** One line for menus and docs. */
  description: string;
  /** a[z]. */
  f(z: number): number;
  /** da/dz; at a breakpoint, the slope of the piece to the right. */
  derivative(z: number): number;
  /** LaTeX for a[z], e.g. `\\max(0, z)`. */
  latex?: string;
}

/**
 * A piecewise-linear activation: breakpoints b_1 < ... < b_m and m + 1 affine pieces.
 * Piece j (between b_j and b_{j+1}, with b_0 = -inf, b_{m+1} = +inf) is
 * a[z] = slopes[j] * z + intercepts[j]. Exact region analysis relies on this declaration,
 * which must agree with `f` (the registry checks it when registering).
 */
export interface PiecewiseLinearActivation extends ActivationCommon {
  kind: 'piecewise-linear';
  breakpoints: readonly number[];
  slopes: readonly number[];
  intercepts: readonly number[];
}

/** A smooth activation (tanh, sigmoid, softplus, GELU): trainable, not analysable exactly. */
export interface SmoothActivation extends ActivationCommon {
  kind: 'smooth';
}

export type ActivationConfig = PiecewiseLinearActivation | SmoothActivation;

/** True when `act` declares breakpoints and pieces (so regions can analyse it exactly). */
export function isPiecewiseLinear(act: ActivationConfig): act is PiecewiseLinearActivation {
  return act.kind === 'piecewise-linear';
}

/** Index j of the piece of a piecewise-linear activation that contains z (right-continuous). */
export function pieceIndex(act: PiecewiseLinearActivation, z: number): number {
  const b = act.breakpoints;
  let j = 0;
  while (j < b.length && z >= (b[j] as number)) j++;
  return j;
}
