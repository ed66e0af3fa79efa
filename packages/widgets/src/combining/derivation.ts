/**
 * The lecture's derivation "combine two networks into one", step by step with the reader's
 * numbers, as LaTeX strings for the kit's `latexToMathml` (step 4 is core's own `toLatex` of the
 * composed network):
 *
 * 1. the two networks;
 * 2. the hidden units of network 2 in terms of network 1's: h'_i = a[theta'_i0 + theta'_i1 y] =
 *    a[theta'_i0 + theta'_i1 phi_0 + theta'_i1 phi_1 h_1 + ...];
 * 3. the new variables psi_i0 = theta'_i0 + theta'_i1 phi_0, psi_ij = theta'_i1 phi_j, and
 *    Psi = theta'_{.1} (phi_1 phi_2 phi_3);
 * 4. the two-layer network with psi;
 * 5. the same as one equation.
 */
import { compose, shallowNetwork, toLatex } from '@deepnets/core';
import type { NetworkPair } from '../kit/network-pair.ts';
import { compositionPsi } from './psi.ts';

/** A number with at most `digits` decimals, no trailing zeros. */
export const num = (v: number, digits = 2): string => String(Number(v.toFixed(digits)) + 0);
/**
 * b + w phi_0 with the reader's numbers, written by hand: the sign of the product folded into the
 * operator (1.5 - 0.5, never "+ 1 · (-0.5)"), no factor 1, a zero constant or product left out.
 */
export function substituted(b: number, w: number, phi0: number): string {
  const [cb, cw, cp] = [b, w, phi0].map((v) => Number(v.toFixed(2)) + 0) as [number, number, number];
  if (cw === 0 || cp === 0) return num(cb);
  const magnitudes = [Math.abs(cw), Math.abs(cp)].filter((m) => m !== 1);
  const product = magnitudes.length ? magnitudes.map((m) => num(m)).join(' \\cdot ') : '1';
  const negative = cw * cp < 0;
  if (cb === 0) return `${negative ? '-' : ''}${product}`;
  return `${num(cb)} ${negative ? '-' : '+'} ${product}`;
}

/**
 * c_0 + c_1 v_1 + ... simplified as one writes it by hand: signs folded in (0.5 - 2h_{1}), no
 * coefficient 1 (x, not 1x), zero terms left out (a zero constant too, unless nothing is left).
 */
export function affine(coefficients: readonly number[], variables: readonly string[]): string {
  const c0 = Number((coefficients[0] ?? 0).toFixed(2)) + 0;
  let out = '';
  variables.forEach((v, j) => {
    const c = Number((coefficients[j + 1] ?? 0).toFixed(2));
    if (c === 0) return;
    const term = `${Math.abs(c) === 1 ? '' : num(Math.abs(c))}${v}`;
    out += out ? ` ${c < 0 ? '-' : '+'} ${term}` : `${c < 0 ? '-' : ''}${term}`;
  });
  if (!out) return num(c0);
  if (c0 === 0) return out;
  return `${num(c0)} ${out.startsWith('-') ? `- ${out.slice(1)}` : `+ ${out}`}`;
}

