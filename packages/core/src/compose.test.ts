import { describe, expect, it } from 'vitest';
import { compose } from './compose.ts';
import { evaluate } from './forward.ts';
import { shallowNetwork } from './shallow.ts';
import { depth, widths } from './shape.ts';
import { shallowReference, udlNetwork1, udlNetwork2 } from './testing/udl-4-1.ts';

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
