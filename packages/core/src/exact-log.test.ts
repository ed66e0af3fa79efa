import fc from 'fast-check';
import { expect, it } from 'vitest';
import { portableLog } from './exact-log.ts';

it('portableLog agrees with Math.log to within 2 ulp over (0, 1] and beyond', () => {
  fc.assert(
    fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true }), (x) => {
      const expected = Math.log(x);
      const ulp = Math.max(Math.abs(expected) * Number.EPSILON, Number.MIN_VALUE);
      expect(Math.abs(portableLog(x) - expected)).toBeLessThanOrEqual(2 * ulp);
    }),
    { numRuns: 2000 },
  );
  expect(portableLog(1)).toBe(0);
});
