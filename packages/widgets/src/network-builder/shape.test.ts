import { evaluate } from '@deepnets/core';
import { binomial } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import { clampWidths, DEFAULT_LIMITS, sampleNetwork, shapeBound, shapeParameters } from './shape.ts';

describe('network builder shape', () => {
  it('counts parameters as weights plus biases of every layer', () => {
    const widths = [4, 2, 3];
    let expected = 0;
    const all = [3, ...widths, 1];
    for (let k = 0; k + 1 < all.length; k++) expected += all[k + 1]! * all[k]! + all[k + 1]!;
    expect(shapeParameters(3, widths)).toBe(expected);
  });

  it('labels the maximum: exact for one input, construction and upper bound for two', () => {
    // One input, K layers of width D >= 3: (D + 1)^K, exact.
    expect(shapeBound(1, [3, 3, 3])).toMatchObject({
      exact: true,
      upper: { value: 4n ** 3n, kind: 'exact' },
    });
    // Two inputs, D = 4, K = 2: eq. 4.17 = (4/2 + 1)^(2 * 1) * (1 + 4 + 6) = 99 against the upper bound 121.
    const two = shapeBound(2, [4, 4]);
    expect(two.eq417?.value).toBe(9n * (1n + 4n + binomial(4, 2)));
    expect(two.upper).toMatchObject({ value: 121n, kind: 'upper-bound' });
    expect(two.exact).toBe(false);
    expect(shapeBound(1, [3, 5]).eq417).toBeUndefined();
    // A shallow network: Zaslavsky's count sum_{j <= D_i} C(D, j), exact.
    expect(shapeBound(2, [5])).toMatchObject({ exact: true, upper: { value: 1n + 5n + 10n } });
  });

  it('clamps widths and depth to the limits', () => {
    expect(clampWidths([0, 40, 3.4], DEFAULT_LIMITS)).toEqual([1, DEFAULT_LIMITS.width, 3]);
    expect(clampWidths(Array(20).fill(2), DEFAULT_LIMITS)).toHaveLength(DEFAULT_LIMITS.layers);
    expect(clampWidths([], DEFAULT_LIMITS)).toEqual([1]);
  });

  it('samples the same network for the same seed and a different one for another', () => {
    const a = sampleNetwork(2, [5, 5], 7);
    expect(sampleNetwork(2, [5, 5], 7)).toEqual(a);
    expect(sampleNetwork(2, [5, 5], 8)).not.toEqual(a);
    expect(evaluate(a, [0.1, 0.2])).toHaveLength(1);
    for (const layer of a.layers) for (const b of layer.biases) expect(Math.abs(b)).toBeLessThanOrEqual(0.5);
  });
});
