/**
 * The built-in activations a[.]. They are registered through the public plugin API
 * (`builtinActivationsPlugin`), exactly as a contributor's activation would be.
 */
import type { ActivationConfig, PiecewiseLinearActivation, SmoothActivation } from './activation-types.ts';

/**
 * Builds a piecewise-linear activation whose `f` and `derivative` follow its declared pieces. At a
 * breakpoint the derivative is the slope on its left (so ReLU'[0] = 0, PyTorch's convention, and
 * what a fused kernel that only keeps h = ReLU[z] can compute: [h > 0]).
 */
export function definePiecewiseLinear(spec: {
  name: string;
  description: string;
  breakpoints: readonly number[];
  slopes: readonly number[];
  intercepts: readonly number[];
  latex?: string;
}): PiecewiseLinearActivation {
  const { breakpoints, slopes, intercepts } = spec;
  if (slopes.length !== breakpoints.length + 1 || intercepts.length !== slopes.length) {
    throw new Error(
      `activation "${spec.name}": ${breakpoints.length} breakpoints need ${breakpoints.length + 1} slopes and intercepts`,
    );
  }
  /** The piece of z for `f`: a breakpoint belongs to the piece on its right. */
  const piece = (z: number): number => {
    let j = 0;
    while (j < breakpoints.length && z >= (breakpoints[j] as number)) j++;
    return j;
  };
  /** The piece of z for the derivative: a breakpoint belongs to the piece on its left. */
  const pieceFromLeft = (z: number): number => {
    let j = 0;
    while (j < breakpoints.length && z > (breakpoints[j] as number)) j++;
    return j;
  };
  return {
    kind: 'piecewise-linear',
    ...spec,
    f: (z) => {
      const j = piece(z);
      return (slopes[j] as number) * z + (intercepts[j] as number);
    },
    derivative: (z) => slopes[pieceFromLeft(z)] as number,
  };
}

/** ReLU[z] = max(0, z): the lecture's default activation. */
export const relu = definePiecewiseLinear({
  name: 'relu',
  description: 'Rectified linear unit, max(0, z)',
  breakpoints: [0],
  slopes: [0, 1],
  intercepts: [0, 0],
  latex: '\\mathrm{ReLU}[z] = \\max(0, z)',
});

/** Leaky ReLU with slope 0.1 for negative z. */
export const leakyRelu = definePiecewiseLinear({
  name: 'leaky-relu',
  description: 'Leaky ReLU, z for z >= 0 and 0.1 z below',
  breakpoints: [0],
  slopes: [0.1, 1],
  intercepts: [0, 0],
  latex: '\\max(0.1z, z)',
});

/** Absolute value |z|: folds the input onto itself. */
export const abs = definePiecewiseLinear({
  name: 'abs',
  description: 'Absolute value |z|',
  breakpoints: [0],
  slopes: [-1, 1],
  intercepts: [0, 0],
  latex: '|z|',
});

/** Hard tanh: z clipped to [-1, 1]. */
export const hardTanh = definePiecewiseLinear({
  name: 'hard-tanh',
  description: 'Hard tanh, z clipped to [-1, 1]',
  breakpoints: [-1, 1],
  slopes: [0, 1, 0],
  intercepts: [-1, 0, 1],
  latex: '\\min(1, \\max(-1, z))',
});

/** Identity a[z] = z: the network collapses to one affine map. */
export const identity = definePiecewiseLinear({
  name: 'identity',
  description: 'Identity, z (the network is then affine)',
  breakpoints: [],
  slopes: [1],
  intercepts: [0],
  latex: 'z',
});

const smooth = (spec: Omit<SmoothActivation, 'kind'>): SmoothActivation => ({
  kind: 'smooth',
  ...spec,
});

/** tanh[z]. */
export const tanh = smooth({
  name: 'tanh',
  description: 'Hyperbolic tangent',
  f: Math.tanh,
  derivative: (z) => 1 - Math.tanh(z) ** 2,
  latex: '\\tanh z',
});

/** Logistic sigmoid 1 / (1 + e^{-z}). */
export const sigmoid = smooth({
  name: 'sigmoid',
  description: 'Logistic sigmoid 1 / (1 + exp(-z))',
  f: (z) => 1 / (1 + Math.exp(-z)),
  derivative: (z) => {
    const s = 1 / (1 + Math.exp(-z));
    return s * (1 - s);
  },
  latex: '\\frac{1}{1 + e^{-z}}',
});

/** softplus[z] = log(1 + e^z), computed without overflow. */
export const softplus = smooth({
  name: 'softplus',
  description: 'Softplus log(1 + exp(z))',
  f: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
  derivative: (z) => 1 / (1 + Math.exp(-z)),
  latex: '\\log(1 + e^{z})',
});

/** erf by Abramowitz-Stegun 7.1.26 refined: absolute error below 1.5e-7. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/** GELU[z] = z Phi(z), Phi the standard normal CDF. */
export const gelu = smooth({
  name: 'gelu',
  description: 'Gaussian error linear unit z * Phi(z)',
  f: (z) => 0.5 * z * (1 + erf(z / Math.SQRT2)),
  derivative: (z) => 0.5 * (1 + erf(z / Math.SQRT2)) + (z * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI),
  latex: 'z\\,\\Phi(z)',
});

/** All built-in activations, in menu order. */
export const builtinActivations: readonly ActivationConfig[] = [
  relu,
  leakyRelu,
  abs,
  hardTanh,
  identity,
  tanh,
  sigmoid,
  softplus,
  gelu,
];
