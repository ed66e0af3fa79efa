import { describe, expect, it } from 'vitest';
import { learningRateAt, validateSchedule } from './schedule.ts';

describe('learning-rate schedules', () => {
  it('constant keeps alpha_0', () => {
    expect(learningRateAt(0.1, { type: 'constant' }, 999)).toBe(0.1);
  });

  it('step multiplies by the factor every `every` epochs', () => {
    const s = { type: 'step', every: 10, factor: 0.5 } as const;
    expect([0, 9, 10, 19, 20, 35].map((e) => learningRateAt(0.8, s, e))).toEqual([
      0.8, 0.8, 0.4, 0.4, 0.2, 0.1,
    ]);
  });

  it('rejects bad schedules naming the field', () => {
    expect(() => validateSchedule(0, { type: 'constant' })).toThrow(/learningRate/);
    expect(() => validateSchedule(0.1, { type: 'step', every: 0, factor: 0.5 })).toThrow(/schedule\.every/);
    expect(() => validateSchedule(0.1, { type: 'step', every: 2, factor: -1 })).toThrow(/schedule\.factor/);
  });
});
