/**
 * The lecture's renaming ("Notation change #2" and "#3") on a network with two hidden layers:
 * the two-layer names theta_0, theta (first layer), psi_0, Psi (second layer) and phi'_0, phi'
 * (output) become beta_0, Omega_0, beta_1, Omega_1, beta_2, Omega_2 of the general notation.
 * Two LaTeX blocks: the equations side by side, and each renamed block with its numbers.
 */
import type { Network } from '@deepnets/core';

/** Old (two-layer) and new (general) symbol of layer k's bias vector and weight matrix. */
export const RENAMING: readonly { k: number; bias: [string, string]; weights: [string, string] }[] = [
  {
    k: 0,
    bias: ['\\boldsymbol{\\theta}_{0}', '\\boldsymbol{\\beta}_{0}'],
    weights: ['\\boldsymbol{\\theta}', '\\boldsymbol{\\Omega}_{0}'],
  },
  {
    k: 1,
    bias: ['\\boldsymbol{\\psi}_{0}', '\\boldsymbol{\\beta}_{1}'],
    weights: ['\\boldsymbol{\\Psi}', '\\boldsymbol{\\Omega}_{1}'],
  },
  {
    k: 2,
    bias: ["\\phi'_{0}", '\\beta_{2}'],
    weights: ["\\boldsymbol{\\phi}'", '\\boldsymbol{\\Omega}_{2}'],
  },
];

const EQUATIONS = [
  [
    '\\mathbf{h} &= \\mathbf{a}\\left[\\boldsymbol{\\theta}_{0} + \\boldsymbol{\\theta}x\\right]',
    '\\mathbf{h}_{1} = \\mathbf{a}\\left[\\boldsymbol{\\beta}_{0} + \\boldsymbol{\\Omega}_{0}\\mathbf{x}\\right]',
  ],
  [
    "\\mathbf{h}' &= \\mathbf{a}\\left[\\boldsymbol{\\psi}_{0} + \\boldsymbol{\\Psi}\\mathbf{h}\\right]",
    '\\mathbf{h}_{2} = \\mathbf{a}\\left[\\boldsymbol{\\beta}_{1} + \\boldsymbol{\\Omega}_{1}\\mathbf{h}_{1}\\right]',
  ],
  [
    "y' &= \\phi'_{0} + \\boldsymbol{\\phi}'\\mathbf{h}'",
    'y = \\beta_{2} + \\boldsymbol{\\Omega}_{2}\\mathbf{h}_{2}',
  ],
];

const num = (v: number): string => String(Number(v.toPrecision(3)));
const block = (rows: number[][]): string =>
  rows.length === 1 && rows[0]?.length === 1
    ? num(rows[0][0] as number)
    : `\\begin{bmatrix} ${rows.map((r) => r.map(num).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;

/** True for a network the renaming applies to: two hidden layers (three affine layers). */
export const isTwoLayer = (net: Network): boolean => net.layers.length === 3;

/** [equations side by side, renamed blocks with the numbers of `net`]. */
export function renamingLatex(net: Network): [string, string] {
  const equations = `\\begin{aligned} ${EQUATIONS.map(([a, b]) => `${a} \\quad\\longrightarrow\\quad ${b}`).join(' \\\\ ')} \\end{aligned}`;
  const values = RENAMING.flatMap(({ k, bias, weights }) => {
    const layer = net.layers[k];
    if (!layer) return [];
    return [
      `${bias[0]} = ${bias[1]} &= ${block(layer.biases.map((b) => [b]))}`,
      `${weights[0]} = ${weights[1]} &= ${block(layer.weights)}`,
    ];
  });
  return [equations, `\\begin{aligned} ${values.join(' \\\\ ')} \\end{aligned}`];
}
