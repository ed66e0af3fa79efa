/**
 * numpy's float64 summation order, so that sums, means and standard deviations come out bit for
 * bit as `np.sum`, `np.mean` and `np.std` give them.
 *
 * numpy adds a contiguous run of n doubles by pairwise summation (`pairwise_sum_DOUBLE` in
 * loops_utils.h): fewer than 8 terms are added left to right; up to 128 terms go into 8
 * interleaved partial sums r[0..7] (r[j] = a[j] + a[j+8] + a[j+16] + ...), combined as
 * ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the remaining n mod 8 terms are added
 * one by one; longer runs are split at n2 = n/2 rounded down to a multiple of 8 and the two
 * halves summed recursively. The reduction starts from the identity 0.
 */

const BLOCK = 128;

/** Pairwise sum of `a[offset], a[offset + 1], ..., a[offset + n - 1]` in numpy's order. */
export function pairwiseSum(a: ArrayLike<number>, offset = 0, n = a.length - offset): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[offset + i] as number;
    return res;
  }
  if (n <= BLOCK) {
    let r0 = a[offset] as number;
    let r1 = a[offset + 1] as number;
    let r2 = a[offset + 2] as number;
    let r3 = a[offset + 3] as number;
    let r4 = a[offset + 4] as number;
    let r5 = a[offset + 5] as number;
    let r6 = a[offset + 6] as number;
    let r7 = a[offset + 7] as number;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const k = offset + i;
      r0 += a[k] as number;
      r1 += a[k + 1] as number;
      r2 += a[k + 2] as number;
      r3 += a[k + 3] as number;
      r4 += a[k + 4] as number;
      r5 += a[k + 5] as number;
      r6 += a[k + 6] as number;
      r7 += a[k + 7] as number;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[offset + i] as number;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, offset, n2) + pairwiseSum(a, offset + n2, n - n2);
}

/** `np.mean` of a contiguous run: the pairwise sum divided by n. */
export function numpyMean(a: ArrayLike<number>, offset = 0, n = a.length - offset): number {
  return (0 + pairwiseSum(a, offset, n)) / n;
}

/**
 * `np.std` (ddof 0) of a contiguous run, computed as numpy's `_var` does: the mean as above, the
 * squared deviations (x - mean) * (x - mean), their pairwise sum divided by n, and the square root.
 */
export function numpyStd(a: ArrayLike<number>, offset = 0, n = a.length - offset): number {
  const mean = numpyMean(a, offset, n);
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = (a[offset + i] as number) - mean;
    squares[i] = d * d;
  }
  return Math.sqrt((0 + pairwiseSum(squares)) / n);
}
