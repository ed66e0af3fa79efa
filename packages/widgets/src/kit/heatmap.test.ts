import { describe, expect, it } from 'vitest';
import { colorRamp, pixelGrid, rampCss, rampInto } from './heatmap.ts';

describe('heat-map helpers', () => {
  it('colorRamp runs from dark purple to yellow, clamped, and gets brighter', () => {
    expect(colorRamp(0)).toEqual([68, 1, 84]);
    expect(colorRamp(1)).toEqual([253, 231, 37]);
    expect(colorRamp(-5)).toEqual(colorRamp(0));
    expect(colorRamp(Number.NaN)).toEqual(colorRamp(0));
    const brightness = (t: number) => colorRamp(t).reduce((a, b) => a + b, 0);
    for (let t = 0.1; t <= 1; t += 0.1) expect(brightness(t)).toBeGreaterThan(brightness(t - 0.1) - 1e-9);
    expect(rampCss(1)).toBe('rgb(253, 231, 37)');
  });

  it('pixelGrid samples pixel centres, row 0 at the top (largest x2)', () => {
    const xs = pixelGrid([-1, 1, -1, 1], 2, 2);
    expect(Array.from(xs)).toEqual([-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
  });

  it('rampInto (look-up table) matches colorRamp within one byte, clamps, and writes opaque pixels', () => {
    const values = Float64Array.from({ length: 1001 }, (_, i) => -3 + (10 * i) / 1000);
    const data = new Uint8ClampedArray(4 * (values.length + 2));
    rampInto(data, values, [-2, 5], 2);
    values.forEach((v, p) => {
      const expected = colorRamp((v + 2) / 7);
      for (let k = 0; k < 3; k++)
        expect(Math.abs((data[4 * (p + 2) + k] as number) - expected[k]!)).toBeLessThanOrEqual(1);
      expect(data[4 * (p + 2) + 3]).toBe(255);
    });
    expect(Array.from(data.slice(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
