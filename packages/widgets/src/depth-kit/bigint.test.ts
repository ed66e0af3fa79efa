import { describe, expect, it } from 'vitest';
import { formatBig, log10Big, shortBig, superscript } from './bigint.ts';

describe('BigInt helpers', () => {
  it('takes log10 of integers past 2^1024 without overflowing', () => {
    expect(log10Big(1n)).toBe(0);
    expect(log10Big(1000n)).toBeCloseTo(3, 12);
    expect(log10Big(161051n)).toBeCloseTo(Math.log10(161051), 12);
    const huge = 3n * 10n ** 400n;
    expect(log10Big(huge)).toBeCloseTo(400 + Math.log10(3), 10);
    expect(Number(huge)).toBe(Number.POSITIVE_INFINITY); // why the helper exists
  });
  it('prints exact integers with separators and short forms', () => {
    expect(formatBig(161051n)).toBe('161,051');
    expect(formatBig(13432735556n)).toBe('13,432,735,556');
    expect(formatBig(7)).toBe('7');
    expect(shortBig(999_999_999n)).toBe('999,999,999');
    expect(shortBig(13432735556n)).toBe('1.34 × 10¹⁰');
    expect(superscript(-12)).toBe('⁻¹²');
  });
});
