import { describe, expect, it } from 'vitest';
import { receptiveField } from '../conv-calculator/receptive.ts';
import { DEFAULT_RECEPTIVE, fieldLayers, fieldWidth, RECEPTIVE_LIMITS } from './state.ts';

describe('receptive field of stacked 3 x 3 convolutions', () => {
  it('the explicit pixel set has the closed-form width 1 + 2L and (2L + 1)^2 pixels', () => {
    const grid = DEFAULT_RECEPTIVE.grid;
    for (let layers = 0; layers <= RECEPTIVE_LIMITS.layers; layers++) {
      const first = fieldLayers(layers, grid);
      expect(fieldWidth(first, grid, layers)).toBe(receptiveField(layers, 3));
      const seen = [...first].filter((l) => l >= 0).length;
      expect(seen).toBe((2 * layers + 1) ** 2);
      // ring l holds the (2l + 1)^2 - (2l - 1)^2 = 8l pixels added by layer l
      for (let l = 1; l <= layers; l++) expect([...first].filter((x) => x === l).length).toBe(8 * l);
    }
  });
});
