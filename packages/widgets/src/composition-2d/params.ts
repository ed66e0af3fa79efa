/**
 * The parameters of the section-1 2-D example: network 1 with two inputs and three hidden units,
 * h_d = a[theta_d0 + theta_d1 x_1 + theta_d2 x_2], y = phi_0 + sum_d phi_d h_d (13 parameters), and
 * network 2 with one input and two hidden units, h'_d = a[theta'_d0 + theta'_d1 y],
 * y' = phi'_0 + phi'_1 h'_1 + phi'_2 h'_2 (7 parameters), as in the book's Figure 4.2.
 */
import { FIGURE_4_2, type ShallowPair } from '@deepnets/core';
import { readPairParameter } from '../kit/network-pair.ts';
import { type SliderSpec, subscript as sub } from '../kit/slider.ts';
import type { UrlSchema } from '../kit/url-state.ts';

/**
 * Network 1 with two inputs (theta[d] = [theta_d0, theta_d1, theta_d2]), network 2 with one; read,
 * written and copied by the kit's pair functions (network-pair.ts), which take any number of inputs.
 */
export type Pair2D = ShallowPair;

/** The book's Figure 4.2 example (7 -> 13 regions), from the lecture's examples in @deepnets/core. */
export const BOOK_2D: Pair2D = FIGURE_4_2;

/** Slider specs: network 1 (`n1.theta.d.j`, `n1.phi.d`) and network 2 (primed, `n2.…`). */
export function pair2dSpecs(units1 = 3, units2 = 2): { n1: SliderSpec[]; n2: SliderSpec[] } {
  const make = (net: 'n1' | 'n2', units: number, inputs: number): SliderSpec[] => {
    const prime = net === 'n2' ? '\u2032' : '';
    const word = net === 'n2' ? ' prime' : '';
    const specs: SliderSpec[] = [];
    for (let d = 1; d <= units; d++) {
      for (let j = 0; j <= inputs; j++) {
        specs.push({
          key: `${net}.theta.${d}.${j}`,
          label: `theta${word} ${d} ${j}`,
          display: `θ${prime}${sub(d)}${sub(j)}`,
          min: -3,
          max: 3,
          step: 0.01,
        });
      }
    }
    for (let d = 0; d <= units; d++) {
      specs.push({
        key: `${net}.phi.${d}`,
        label: `phi${word} ${d}`,
        display: `φ${prime}${sub(d)}`,
        min: -5,
        max: 5,
        step: 0.01,
      });
    }
    return specs;
  };
  return { n1: make('n1', units1, 2), n2: make('n2', units2, 1) };
}

export function pair2dUrlSchema(): UrlSchema {
  const { n1, n2 } = pair2dSpecs();
  return Object.fromEntries([...n1, ...n2].map((s) => [s.key, { type: 'number', min: s.min, max: s.max }]));
}

export function pair2dUrlValues(pair: Pair2D): Record<string, number> {
  const { n1, n2 } = pair2dSpecs();
  return Object.fromEntries([...n1, ...n2].map((s) => [s.key, readPairParameter(pair, s.key)]));
}
