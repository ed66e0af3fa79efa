import { describe, expect, it } from 'vitest';
import { layoutFromWidths } from './parameters.ts';
import { addL2 } from './regularization.ts';

describe('L2 regularisation', () => {
  it('penalises the weights Omega_k only, with gradient 2 lambda Omega_k', () => {
    const layout = layoutFromWidths([2, 1, 1]); // Omega_0 (2), beta_0 (1), Omega_1 (1), beta_1 (1)
    const theta = new Float64Array([1, -2, 5, 3, 7]);
    const grad = new Float64Array([0.1, 0.1, 0.1, 0.1, 0.1]);
    const penalty = addL2(theta, grad, layout, 0.5);
    expect(penalty).toBe(0.5 * (1 + 4 + 9));
    expect([...grad]).toEqual([0.1 + 1, 0.1 - 2, 0.1, 0.1 + 3, 0.1]);
  });
});
