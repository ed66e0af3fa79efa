import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTicks, scaleLinear, ticks } from './scale.ts';

describe('scaleLinear', () => {
  it('maps the domain ends onto the range ends and inverts', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d0, span, t) => {
          const s = scaleLinear([d0, d0 + span], [10, 410]);
          expect(s(d0)).toBeCloseTo(10, 9);
          expect(s(d0 + span)).toBeCloseTo(410, 6);
          const v = d0 + t * span;
          expect(s.invert(s(v))).toBeCloseTo(v, 6);
        },
      ),
    );
  });
});

describe('ticks', () => {
  it('gives round values inside the interval', () => {
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(-1.3, 2.2, 5)).toEqual([-1, 0, 1, 2]);
  });
});

describe('formatTicks', () => {
  it('writes one axis in one style: never 50000 beside 1e+5', () => {
    expect(formatTicks([0, 50_000, 100_000, 150_000])).toEqual(['0', '5e4', '1e5', '2e5']);
    expect(formatTicks([0, 20_000, 40_000])).toEqual(['0', '20,000', '40,000']);
    expect(formatTicks([-1, -0.5, 0, 0.5])).toEqual(['−1', '−0.5', '0', '0.5']);
    expect(formatTicks([0, 0.05, 0.1])).toEqual(['0', '0.05', '0.10']);
  });
});
