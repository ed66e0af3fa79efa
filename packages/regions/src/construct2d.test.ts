import { describe, expect, it } from 'vitest';
import { montufarLower, udlMaxRegions } from './bounds.ts';
import { maxRegions2dNetwork } from './construct2d.ts';
import { regions2d } from './regions2d.ts';

const box = [0, 1, 0, 1] as const;

describe('maxRegions2dNetwork', () => {
  it('reaches eq. 4.17 with D_i = 2 for several depths and widths', () => {
    for (const [K, D] of [
      [1, 6],
      [2, 6],
      [2, 8],
    ] as const) {
      const r = regions2d(maxRegions2dNetwork({ layers: K, width: D }), { box });
      expect(BigInt(r.linearRegions)).toBe(udlMaxRegions({ inputs: 2, width: D, layers: K }));
    }
  });

  it('D_i = 2, K = 3, D = 6: 5,632 regions, above the Montufar et al. lower bound 1,782', () => {
    const r = regions2d(maxRegions2dNetwork({ layers: 3, width: 6 }), { box });
    expect(BigInt(r.linearRegions)).toBe(udlMaxRegions({ inputs: 2, width: 6, layers: 3 }));
    expect(r.activationRegions).toBe(r.linearRegions);
    // Montufar's bound is (D/D_i)^{D_i(K-1)} times the shallow count, measured here exactly (22 cells)
    const shallow = regions2d(maxRegions2dNetwork({ layers: 1, width: 6 }), { box }).linearRegions;
    expect(montufarLower({ inputs: 2, width: 6, layers: 3 })).toBe(BigInt(3 ** 4 * shallow));
  });

  it('rejects odd or too small widths', () => {
    expect(() => maxRegions2dNetwork({ layers: 2, width: 7 })).toThrow(/even/);
    expect(() => maxRegions2dNetwork({ layers: 2, width: 4 })).toThrow(/width/);
  });
});
