import { describe, expect, it } from 'vitest';
import { regionCountLabel, regionSummary } from './region-summary.ts';

/** C(n, k) from factorials: an independent reference for the closed forms. */
const fact = (n: number): bigint => (n <= 1 ? 1n : BigInt(n) * fact(n - 1));
const chooseCache = new Map<string, bigint>();
const choose = (n: number, k: number): bigint => {
  if (k < 0 || k > n) return 0n;
  const key = `${n},${k}`;
  if (!chooseCache.has(key)) chooseCache.set(key, fact(n) / (fact(k) * fact(n - k)));
  return chooseCache.get(key) as bigint;
};

/**
 * Serra et al. (2018), Theorem 1, by brute force: every tuple (j_1..j_K) with 0 <= j_l <= min(D_i, D_l),
 * kept when j_l <= min(D_i, D_1 - j_1, ..., D_{l-1} - j_{l-1}); sum of prod_l C(D_l, j_l).
 */
function serraBruteForce(inputs: number, widths: number[]): bigint {
  let total = 0n;
  const tuple: number[] = [];
  const visit = (l: number): void => {
    if (l === widths.length) {
      let ok = true;
      for (let a = 0; a < tuple.length && ok; a++) {
        let cap = inputs;
        for (let b = 0; b < a; b++) cap = Math.min(cap, (widths[b] as number) - (tuple[b] as number));
        if ((tuple[a] as number) > cap) ok = false;
      }
      if (ok) total += tuple.reduce((p, j, a) => p * choose(widths[a] as number, j), 1n);
      return;
    }
    // j_l > D_i is never kept, so the loop stops there (11^5 tuples for Figure 4.7b).
    for (let j = 0; j <= Math.min(inputs, widths[l] as number); j++) {
      tuple[l] = j;
      visit(l + 1);
    }
    tuple.length = l;
  };
  visit(0);
  return total;
}

/** eq. 4.17 in closed form, D_i dividing D. */
const eq417 = (di: number, d: number, k: number): bigint => {
  let s = 0n;
  for (let j = 0; j <= di; j++) s += choose(d, j);
  return BigInt(d / di + 1) ** BigInt(di * (k - 1)) * s;
};

describe('regionSummary: each bound labelled as what it is', () => {
  it('D_i = 2, widths 4,4: eq. 4.17 gives 99, the proven upper bound is 121', () => {
    const s = regionSummary({ inputs: 2, widths: [4, 4] });
    expect(s.eq417?.value).toBe(eq417(2, 4, 2));
    expect(s.eq417?.value).toBe(99n);
    expect(s.upper).toMatchObject({ value: serraBruteForce(2, [4, 4]), kind: 'upper-bound' });
    expect(s.upper.value).toBe(121n);
    expect(s.exact).toBe(false);
    // Two units per input cannot make the 3-piece zig-zag, so 99 is not known to be reached.
    expect(s.eq417?.status).toBe('not-known-reached');
    expect(s.lower.kind).toBe('construction');
    expect(s.lower.value).toBe(2n ** 2n * (1n + 4n + 6n));
  });

  it('D_i = 10, K = 5, D = 50 (Figure 4.7b): 1.80e41 by a construction against 4.37e50', () => {
    const s = regionSummary({ inputs: 10, widths: [50, 50, 50, 50, 50] });
    expect(s.eq417).toEqual({ value: eq417(10, 50, 5), status: 'construction' });
    expect(s.lower).toMatchObject({ value: eq417(10, 50, 5), kind: 'construction' });
    expect(Number(s.lower.value).toPrecision(3)).toBe('1.80e+41');
    expect(s.upper).toMatchObject({ value: serraBruteForce(10, [50, 50, 50, 50, 50]), kind: 'upper-bound' });
    expect(Number(s.upper.value).toPrecision(3)).toBe('4.37e+50');
  });

  it('one input, D >= 3: (D + 1)^K is the exact maximum', () => {
    const s = regionSummary({ inputs: 1, widths: [10, 10, 10, 10, 10] });
    expect(s.exact).toBe(true);
    expect(s.lower).toMatchObject({ value: 11n ** 5n, kind: 'exact' });
    expect(s.upper).toMatchObject({ value: serraBruteForce(1, [10, 10, 10, 10, 10]), kind: 'exact' });
    expect(s.eq417?.status).toBe('exact');
  });

  it('shallow networks: Zaslavsky is exact', () => {
    const s = regionSummary({ inputs: 2, widths: [3] });
    expect(s).toMatchObject({ exact: true, lower: { value: 7n, kind: 'exact' }, eq417: { status: 'exact' } });
    expect(s.upper.value).toBe(choose(3, 0) + choose(3, 1) + choose(3, 2));
  });

  it('width 1: eq. 4.17 (2^K) exceeds the proven upper bound (K + 1)', () => {
    const s = regionSummary({ inputs: 1, widths: [1, 1, 1] });
    expect(s.eq417).toEqual({ value: 8n, status: 'exceeds-upper-bound' });
    expect(s.upper.value).toBe(serraBruteForce(1, [1, 1, 1]));
    expect(s.upper.value).toBe(4n);
  });

  it('one input, unequal widths >= 3: the zig-zags compose to prod (D_k + 1), exact', () => {
    const s = regionSummary({ inputs: 1, widths: [5, 4, 3] });
    expect(s).toMatchObject({ exact: true, lower: { value: 6n * 5n * 4n, kind: 'exact' } });
    expect(s.upper.value).toBe(serraBruteForce(1, [5, 4, 3]));
  });

  it('unequal widths: no eq. 4.17, a construction of the narrowest width and the upper bound', () => {
    const s = regionSummary({ inputs: 2, widths: [4, 5] });
    expect(s.eq417).toBeUndefined();
    expect(s.upper).toMatchObject({ value: serraBruteForce(2, [4, 5]), kind: 'upper-bound' });
    expect(s.lower.value).toBeLessThan(s.upper.value);
  });

  it('names the kinds and refuses bad shapes', () => {
    expect(regionCountLabel('upper-bound')).toBe('proven upper bound');
    expect(() => regionSummary({ inputs: 0, widths: [3] })).toThrow(/inputs/);
    expect(() => regionSummary({ inputs: 1, widths: [] })).toThrow(/widths/);
  });
});
