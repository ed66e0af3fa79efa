import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compose, repeat, stack } from './compose.ts';
import { getActivation } from './default-registry.ts';
import { DeepnetsError, NetworkValidationError, ShapeError } from './errors.ts';
import { evaluate } from './forward.ts';
import type { Network } from './network.ts';
import { shallowNetwork } from './shallow.ts';
import { depth, widths } from './shape.ts';
import { closeTo, networkWithWidths, referenceForward, vectorOf, widthList } from './testing/arbitraries.ts';
import { shallowReference, udlNetwork1, udlNetwork2 } from './testing/udl-4-1.ts';

const relu = getActivation('relu').f;

describe('compose on UDL notebook 4.1', () => {
  const first = shallowNetwork(udlNetwork1);
  const second = shallowNetwork(udlNetwork2);
  const composed = compose(first, second);

  it('is a two-layer network 1-3-3-1', () => {
    expect(depth(composed)).toBe(2);
    expect(widths(composed)).toEqual([1, 3, 3, 1]);
  });

  it('equals network 2 applied to network 1 at many points', () => {
    for (let n = 0; n <= 400; n++) {
      const x = -2 + n / 100;
      const expected = shallowReference(udlNetwork2, shallowReference(udlNetwork1, x));
      expect(evaluate(composed, [x])[0]).toBeCloseTo(expected, 12);
    }
  });

  it("builds the slide's rank-one Psi: psi_i0 = theta'_i0 + theta'_i1 phi_0, psi_ij = theta'_i1 phi_j", () => {
    const psi = composed.layers[1]!;
    const phi = udlNetwork1.phi;
    udlNetwork2.theta.forEach(([t0, t1], i) => {
      expect(psi.biases[i]).toBeCloseTo(t0! + t1! * phi[0]!, 14);
      for (let j = 1; j <= 3; j++) expect(psi.weights[i]![j - 1]).toBeCloseTo(t1! * phi[j]!, 14);
    });
    // First layer is network 1's theta, last is network 2's phi, unchanged.
    expect(composed.layers[0]).toEqual(first.layers[0]);
    expect(composed.layers[2]).toEqual(second.layers[1]);
  });
});

describe('compose, stack and repeat', () => {
  const composable = fc.tuple(widthList(3, 4), widthList(3, 4)).chain(([a, b]) => {
    const wb = [a[a.length - 1]!, ...b.slice(1)];
    return fc.tuple(networkWithWidths(a), networkWithWidths(wb), vectorOf(a[0]!));
  });

  it('compose(f, g) equals g(f(x)) for random shapes and parameters', () => {
    fc.assert(
      fc.property(composable, ([f, g, x]) => {
        const fg = compose(f, g);
        expect(depth(fg)).toBe(depth(f) + depth(g));
        const expected = referenceForward(g, referenceForward(f, x, relu), relu);
        evaluate(fg, x).forEach((v, i) => {
          expect(closeTo(v, expected[i]!), `${v} vs ${expected[i]}`).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("folds Omega = Omega'_0 Omega_K and beta = beta'_0 + Omega'_0 beta_K", () => {
    fc.assert(
      fc.property(composable, ([f, g]) => {
        const fg = compose(f, g);
        const last = f.layers[f.layers.length - 1]!;
        const head = g.layers[0]!;
        const folded = fg.layers[f.layers.length - 1]!;
        head.weights.forEach((row, i) => {
          last.weights[0]!.forEach((_, j) => {
            let s = 0;
            for (let o = 0; o < row.length; o++) s += row[o]! * last.weights[o]![j]!;
            expect(closeTo(folded.weights[i]![j], s)).toBe(true);
          });
          let b = head.biases[i]!;
          for (let o = 0; o < row.length; o++) b += row[o]! * last.biases[o]!;
          expect(closeTo(folded.biases[i], b)).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('stack(f, g, h) = h(g(f(x))) and repeat(f, 3) = f(f(f(x)))', () => {
    const f = shallowNetwork(udlNetwork1);
    const g = shallowNetwork(udlNetwork2);
    const fgf = stack(f, g, f);
    const fff = repeat(f, 3);
    expect(depth(fgf)).toBe(3);
    expect(depth(fff)).toBe(3);
    expect(repeat(f, 1)).toEqual(f);
    expect(repeat(f, 1)).not.toBe(f);
    for (let x = -1; x <= 1; x += 0.01) {
      const y1 = shallowReference(udlNetwork1, x);
      expect(evaluate(fgf, [x])[0]).toBeCloseTo(
        shallowReference(udlNetwork1, shallowReference(udlNetwork2, y1)),
        9,
      );
      expect(evaluate(fff, [x])[0]).toBeCloseTo(
        shallowReference(udlNetwork1, shallowReference(udlNetwork1, y1)),
        9,
      );
    }
  });

  it('rejects mismatched sizes, mixed activations and bad repeat counts with typed errors', () => {
    const f = shallowNetwork(udlNetwork1);
    const twoIn = shallowNetwork({ theta: [[0, 1, 1]], phi: [0, 1] });
    expect(() => compose(f, twoIn)).toThrow(ShapeError);
    expect(() => compose(f, { ...f, activation: 'abs' })).toThrow(NetworkValidationError);
    expect(() => repeat(twoIn, 2)).toThrow(ShapeError);
    expect(() => repeat(f, 0)).toThrow(DeepnetsError);
    expect(() => repeat(f, 1.5)).toThrow('times: must be a positive integer, got 1.5');
    expect(() => stack()).toThrow(DeepnetsError);
  });
});

describe('compose: overflow (issue 14, item 7)', () => {
  it('throws NON_FINITE naming the folded layer and unit instead of writing Infinity (null in JSON)', () => {
    const a: Network = {
      activation: 'relu',
      layers: [
        { weights: [[1]], biases: [0] },
        { weights: [[1e200]], biases: [0] },
      ],
    };
    const b: Network = {
      activation: 'relu',
      layers: [
        { weights: [[1e200]], biases: [0] },
        { weights: [[1]], biases: [0] },
      ],
    };
    expect(() => compose(a, b)).toThrow(
      expect.objectContaining({
        code: 'NON_FINITE',
        path: 'layers[1]',
        message: expect.stringMatching(/Psi\[0\]\[0\] = Infinity/),
      }),
    );
  });
});

describe('compose: size limit (issue 14, item 5)', () => {
  const wide = (units: number, inputs: number, outputs: number): Network => ({
    activation: 'relu',
    layers: [
      { weights: Array.from({ length: units }, () => Array(inputs).fill(1)), biases: Array(units).fill(0) },
      {
        weights: Array.from({ length: outputs }, () => Array(units).fill(1)),
        biases: Array(outputs).fill(0),
      },
    ],
  });

  it('refuses two 20,000-unit networks with TOO_LARGE naming the size and the limit, before allocating', () => {
    const a = wide(20000, 1, 1);
    expect(() => compose(a, a)).toThrow(
      expect.objectContaining({
        code: 'TOO_LARGE',
        message: expect.stringMatching(/20000 x 20000 = 400000000 weights .*limit of 5000000/),
      }),
    );
  });

  it('composes up to the limit, and the limit is an option', () => {
    const a = wide(30, 1, 1);
    expect(widths(compose(a, a, { maxWeights: 900 }))).toEqual([1, 30, 30, 1]);
    expect(() => compose(a, a, { maxWeights: 899 })).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
  });
});
