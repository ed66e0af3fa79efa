/**
 * The ten parameters of a 1-3-1 network in the lecture's scalar notation, as slider specs:
 * theta_10, theta_11, theta_20, theta_21, theta_30, theta_31 (hidden units h_d = a[theta_d0 + theta_d1 x])
 * and phi_0..phi_3 (output y = phi_0 + phi_1 h_1 + phi_2 h_2 + phi_3 h_3).
 */

import { type SliderSpec, subscript as sub } from './slider.ts';

/** Slider specs for `units` hidden units with one input and one output. */
export function shallowParameterSpecs(units: number): SliderSpec[] {
  const specs: SliderSpec[] = [];
  for (let d = 1; d <= units; d++) {
    for (const j of [0, 1]) {
      specs.push({
        key: `theta.${d}.${j}`,
        label: `theta ${d} ${j}`,
        display: `θ${sub(d)}${sub(j)}`,
        min: -3,
        max: 3,
        step: 0.01,
      });
    }
  }
  for (let d = 0; d <= units; d++) {
    specs.push({ key: `phi.${d}`, label: `phi ${d}`, display: `φ${sub(d)}`, min: -10, max: 10, step: 0.01 });
  }
  return specs;
}

/** Reads the value for a spec key from theta (D x 2) and phi (D + 1). */
export function readParameter(
  theta: readonly (readonly number[])[],
  phi: readonly number[],
  key: string,
): number {
  const [kind, a, b] = key.split('.');
  if (kind === 'theta') return theta[Number(a) - 1]?.[Number(b)] ?? 0;
  return phi[Number(a)] ?? 0;
}

/** Returns copies of theta and phi with the parameter `key` set to `value`. */
export function writeParameter(
  theta: readonly (readonly number[])[],
  phi: readonly number[],
  key: string,
  value: number,
): { theta: number[][]; phi: number[] } {
  const nextTheta = theta.map((row) => [...row]);
  const nextPhi = [...phi];
  const [kind, a, b] = key.split('.');
  if (kind === 'theta') {
    const row = nextTheta[Number(a) - 1];
    if (row) row[Number(b)] = value;
  } else {
    nextPhi[Number(a)] = value;
  }
  return { theta: nextTheta, phi: nextPhi };
}
