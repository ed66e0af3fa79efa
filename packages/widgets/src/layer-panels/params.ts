/**
 * The 22 parameters of a general 1-3-3-1 network in the lecture's scalar notation:
 *
 *   h_d   = a[theta_d0 + theta_d1 x]                          (d = 1..3)
 *   h'_i  = a[psi_i0 + psi_i1 h_1 + psi_i2 h_2 + psi_i3 h_3]   (i = 1..3)
 *   y'    = phi'_0 + phi'_1 h'_1 + phi'_2 h'_2 + phi'_3 h'_3
 *
 * kept as a flat record keyed like the sliders (`theta.1.0`, `psi.2.3`, `phi.0`).
 */
import { createRng, type Network } from '@deepnets/core';
import { type SliderSpec, subscript as sub } from '../kit/slider.ts';
import type { UrlSchema } from '../kit/url-state.ts';

export type ParameterRecord = Record<string, number>;

/** Slider specs, grouped by layer: theta (6), psi (12), phi' (4). */
export function layerPanelsSpecs(): { group: string; specs: SliderSpec[] }[] {
  const theta: SliderSpec[] = [];
  const psi: SliderSpec[] = [];
  const phi: SliderSpec[] = [];
  for (let d = 1; d <= 3; d++) {
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
  for (let i = 1; i <= 3; i++) {
    for (let j = 0; j <= 3; j++) {
      psi.push({
        key: `psi.${i}.${j}`,
        label: `psi ${i} ${j}`,
        display: `ψ${sub(i)}${sub(j)}`,
        min: -3,
        max: 3,
        step: 0.01,
      });
    }
  }
  for (let j = 0; j <= 3; j++) {
    phi.push({
      key: `phi.${j}`,
      label: `phi prime ${j}`,
      display: `φ′${sub(j)}`,
      min: -3,
      max: 3,
      step: 0.01,
    });
  }
  return [
    { group: 'First layer θ', specs: theta },
    { group: 'Second layer ψ', specs: psi },
    { group: 'Output φ′', specs: phi },
  ];
}

/**
 * The default: three first-layer joints inside [0, 1], and every second-layer pre-activation
 * crosses zero inside [0, 1], so each clipped unit adds joints of its own (found by a local
 * search over one-decimal values; no region is narrower than 0.05).
 */
export const DEFAULT_LAYER_PANELS: ParameterRecord = fromArrays(
  [
    [-1.4, 2.8],
    [0.8, -2.8],
    [0.3, -2.1],
  ],
  [
    [0.6, -3, -3, 2.4],
    [1.4, -2.8, -2.7, 0.9],
    [-2.6, 2.6, 0.9, 2.2],
  ],
  [-1.9, -3, 1.1, 2.2],
);

export function fromArrays(theta: number[][], psi: number[][], phi: number[]): ParameterRecord {
  const out: ParameterRecord = {};
  for (const [d, row] of theta.entries()) for (const [j, v] of row.entries()) out[`theta.${d + 1}.${j}`] = v;
  for (const [i, row] of psi.entries()) for (const [j, v] of row.entries()) out[`psi.${i + 1}.${j}`] = v;
  for (const [j, v] of phi.entries()) out[`phi.${j}`] = v;
  return out;
}

/** The 1-3-3-1 network (Omega_0 = theta_.1, beta_0 = theta_.0, Omega_1 = psi_ij, ...). */
export function layerPanelsNetwork(p: ParameterRecord, activation = 'relu'): Network {
  const v = (key: string) => p[key] ?? 0;
  const units = [1, 2, 3];
  return {
    activation,
    layers: [
      { weights: units.map((d) => [v(`theta.${d}.1`)]), biases: units.map((d) => v(`theta.${d}.0`)) },
      {
        weights: units.map((i) => units.map((j) => v(`psi.${i}.${j}`))),
        biases: units.map((i) => v(`psi.${i}.0`)),
      },
      { weights: [units.map((j) => v(`phi.${j}`))], biases: [v('phi.0')] },
    ],
  };
}

/**
 * Random parameters from `seed` (core's RNG), rounded to the sliders' step: first-layer joints
 * spread over [0, 1] (theta_d0 = -theta_d1 * u with u uniform), the other weights uniform in [-2, 2].
 */
export function randomLayerPanels(seed: number): ParameterRecord {
  const rng = createRng(seed);
  const round = (v: number) => Math.round(v * 100) / 100;
  const u = (lo: number, hi: number) => round(lo + (hi - lo) * rng.uniform());
  const out: ParameterRecord = {};
  for (let d = 1; d <= 3; d++) {
    const slope = (rng.uniform() < 0.5 ? -1 : 1) * u(0.6, 2.5);
    out[`theta.${d}.1`] = slope;
    out[`theta.${d}.0`] = round(-slope * rng.uniform());
  }
  for (let i = 1; i <= 3; i++) for (let j = 0; j <= 3; j++) out[`psi.${i}.${j}`] = u(-2, 2);
  for (let j = 0; j <= 3; j++) out[`phi.${j}`] = u(-2, 2);
  return out;
}

export function layerPanelsUrlSchema(): UrlSchema {
  const schema: UrlSchema = { seed: { type: 'integer', min: 0, max: 2 ** 31 } };
  for (const { specs } of layerPanelsSpecs()) {
    for (const s of specs) schema[s.key] = { type: 'number', min: s.min, max: s.max };
  }
  return schema;
}
