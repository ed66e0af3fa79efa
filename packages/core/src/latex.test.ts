import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compose } from './compose.ts';
import { DeepnetsError } from './errors.ts';
import { initNetwork } from './init.ts';
import { toLatex } from './latex.ts';
import { latexNumber } from './latex-parts.ts';
import { shallowNetwork } from './shallow.ts';
import { anyNetwork, networkWithWidths } from './testing/arbitraries.ts';
import { udlNetwork1, udlNetwork2 } from './testing/udl-4-1.ts';

/**
 * Reads the numbers back out of a LaTeX string, in order: drops subscripts (h_{1}, x_{2}),
 * turns m\times10^{e} into m e e, and keeps a sign written as a binary "- " with its number.
 */
function numbersIn(latex: string): number[] {
  const text = latex
    .replace(/_\{[^}]*\}/g, '')
    .replace(/\\times10\^\{(-?\d+)\}/g, 'e$1')
    .replace(/\\[a-zA-Z]+/g, ' ')
    .replace(/([+-]) (?=\d)/g, '$1');
  return (text.match(/[+-]?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
}

const parameters = (net: { layers: { weights: number[][]; biases: number[] }[] }): number[] =>
  net.layers.flatMap((l) => l.weights.flatMap((row, i) => [l.biases[i]!, ...row]));
const generalOrder = (net: { layers: { weights: number[][]; biases: number[] }[] }): number[] =>
  net.layers.flatMap((l) => [...l.biases, ...l.weights.flat()]);

describe('toLatex', () => {
  const first = shallowNetwork(udlNetwork1);
  const composed = compose(first, shallowNetwork(udlNetwork2));

  it("writes the slides' scalar equations of the two-layer network (theta, psi, phi')", () => {
    const latex = toLatex(composed, { notation: 'scalar' });
    expect(latex).toContain('h_{1} &= a\\left[\\theta_{10} + \\theta_{11}x\\right]');
    expect(latex).toContain(
      "h'_{2} &= a\\left[\\psi_{20} + \\psi_{21}h_{1} + \\psi_{22}h_{2} + \\psi_{23}h_{3}\\right]",
    );
    expect(latex).toContain("y' &= \\phi'_{0} + \\phi'_{1}h'_{1} + \\phi'_{2}h'_{2} + \\phi'_{3}h'_{3}");
    expect(latex.match(/ &= /g)).toHaveLength(7);
  });

  it('writes the general case and the nested equation with beta_k and Omega_k', () => {
    expect(toLatex(composed, { notation: 'general' })).toBe(
      '\\begin{aligned} \\mathbf{h}_{1} &= \\mathbf{a}\\left[\\boldsymbol{\\beta}_{0} + \\boldsymbol{\\Omega}_{0}\\mathbf{x}\\right] \\\\ ' +
        '\\mathbf{h}_{2} &= \\mathbf{a}\\left[\\boldsymbol{\\beta}_{1} + \\boldsymbol{\\Omega}_{1}\\mathbf{h}_{1}\\right] \\\\ ' +
        '\\mathbf{y} &= \\boldsymbol{\\beta}_{2} + \\boldsymbol{\\Omega}_{2}\\mathbf{h}_{2} \\end{aligned}',
    );
    expect(toLatex(composed, { notation: 'nested' })).toBe(
      '\\mathbf{y} = \\boldsymbol{\\beta}_{2} + \\boldsymbol{\\Omega}_{2}\\mathbf{a}\\left[\\boldsymbol{\\beta}_{1} + ' +
        '\\boldsymbol{\\Omega}_{1}\\mathbf{a}\\left[\\boldsymbol{\\beta}_{0} + \\boldsymbol{\\Omega}_{0}\\mathbf{x}\\right]\\right]',
    );
  });

  it('stacks the coefficients into bmatrix blocks in vector notation', () => {
    const latex = toLatex(first, { notation: 'vector', numbers: true });
    expect(latex).toContain(
      '\\begin{bmatrix} h_{1} \\\\ h_{2} \\\\ h_{3} \\end{bmatrix} &= \\mathbf{a}\\left[\\begin{bmatrix} 0 \\\\ 0 \\\\ -0.67 \\end{bmatrix} + \\begin{bmatrix} -1 \\\\ 1 \\\\ 1 \\end{bmatrix}x\\right]',
    );
    expect(latex).toContain('y &= 1 + \\begin{bmatrix} -2 & -3 & 9.3 \\end{bmatrix}');
  });

  it('names units h_{k,i} and coefficients beta_{k,i}, omega_{k,ij} in deeper scalar notation', () => {
    const deep = compose(composed, shallowNetwork(udlNetwork1));
    const latex = toLatex(deep, { notation: 'scalar' });
    expect(latex).toContain('h_{3,1} &= a\\left[\\beta_{2,1} + \\omega_{2,11}h_{2,1}');
    expect(latex).toContain('y &= \\beta_{3,1} + \\omega_{3,11}h_{3,1}');
    // From ten units on, the indices within a layer are separated too: omega_{1,12,3}.
    const wide = toLatex(initNetwork([1, 12, 3, 2, 1], { init: 'he-normal', rng: 1 }), {
      notation: 'scalar',
    });
    expect(wide).toContain('\\omega_{1,3,12}h_{1,12}');
    expect(wide).toContain('h_{1,12} &= a\\left[\\beta_{0,12} + \\omega_{0,12,1}x');
  });

  it('rounds to the requested significant digits', () => {
    expect(latexNumber(Math.PI, 3)).toBe('3.14');
    expect(latexNumber(-0.000012345, 2)).toBe('-0.000012');
    expect(latexNumber(1.5e-9, 3)).toBe('1.5\\times10^{-9}');
    expect(latexNumber(2e25, 3)).toBe('2\\times10^{25}');
  });

  it('round-trips every parameter through the numeric LaTeX at 17 digits (general and scalar)', () => {
    fc.assert(
      fc.property(anyNetwork(), (net) => {
        expect(numbersIn(toLatex(net, { notation: 'general', numbers: true, digits: 17 }))).toEqual(
          generalOrder(net).map((v) => v + 0),
        );
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(networkWithWidths([2, 3, 2]), (net) => {
        expect(numbersIn(toLatex(net, { notation: 'scalar', numbers: true, digits: 17 }))).toEqual(
          parameters(net).map((v) => v + 0),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('rejects an unknown notation and bad digits with typed errors', () => {
    expect(() => toLatex(first, { notation: 'tensor' as never })).toThrow(DeepnetsError);
    expect(() => toLatex(first, { notation: 'scalar', numbers: true, digits: 0 })).toThrow('digits');
  });
});