/** Drops a coefficient 1 in front of a variable in core's toLatex output: "+ 1x" -> "+ x". */
export const withoutUnitCoefficients = (latex: string): string =>
  latex.replace(/(^|[\s[=+\-(])1(?=[a-zA-Z])/g, '$1');

/** w (inner) as a term after a plus: "+ (inner)", "- (inner)" or "+ 2(inner)", "- 2(inner)". */
function scaled(w: number, inner: string): string {
  const c = Number(w.toFixed(2));
  if (c === 0) return '';
  const magnitude = Math.abs(c) === 1 ? '' : num(Math.abs(c));
  return ` ${c < 0 ? '-' : '+'} ${magnitude}\\left(${inner}\\right)`;
}

const H = ['h_{1}', 'h_{2}', 'h_{3}'];
const HP = ["h'_{1}", "h'_{2}", "h'_{3}"];
const aligned = (rows: readonly string[]) => `\\begin{aligned} ${rows.join(' \\\\ ')} \\end{aligned}`;

export interface DerivationStep {
  title: string;
  /** One sentence that says what happens in this step. */
  text: string;
  latex: string;
}

export function derivationSteps(pair: NetworkPair): DerivationStep[] {
  const { theta1, phi1, theta2, phi2 } = pair;
  const { psi0, psi } = compositionPsi(pair);
  const units = theta2.map((_, i) => i + 1);
  const step1 = aligned([
    ...theta1.map((t, d) => `h_{${d + 1}} &= a\\left[${affine(t, ['x'])}\\right]`),
    `y &= ${affine(phi1, H)}`,
    ...theta2.map((t, d) => `h'_{${d + 1}} &= a\\left[${affine(t, ['y'])}\\right]`),
    `y' &= ${affine(phi2, HP)}`,
  ]);
  const step2 = aligned(
    units.map((i) => {
      const [b = 0, w = 0] = theta2[i - 1]!;
      const rest = scaled(w, affine(phi1, H));
      const inside =
        Number(b.toFixed(2)) === 0 && rest
          ? rest.replace(/^ \+ /, '').replace(/^ - /, '-')
          : `${num(b)}${rest}`;
      return `h'_{${i}} &= a\\left[\\theta'_{${i}0} + \\theta'_{${i}1}y\\right] &= a\\left[${inside}\\right]`;
    }),
  );
  const step3 = aligned([
    ...units.map((i) => {
      const [b = 0, w = 0] = theta2[i - 1]!;
      return `\\psi_{${i}0} &= \\theta'_{${i}0} + \\theta'_{${i}1}\\phi_{0} = ${substituted(b, w, phi1[0] ?? 0)} = ${num(psi0[i - 1]!)}`;
    }),
    `\\Psi &= \\begin{bmatrix} ${psi.map((row) => row.map((v) => num(v)).join(' & ')).join(' \\\\ ')} \\end{bmatrix} = \\begin{bmatrix} ${theta2.map(([, w = 0]) => num(w)).join(' \\\\ ')} \\end{bmatrix} \\begin{bmatrix} ${phi1
      .slice(1)
      .map((v) => num(v))
      .join(' & ')} \\end{bmatrix}`,
  ]);
  const composed = compose(
    shallowNetwork({ theta: theta1, phi: phi1 }),
    shallowNetwork({ theta: theta2, phi: phi2 }),
  );
  const step4 = withoutUnitCoefficients(toLatex(composed, { notation: 'scalar', numbers: true, digits: 3 }));
  const inner = theta1.map((t) => `a\\left[${affine(t, ['x'])}\\right]`);
  const rows = units.map((i) => {
    const coefficient = Number((phi2[i] ?? 0).toFixed(2));
    const sign = i === 1 ? `y' &= ${num(phi2[0] ?? 0)} ` : '&\\quad ';
    const magnitude = Math.abs(coefficient) === 1 ? '' : `${num(Math.abs(coefficient))}\\,`;
    return `${sign}${coefficient < 0 ? '-' : '+'} ${magnitude}a\\left[${affine([psi0[i - 1]!, ...psi[i - 1]!], inner)}\\right]`;
  });
  return [
    {
      title: 'Two networks',
      text: 'Network 1 takes x to y; network 2 takes y to y′. These are your numbers.',
      latex: step1,
    },
    {
      title: 'Hidden units of network 2 in terms of network 1',
      text: 'Replace y by φ₀ + φ₁h₁ + φ₂h₂ + φ₃h₃ inside every hidden unit of network 2.',
      latex: step2,
    },
    {
      title: 'New variables ψ',
      text: 'Collect the coefficients: ψᵢ₀ = θ′ᵢ₀ + θ′ᵢ₁φ₀ and ψᵢⱼ = θ′ᵢ₁φⱼ. Ψ is a column times a row.',
      latex: step3,
    },
    {
      title: 'A network with two hidden layers',
      text: 'The same function written as one network (core’s compose and toLatex).',
      latex: step4,
    },
    {
      title: 'One equation',
      text: 'Put the first layer inside the second: y′ as a single formula in x.',
      latex: aligned(rows),
    },
  ];
}
