import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './shape.ts';
import { applyBuilderAction, builderUrlSchema, builderUrlValues, fromUrlValues, unitsWord } from './state.ts';

const start = { inputs: 1 as const, seed: 1, widths: [4, 4, 4], limits: DEFAULT_LIMITS };

describe('network-builder state', () => {
  it('adds a layer after the selected one (same width) and removes the selected one', () => {
    const added = applyBuilderAction({ ...start, widths: [2, 5] }, { type: 'add-layer' }, 0);
    expect(added.options.widths).toEqual([2, 2, 5]);
    const removed = applyBuilderAction({ ...start, widths: [2, 5] }, { type: 'remove-layer' }, 1);
    expect(removed.options.widths).toEqual([2]);
    expect(removed.selected).toBe(0);
  });

  it('keeps at least one layer and one unit, at most the limits, and says so', () => {
    const one = applyBuilderAction({ ...start, widths: [3] }, { type: 'remove-layer' }, 0);
    expect(one.options.widths).toEqual([3]);
    expect(one.message).toContain('at least one hidden layer');
    const zero = applyBuilderAction(start, { type: 'width', layer: 0, width: 0 }, 0);
    expect(zero.options.widths[0]).toBe(1);
    expect(zero.message).toContain('at least one unit');
    const wide = applyBuilderAction(start, { type: 'width', layer: 0, width: DEFAULT_LIMITS.width + 1 }, 0);
    expect(wide.options.widths[0]).toBe(DEFAULT_LIMITS.width);
    const full = { ...start, widths: Array<number>(DEFAULT_LIMITS.layers).fill(2) };
    expect(applyBuilderAction(full, { type: 'add-layer' }, 0).message).toContain(
      `At most ${DEFAULT_LIMITS.layers}`,
    );
  });

  it('round-trips the URL values, widths up to the first missing one', () => {
    const values = builderUrlValues({ inputs: 2, seed: 7, widths: [3, 6] });
    expect(values).toEqual({ inputs: 2, seed: 7, D1: 3, D2: 6 });
    expect(fromUrlValues(start, values)).toMatchObject({ inputs: 2, seed: 7, widths: [3, 6] });
    expect(fromUrlValues(start, { D1: 5, D3: 9 }).widths).toEqual([5]);
    expect(builderUrlSchema(DEFAULT_LIMITS).D1).toMatchObject({ min: 1, max: DEFAULT_LIMITS.width });
  });

  it('writes "1 unit" in the singular', () => {
    expect(unitsWord(1)).toBe('1 unit');
    expect(unitsWord(4)).toBe('4 units');
  });
});
