import { describe, expect, it } from 'vitest';
import { MAX_RATIO, MIN_RATIO, mapLayout, rowsFor } from './layout.ts';

describe('decision map layout (equal units on both axes)', () => {
  it('draws a 4-by-2 box twice as wide as tall, and a square one square', () => {
    const wide = mapLayout([0, 4, -1, 1]);
    expect(wide.box).toEqual([0, 4, -1, 1]);
    expect(wide.plotWidth / wide.plotHeight).toBe(2);
    expect([wide.width, wide.height]).toEqual([320, 130 + 46]);
    expect(rowsFor(wide, 128)).toBe(64);
    const square = mapLayout([-1, 1, -1, 1]);
    expect([square.plotWidth, square.plotHeight, square.height]).toEqual([260, 260, 306]);
    const near = mapLayout([-1, 1, -1.02, 1.02]);
    expect([near.plotHeight, near.box]).toEqual([260, [-1.02, 1.02, -1.02, 1.02]]);
  });

  it('pads a range flatter or taller than the limits on its short side, keeping equal units', () => {
    for (const box of [
      [0, 10, 0, 1],
      [0, 1, 0, 10],
    ] as [number, number, number, number][]) {
      const l = mapLayout(box);
      const [x0, x1, y0, y1] = l.box;
      const ratio = (y1 - y0) / (x1 - x0);
      expect(ratio).toBeCloseTo(l.plotHeight / l.plotWidth, 2);
      expect(ratio === MIN_RATIO || ratio === MAX_RATIO).toBe(true);
      expect(x0 <= box[0] && x1 >= box[1] && y0 <= box[2] && y1 >= box[3]).toBe(true);
      expect((x0 + x1) / 2).toBeCloseTo((box[0] + box[1]) / 2, 12);
    }
  });
});
