/**
 * Parameter counts of DESIGN.md's table, each computed from widths by `parametersForWidths` and
 * checked against a closed form written independently of it, and against a brute-force count of
 * an initialised network's numbers.
 */
import { describe, expect, it } from 'vitest';
import { compose } from './compose.ts';
import { countParameters, parametersForWidths } from './count.ts';
import { DeepnetsError } from './errors.ts';
import { initNetwork } from './init.ts';
import { shallowNetwork } from './shallow.ts';
import { udlNetwork1, udlNetwork2 } from './testing/udl-4-1.ts';

/** Closed form for K hidden layers of equal width D: (D_i + 1) D + (K - 1)(D + 1) D + (D + 1) D_o. */
const uniformClosedForm = (di: number, d: number, k: number, dout: number): number =>
  (di + 1) * d + (k - 1) * (d + 1) * d + (d + 1) * dout;

/** Brute force: the number of numbers in an initialised network's JSON. */
const bruteForce = (widths: number[]): number =>
  JSON.stringify(initNetwork(widths, { init: 'he-normal', rng: 1 }).layers).match(/-?\d[\d.e+-]*/g)!.length;

describe('parametersForWidths', () => {
  const cases: [string, number[], number, number, number, number][] = [
    ['shallow, 6 hidden units', [1, 6, 1], 1, 6, 1, 1],
    ['1-3-3-1 two-layer network', [1, 3, 3, 1], 1, 3, 2, 1],
    ['D_i = 1, K = 5, D = 10', [1, 10, 10, 10, 10, 10, 1], 1, 10, 5, 1],
    ['Figure 20.2, 1 x 298', [40, 298, 10], 40, 298, 1, 10],
    ['Figure 20.2, 2 x 100', [40, 100, 100, 10], 40, 100, 2, 10],
    ['Figure 20.2, 3 x 75', [40, 75, 75, 75, 10], 40, 75, 3, 10],
    ['Figure 20.2, 4 x 63', [40, 63, 63, 63, 63, 10], 40, 63, 4, 10],
  ];
  it.each(cases)('%s: the closed form (D_i+1)D + (K-1)(D+1)D + (D+1)D_o', (_, widths, di, d, k, dout) => {
    expect(parametersForWidths(widths)).toBe(uniformClosedForm(di, d, k, dout));
  });

  it('reproduces the table: 19, 22, 471 and 15,208 / 15,210 / 15,235 / 15,319', () => {
    expect(cases.map(([, w]) => parametersForWidths(w))).toEqual([19, 22, 471, 15208, 15210, 15235, 15319]);
  });

  it('gives 43 for the section-4.4 example 3-4-2-3-2, as a sum over layers written out by hand', () => {
    expect(parametersForWidths([3, 4, 2, 3, 2])).toBe(4 * 3 + 4 + (2 * 4 + 2) + (3 * 2 + 3) + (2 * 3 + 2));
    expect(parametersForWidths([3, 4, 2, 3, 2])).toBe(43);
  });

  it('agrees with counting the numbers of an initialised network', () => {
    for (const w of [
      [3, 4, 2, 3, 2],
      [1, 6, 1],
      [2, 5, 5, 3],
    ]) {
      expect(parametersForWidths(w)).toBe(bruteForce(w));
      expect(countParameters(initNetwork(w, { init: 'glorot-uniform', rng: 7 }))).toBe(bruteForce(w));
    }
  });

  it('rejects too few or non-positive widths with a typed error', () => {
    expect(() => parametersForWidths([3])).toThrow(DeepnetsError);
    expect(() => parametersForWidths([3, 0, 1])).toThrow('widths[1]: must be a positive integer, got 0');
    expect(() => parametersForWidths([3, 2.5, 1])).toThrow('widths[1]');
  });
});

describe('countParameters', () => {
  it('two composed 1-3-1 networks have 10 + 10 = 20 parameters; the combined 1-3-3-1 network has 22', () => {
    const a = shallowNetwork(udlNetwork1);
    const b = shallowNetwork(udlNetwork2);
    expect(countParameters(a) + countParameters(b)).toBe(2 * uniformClosedForm(1, 3, 1, 1));
    expect(countParameters(a) + countParameters(b)).toBe(20);
    expect(countParameters(compose(a, b))).toBe(uniformClosedForm(1, 3, 2, 1));
  });
});
