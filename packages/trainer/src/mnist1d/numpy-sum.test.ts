import { describe, expect, it } from 'vitest';
import { numpyMean, numpyStd, pairwiseSum } from './numpy-sum.ts';

describe('numpy summation order', () => {
  // a = np.array([((i * 7919) % 1000) * 0.1 - 49.9 for i in range(1000)])
  // np.sum(a) = 50.00000000000435 (a left-to-right loop gives 50.00000000000455),
  // a.mean() = 0.050000000000004347, a.std() = 28.86749902572095
  const a = Float64Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) * 0.1 - 49.9);

  it('sums pairwise as np.sum does', () => {
    expect(pairwiseSum(a)).toBe(50.00000000000435);
    let naive = 0;
    for (const v of a) naive += v;
    expect(naive).not.toBe(50.00000000000435);
  });

  it('gives np.mean and np.std exactly', () => {
    expect(numpyMean(a)).toBe(0.050000000000004347);
    expect(numpyStd(a)).toBe(28.86749902572095);
  });

  it('sums short runs left to right', () => {
    expect(pairwiseSum([0.1, 0.2, 0.3])).toBe(0.1 + 0.2 + 0.3);
    expect(pairwiseSum([])).toBe(0);
  });
});
