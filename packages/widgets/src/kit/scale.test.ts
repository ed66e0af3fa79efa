import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaleLinear, ticks } from './scale.ts';

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
