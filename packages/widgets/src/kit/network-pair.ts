/**
 * The twenty parameters of two composed 1-3-1 networks: network 1 (theta, phi: x -> y) and
 * network 2 (theta', phi': y -> y'), as slider specs with keys `n1.theta.1.0` ... `n2.phi.3`,
 * and the starting configurations of the section-1 widgets.
 */
import type { ShallowPair } from '@deepnets/core';
import { readParameter, shallowParameterSpecs, writeParameter } from './shallow-parameters.ts';
import type { SliderSpec } from './slider.ts';
import type { UrlSchema } from './url-state.ts';

/** Two shallow networks with one input and one output in the lecture's scalar notation. */
export type NetworkPair = ShallowPair;

/** Start configurations: 9 and 16 linear regions on [-1, 1] (defined with the lecture's examples). */
export { NINE_REGIONS, SIXTEEN_REGIONS } from '@deepnets/core';

export const clonePair = (p: NetworkPair): NetworkPair => ({
  theta1: p.theta1.map((r) => [...r]),
  phi1: [...p.phi1],
  theta2: p.theta2.map((r) => [...r]),
  phi2: [...p.phi2],
});

const PRIME = '\u2032';

/** Slider specs of both networks; network 2's symbols carry a prime (θ′₁₀, φ′₀). */
export function pairParameterSpecs(units = 3): { n1: SliderSpec[]; n2: SliderSpec[] } {
  const base = shallowParameterSpecs(units);
  return {
    n1: base.map((s) => ({ ...s, key: `n1.${s.key}` })),
    n2: base.map((s) => ({
      ...s,
      key: `n2.${s.key}`,
      label: s.label.replace(/^(theta|phi)/, '$1 prime'),
      display: `${s.display.slice(0, 1)}${PRIME}${s.display.slice(1)}`,
    })),
  };
}

/** The slider groups of both networks (kit `createSliderGroups`). */
export function pairSliderGroups(units = 3): { group: string; specs: SliderSpec[] }[] {
  const { n1, n2 } = pairParameterSpecs(units);
  return [
    { group: 'Network 1: x → y (θ, φ)', specs: n1 },
    { group: 'Network 2: y → y′ (θ′, φ′)', specs: n2 },
  ];
}

/** The two networks of a pair as choices of "Export network" (kit `createNetworkExport`). */
export const PAIR_EXPORT_CHOICES = [
  { value: 'network-1', text: 'network 1 (x → y)' },
  { value: 'network-2', text: 'network 2 (y → y′)' },
] as const;

/** The value of `n1.theta.1.0`-style keys. */
export function readPairParameter(pair: NetworkPair, key: string): number {
  const [net, ...rest] = key.split('.');
  const inner = rest.join('.');
  return net === 'n1'
    ? readParameter(pair.theta1, pair.phi1, inner)
    : readParameter(pair.theta2, pair.phi2, inner);
}

/** A copy of `pair` with one parameter changed. */
export function writePairParameter(pair: NetworkPair, key: string, value: number): NetworkPair {
  const [net, ...rest] = key.split('.');
  const inner = rest.join('.');
  if (net === 'n1') {
    const { theta, phi } = writeParameter(pair.theta1, pair.phi1, inner, value);
    return { ...pair, theta1: theta, phi1: phi };
  }
  const { theta, phi } = writeParameter(pair.theta2, pair.phi2, inner, value);
  return { ...pair, theta2: theta, phi2: phi };
}

/** URL schema of the twenty parameters (the sliders' bounds). */
export function pairUrlSchema(units = 3): UrlSchema {
  const { n1, n2 } = pairParameterSpecs(units);
  return Object.fromEntries([...n1, ...n2].map((s) => [s.key, { type: 'number', min: s.min, max: s.max }]));
}

/** All twenty values keyed for the URL. */
export function pairUrlValues(pair: NetworkPair, units = 3): Record<string, number> {
  const { n1, n2 } = pairParameterSpecs(units);
  return Object.fromEntries([...n1, ...n2].map((s) => [s.key, readPairParameter(pair, s.key)]));
}
