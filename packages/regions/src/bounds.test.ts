import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomial,
  figure47Data,
  montufarLower,
  regionBounds,
  serraLower,
  serraUpper,
  trivialUpper,
  udlMaxRegions,
  zaslavsky,
} from './bounds.ts';
import { MAX_BOUND_HIDDEN_UNITS } from './bounds-limits.ts';
import { countRegions1d } from './regions1d.ts';
import { regions2d } from './regions2d.ts';

/** Row n of Pascal's triangle by additions only: an independent reference for C(n, k). */
function pascal(n: number): bigint[] {
  let row = [1n];
  for (let i = 0; i < n; i++) row = [...row, 0n].map((v, k) => v + (k > 0 ? (row[k - 1] as bigint) : 0n));
  return row;
}
const pascalSum = (n: number, upTo: number) =>
  pascal(n)
    .slice(0, upTo + 1)
    .reduce((s, v) => s + v, 0n);

/** Serra et al.'s J set enumerated over all tuples in [0, D]^K, filtered by the definition. */
function serraBruteForce(inputs: number, widths: number[]): bigint {
  let total = 0n;
  const tuple = widths.map(() => 0);
  const next = (): boolean => {
    for (let l = 0; l < tuple.length; l++) {
      if ((tuple[l] as number) < (widths[l] as number)) {
        tuple[l] = (tuple[l] as number) + 1;
        return true;
      }
      tuple[l] = 0;
    }
    return false;
  };
  do {
    const ok = tuple.every((j, l) => {
      const caps = [
        inputs,
        widths[l] as number,
        ...tuple.slice(0, l).map((jj, m) => (widths[m] as number) - jj),
      ];
      return j <= Math.min(...caps);
    });
    if (ok) total += tuple.reduce((p, j, l) => p * (pascal(widths[l] as number)[j] as bigint), 1n);
  } while (next());
  return total;
}

/**
 * The former implementation of Serra's bound: walk every tuple of J recursively. Exponential
 * (29 s for D_i = 3, D = 10, K = 14); `memo` turns the same recursion into a reference for large cases.
 */
function serraByRecursion(inputs: number, widths: number[], memo?: Map<string, bigint>): bigint {
  const walk = (l: number, cap: number): bigint => {
    if (l === widths.length) return 1n;
    const key = `${l},${cap}`;
    const known = memo?.get(key);
    if (known !== undefined) return known;
    const n = widths[l] as number;
    let sum = 0n;
    for (let j = 0; j <= Math.min(cap, n); j++) sum += binomial(n, j) * walk(l + 1, Math.min(cap, n - j));
    memo?.set(key, sum);
    return sum;
  };
  return walk(0, inputs);
}

describe('Serra upper bound by dynamic programming', () => {
  it('equals the enumeration of J on every small shape (any widths, D_i above and below the widths)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
        (inputs, widths) => {
          const dp = serraUpper({ inputs, widths });
          expect(dp).toBe(serraByRecursion(inputs, widths));
          expect(dp).toBe(serraBruteForce(inputs, widths));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finishes the shapes that used to hang: (8, 6, 20) and (3, 10, 14), same integers as the memoised recursion', () => {
    for (const [inputs, width, layers] of [
      [8, 6, 20],
      [3, 10, 14],
      [10, 50, 5],
    ] as const) {
      const widths = Array(layers).fill(width);
      const b = regionBounds({ inputs, width, layers });
      expect(b.serraUpper).toBe(serraByRecursion(inputs, widths, new Map()));
      expect(b.udl <= b.serraUpper && b.serraUpper <= b.trivial).toBe(true);
    }
  });

  it(`refuses more than ${MAX_BOUND_HIDDEN_UNITS} hidden units with OUT_OF_RANGE naming the size and the limit`, () => {
    const cases = [
      () => regionBounds({ inputs: 2, width: 1000, layers: 11 }),
      () => serraUpper({ inputs: 2, widths: [6000, 6000] }),
      () => udlMaxRegions({ inputs: 1, width: 100000, layers: 100000 }),
      () => trivialUpper(20000),
    ];
    for (const call of cases) {
      expect(call).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
      expect(call).toThrow(new RegExp(`limit of ${MAX_BOUND_HIDDEN_UNITS}`));
    }
    expect(regionBounds({ inputs: 2, width: 1000, layers: 10 }).trivial).toBe(2n ** 10000n);
  });
});

