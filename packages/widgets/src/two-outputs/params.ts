/**
 * The 18 parameters of the lecture's shallow network with one input, four hidden units and two
 * outputs, as a flat record keyed like the sliders:
 *
 *   h_d = a[theta_d0 + theta_d1 x]                 (d = 1..4)   keys theta.d.0, theta.d.1
 *   y_o = phi_o0 + phi_o1 h_1 + ... + phi_o4 h_4    (o = 1, 2)   keys phi.o.j
 */
import { type Network, shallowNetwork } from '@deepnets/core';
import { type SliderSpec, subscript as sub } from '../kit/slider.ts';
import type { UrlSchema } from '../kit/url-state.ts';

export type TwoOutputParams = Record<string, number>;
export const HIDDEN = 4;

export function twoOutputSpecs(): { group: string; specs: SliderSpec[] }[] {
  const theta: SliderSpec[] = [];
  const phi: SliderSpec[][] = [[], []];
  for (let d = 1; d <= HIDDEN; d++) {
    for (const j of [0, 1]) {
      theta.push({
        key: `theta.${d}.${j}`,
        label: `theta ${d} ${j}`,
        display: `θ${sub(d)}${sub(j)}`,
        min: -3,
        max: 3,
        step: 0.01,
      });
    }
  }
  for (const o of [1, 2]) {
    for (let j = 0; j <= HIDDEN; j++) {
      phi[o - 1]!.push({
        key: `phi.${o}.${j}`,
        label: `phi ${o} ${j}`,
        display: `φ${sub(o)}${sub(j)}`,
        min: -3,
        max: 3,
        step: 0.01,
      });
    }
  }
  return [
    { group: 'Hidden units θ', specs: theta },
    { group: 'Output y₁: φ₁ⱼ', specs: phi[0]! },
    { group: 'Output y₂: φ₂ⱼ', specs: phi[1]! },
  ];
}

/** Joints at x = 0.2, 0.4, 0.6, 0.8; the two outputs weight the same four units differently. */
export const DEFAULT_TWO_OUTPUTS: TwoOutputParams = {
  'theta.1.0': -0.2,
  'theta.1.1': 1,
  'theta.2.0': 0.5,
  'theta.2.1': -1.25,
  'theta.3.0': -0.9,
  'theta.3.1': 1.5,
  'theta.4.0': 0.8,
  'theta.4.1': -1,
  'phi.1.0': 0.2,
  'phi.1.1': 1.5,
  'phi.1.2': -1,
  'phi.1.3': 2,
  'phi.1.4': -1.5,
  'phi.2.0': -0.3,
  'phi.2.1': -1,
  'phi.2.2': 2,
  'phi.2.3': -1.5,
  'phi.2.4': 1,
};

export function twoOutputTheta(p: TwoOutputParams): number[][] {
  return Array.from({ length: HIDDEN }, (_, d) => [p[`theta.${d + 1}.0`] ?? 0, p[`theta.${d + 1}.1`] ?? 0]);
}

/** The 1-4-2 network; with `output`, only that output's row (a 1-4-1 network). */
export function twoOutputNetwork(p: TwoOutputParams, output?: 1 | 2): Network {
  const row = (o: number) => Array.from({ length: HIDDEN + 1 }, (_, j) => p[`phi.${o}.${j}`] ?? 0);
  const phi = output ? [row(output)] : [row(1), row(2)];
  return shallowNetwork({ theta: twoOutputTheta(p), phi });
}

export function twoOutputUrlSchema(): UrlSchema {
  const schema: UrlSchema = {};
  for (const { specs } of twoOutputSpecs())
    for (const s of specs) schema[s.key] = { type: 'number', min: s.min, max: s.max };
  return schema;
}
