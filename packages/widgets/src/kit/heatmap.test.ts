import { describe, expect, it } from 'vitest';
import { colorRamp, pixelGrid, rampCss } from './heatmap.ts';

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
});