describe('Zaslavsky', () => {
  it('matches Pascal sums, including (10, 50) -> 13,432,735,556 and (10, 8) -> 256', () => {
    for (const [di, d] of [
      [2, 3],
      [10, 50],
      [10, 8],
      [1, 6],
    ] as const) {
      expect(zaslavsky(di, d)).toBe(pascalSum(d, di));
    }
    expect(zaslavsky(10, 8)).toBe(2n ** 8n);
    expect(zaslavsky(10, 50).toString()).toBe('13432735556');
    expect(binomial(50, 10)).toBe(pascal(50)[10]);
  });

  it('is reached by exact counts: 3 lines in the plane give 7, D units on a line give D + 1', () => {
    const net = {
      activation: 'relu',
      layers: [
        {
          weights: [
            [1, 0.2],
            [0.3, 1],
            [1, -1],
          ],
          biases: [0.1, -0.2, 0.05],
        },
        { weights: [[1, 2, 3]], biases: [0] },
      ],
    };
    expect(BigInt(regions2d(net).linearRegions)).toBe(zaslavsky(2, 3));
    const line = {
      activation: 'relu',
      layers: [
        { weights: [[1], [1], [1], [1]], biases: [0.5, 0.1, -0.2, -0.6] },
        { weights: [[1, -2, 3, -4]], biases: [0] },
      ],
    };
    expect(BigInt(countRegions1d(line).linearRegions)).toBe(zaslavsky(1, 4));
  });
});

describe('deep bounds', () => {
  it('(D_i=1, K=2, D=3): 16, reached by the exact count of a composed zig-zag', () => {
    expect(udlMaxRegions({ inputs: 1, width: 3, layers: 2 })).toBe(16n);
  });

  it('(2, 2, 4): udl 99 (= Serra lower), Serra upper 121 (brute-force J)', () => {
    const b = regionBounds({ inputs: 2, width: 4, layers: 2 });
    expect(b.udl).toBe(serraLower({ inputs: 2, widths: [4, 4] }));
    expect(b.udl).toBe(99n);
    expect(b.serraUpper).toBe(serraBruteForce(2, [4, 4]));
    expect(b.serraUpper).toBe(121n);
    expect(b.zaslavsky).toBeUndefined();
  });

  it('(2, 3, 6): udl 5,632, Montufar 1,782; Serra upper by brute force', () => {
    const b = regionBounds({ inputs: 2, width: 6, layers: 3 });
    expect([b.udl, b.montufarLower]).toEqual([5632n, 1782n]);
    expect(b.montufarLower).toBe(3n ** 4n * pascalSum(6, 2));
    expect(b.serraUpper).toBe(serraBruteForce(2, [6, 6, 6]));
    expect(b.udl <= b.serraUpper && b.serraUpper <= b.trivial).toBe(true);
    expect(b.trivial).toBe(trivialUpper(18));
    expect(b.parameters).toBe(3 * 6 + 2 * 7 * 6 + 7);
  });

  it('(10, 5, 50): about 1.796e41, as an exact integer', () => {
    const udl = udlMaxRegions({ inputs: 10, width: 50, layers: 5 });
    expect(udl).toBe(6n ** 40n * pascalSum(50, 10));
    expect(Number(udl) / 1.796e41).toBeCloseTo(1, 3);
    expect(udl.toString()).toMatch(/^17956\d{37}$/);
  });

  it('Serra lower equals eq. 4.17 for equal widths; Montufar needs D >= D_i', () => {
    for (const [di, d, k] of [
      [1, 10, 5],
      [2, 6, 3],
      [3, 7, 2],
    ] as const) {
      expect(serraLower({ inputs: di, widths: Array(k).fill(d) })).toBe(
        udlMaxRegions({ inputs: di, width: d, layers: k }),
      );
    }
    expect(() => montufarLower({ inputs: 4, width: 3, layers: 2 })).toThrow(/width/);
  });
});

describe('Figure 4.7', () => {
  it('D_i = 1: K = 5, D = 10 has 471 parameters and 161,051 regions', () => {
    const point = figure47Data(1).find((p) => p.layers === 5 && p.width === 10);
    expect(point?.parameters).toBe(471);
    expect(point?.regions).toBe(11n ** 5n);
    expect(point?.log10Regions).toBeCloseTo(Math.log10(161051), 12);
  });

  it('D_i = 10: K = 5, D = 50 has 10,801 parameters and more than 1e40 regions', () => {
    const data = figure47Data(10);
    const point = data.find((p) => p.layers === 5 && p.width === 50);
    expect(point?.parameters).toBe(10801);
    expect(point?.log10Regions).toBeGreaterThan(40);
    expect(new Set(data.map((p) => p.layers))).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});
