/**
 * Joints of a shallow network's function y = phi_0 + sum_d phi_d a[theta_d0 + theta_d1 x]:
 * the inputs where hidden unit d's pre-activation theta_d0 + theta_d1 x crosses a breakpoint b of
 * the activation, x = (b - theta_d0) / theta_d1 (for ReLU, b = 0).
 */
import { getActivation, isPiecewiseLinear } from '@deepnets/core';

export interface Joint {
  /** Hidden unit d (0-based). */
  unit: number;
  /** The input where the unit switches piece. */
  x: number;
}

/** Joints inside [lo, hi], sorted by x; a unit with theta_d1 = 0 never switches. */
export function shallowJoints(
  theta: readonly (readonly number[])[],
  activation: string,
  [lo, hi]: readonly [number, number],
): Joint[] {
  const act = getActivation(activation);
  const breakpoints = isPiecewiseLinear(act) ? act.breakpoints : [];
  const joints: Joint[] = [];
  theta.forEach(([bias = 0, slope = 0], unit) => {
    if (slope === 0) return;
    for (const b of breakpoints) {
      const x = (b - bias) / slope + 0; // + 0 turns -0 into 0
      if (x >= lo && x <= hi) joints.push({ unit, x });
    }
  });
  return joints.sort((a, b) => a.x - b.x);
}
