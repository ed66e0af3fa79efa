/**
 * The network as LaTeX, in the lecture's notations (section "Notation change and general case"):
 *
 * - `scalar`:  one equation per unit, h_1 = a[theta_10 + theta_11 x], ..., y = phi_0 + phi_1 h_1 + ...
 *   (symbols theta, phi for K = 1; theta, psi, phi' and h, h' for K = 2, as on the slides;
 *   beta_{k,i}, omega_{k,ij} and h_{k,i} for deeper networks);
 * - `vector`:  the same coefficients stacked in bmatrix blocks, [h_1; h_2; h_3] = a[[theta_10; ...] + [theta_11; ...] x];
 * - `general`: h_1 = a[beta_0 + Omega_0 x], h_k = a[beta_{k-1} + Omega_{k-1} h_{k-1}], y = beta_K + Omega_K h_K;
 * - `nested`:  y = beta_K + Omega_K a[beta_{K-1} + Omega_{K-1} a[... a[beta_0 + Omega_0 x] ...]].
 *
 * With `numbers: true` each coefficient is replaced by its value rounded to `digits` significant
 * digits (3 by default; 17 prints values that read back exactly).
 */
import { DeepnetsError } from './errors.ts';
import { affineSum, aligned, column, latexNumber, layerSub, matrix, sub } from './latex-parts.ts';
import type { Network } from './network.ts';
import { validateNetwork } from './validate.ts';

export type Notation = 'scalar' | 'vector' | 'general' | 'nested';

export interface LatexOptions {
  notation: Notation;
  /** Put the numbers in place of the symbols (default false). */
  numbers?: boolean;
  /** Significant digits of the numbers, 1..17 (default 3). */
  digits?: number;
}

/** Scalar symbols of one network: coefficient (k, i, j) with j = 0 the bias, unit and input names. */
interface Symbols {
  coefficient(k: number, i: number, j: number): string;
  unit(k: number, i: number): string;
  output(o: number): string;
  input(j: number): string;
}

function scalarSymbols(net: Network): Symbols {
  const K = net.layers.length - 1;
  const di = net.layers[0]?.weights[0]?.length ?? 0;
  const dout = net.layers[K]?.weights.length ?? 0;
  const input = (j: number): string => (di === 1 ? 'x' : `x${sub(j)}`);
  if (K === 1 || K === 2) {
    const names = K === 1 ? ['\\theta', '\\phi'] : ['\\theta', '\\psi', "\\phi'"];
    const prime = K === 2 ? "'" : '';
    return {
      coefficient: (k, i, j) => (k === K && dout === 1 ? `${names[k]}${sub(j)}` : `${names[k]}${sub(i, j)}`),
      unit: (k, i) => `h${k === 2 ? "'" : ''}${sub(i)}`,
      output: (o) => (dout === 1 ? `y${prime}` : `y${prime}${sub(o)}`),
      input,
    };
  }
  return {
    coefficient: (k, i, j) => (j === 0 ? `\\beta${layerSub(k, i)}` : `\\omega${layerSub(k, i, j)}`),
    unit: (k, i) => `h${layerSub(k, i)}`,
    output: (o) => (dout === 1 ? 'y' : `y${sub(o)}`),
    input,
  };
}

/** coefficient(k, i, j) as a symbol or a rounded number. */
function coefficientText(net: Network, sym: Symbols, numbers: boolean, digits: number) {
  return (k: number, i: number, j: number): string => {
    if (!numbers) return sym.coefficient(k, i + 1, j);
    const layer = net.layers[k]!;
    return latexNumber(j === 0 ? layer.biases[i]! : layer.weights[i]![j - 1]!, digits);
  };
}

function scalarOrVector(net: Network, vector: boolean, numbers: boolean, digits: number): string {
  const sym = scalarSymbols(net);
  const coef = coefficientText(net, sym, numbers, digits);
  const K = net.layers.length - 1;
  const lines: [string, string][] = [];
  let inputs = net.layers[0]!.weights[0]!.map((_, j) => sym.input(j + 1));
  net.layers.forEach((layer, k) => {
    const names = layer.weights.map((_, i) => (k === K ? sym.output(i + 1) : sym.unit(k + 1, i + 1)));
    const rows = layer.weights.map((row, i) => [coef(k, i, 0), ...row.map((_, j) => coef(k, i, j + 1))]);
    const wrap = (s: string): string => (k === K ? s : `${vector ? '\\mathbf{a}' : 'a'}\\left[${s}\\right]`);
    if (vector) {
      const rhs = `${column(rows.map((r) => r[0]!))} + ${matrix(rows.map((r) => r.slice(1)))}${column(inputs)}`;
      lines.push([column(names), wrap(rhs)]);
    } else {
      for (const [i, r] of rows.entries()) lines.push([names[i]!, wrap(affineSum(r, inputs, numbers))]);
    }
    inputs = names;
  });
  return aligned(lines);
}

/** beta_k and Omega_k as bold symbols or as numeric blocks. */
function generalTerms(net: Network, numbers: boolean, digits: number) {
  return (k: number): [string, string] => {
    if (!numbers) return [`\\boldsymbol{\\beta}_{${k}}`, `\\boldsymbol{\\Omega}_{${k}}`];
    const layer = net.layers[k]!;
    const n = (v: number): string => latexNumber(v, digits);
    return [column(layer.biases.map(n)), matrix(layer.weights.map((row) => row.map(n)))];
  };
}

function general(net: Network, numbers: boolean, digits: number): string {
  const term = generalTerms(net, numbers, digits);
  const K = net.layers.length - 1;
  const lines: [string, string][] = net.layers.map((_, k) => {
    const [beta, omega] = term(k);
    const input = k === 0 ? '\\mathbf{x}' : `\\mathbf{h}_{${k}}`;
    const rhs = `${beta} + ${omega}${input}`;
    return k === K ? ['\\mathbf{y}', rhs] : [`\\mathbf{h}_{${k + 1}}`, `\\mathbf{a}\\left[${rhs}\\right]`];
  });
  return aligned(lines);
}

function nested(net: Network, numbers: boolean, digits: number): string {
  const term = generalTerms(net, numbers, digits);
  let inner = '\\mathbf{x}';
  net.layers.forEach((_, k) => {
    const [beta, omega] = term(k);
    const z = `${beta} + ${omega}${inner}`;
    inner = k === net.layers.length - 1 ? z : `\\mathbf{a}\\left[${z}\\right]`;
  });
  return `\\mathbf{y} = ${inner}`;
}

/** The network `net` as a LaTeX string (KaTeX-compatible) in the chosen notation. */
export function toLatex(net: Network, options: LatexOptions): string {
  validateNetwork(net);
  const numbers = options.numbers ?? false;
  const digits = options.digits ?? 3;
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be an integer in 1..17, got ${digits}`, 'digits');
  }
  switch (options.notation) {
    case 'scalar':
      return scalarOrVector(net, false, numbers, digits);
    case 'vector':
      return scalarOrVector(net, true, numbers, digits);
    case 'general':
      return general(net, numbers, digits);
    case 'nested':
      return nested(net, numbers, digits);
    default:
      throw new DeepnetsError(
        'UNKNOWN_NAME',
        `unknown notation "${String(options.notation)}"; known notations: scalar, vector, general, nested`,
        'notation',
      );
  }
}
