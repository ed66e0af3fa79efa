/**
 * Solving back from a dragged joint to the parameters of a shallow ReLU network with one input,
 * y = phi_0 + sum_d phi_d ReLU[theta_d0 + theta_d1 x].
 *
 * Unit d's joint sits at x_d = -theta_d0 / theta_d1. Moving it to x keeps the slope theta_d1 and
 * sets theta_d0 = -theta_d1 x. Moving the curve there to height y changes phi: y(x) is linear in
 * phi with gradient g = (1, h_1(x), ..., h_D(x)) (h_d(x) = 0 for the dragged unit), so the smallest
 * change that reaches y is phi += (y - y(x)) g / |g|^2 (unit d's own phi_d is left alone).
 */

/** Bounds the parameters stay in (those of the sliders). */
export interface ParameterLimits {
  theta: readonly [number, number];
  phi: readonly [number, number];
}

export const DEFAULT_LIMITS: ParameterLimits = { theta: [-3, 3], phi: [-10, 10] };

const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
const relu = (z: number) => Math.max(0, z);

/** The hidden activations h_d = ReLU[theta_d0 + theta_d1 x]. */
export function hiddenValues(theta: readonly (readonly number[])[], x: number): number[] {
  return theta.map(([b = 0, w = 0]) => relu(b + w * x));
}

/** y = phi_0 + sum_d phi_d h_d(x). */
export function shallowValue(
  theta: readonly (readonly number[])[],
  phi: readonly number[],
  x: number,
): number {
  return hiddenValues(theta, x).reduce((s, h, d) => s + (phi[d + 1] ?? 0) * h, phi[0] ?? 0);
}

/**
 * The parameters after dragging unit `unit`'s joint to (x, y): theta_d0 = -theta_d1 x (x clamped
 * so that theta_d0 stays inside the limits), then the least-change phi with y(x) = y (clamped to
 * the limits, so y is met exactly unless a phi hits its bound). A unit with theta_d1 = 0 has no
 * joint; then only phi changes.
 */
export function dragJoint(
  theta: readonly (readonly number[])[],
  phi: readonly number[],
  unit: number,
  x: number,
  y: number,
  limits: ParameterLimits = DEFAULT_LIMITS,
): { theta: number[][]; phi: number[]; x: number } {
  const nextTheta = theta.map((row) => [...row]);
  const row = nextTheta[unit];
  let at = x;
  if (row?.[1]) {
    const slope = row[1];
    row[0] = clamp(-slope * x, limits.theta) + 0;
    at = -row[0] / slope + 0;
  }
  const g = [1, ...hiddenValues(nextTheta, at)];
  const norm = g.reduce((s, v) => s + v * v, 0);
  const delta = y - shallowValue(nextTheta, phi, at);
  const nextPhi = phi.map((p, j) => clamp(p + (delta * (g[j] ?? 0)) / norm, limits.phi));
  return { theta: nextTheta, phi: nextPhi, x: at };
}
