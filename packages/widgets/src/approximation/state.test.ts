import { evaluateBatch } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { sawtoothStart } from './construction.ts';
import { shapesForBudget } from './fit.ts';
import {
  approximationUrlSchema,
  DEFAULT_APPROXIMATION,
  hasConstructionStart,
  identityText,
  plural,
} from './state.ts';
import { DEFAULT_TARGETS } from './targets.ts';

describe('approximation state', () => {
  it('defaults to the sawtooth at 19 parameters each: deep 3 x 2 against shallow 6 units', () => {
    const { target, layers, width } = DEFAULT_APPROXIMATION;
    expect(target).toBe('sawtooth');
    const shapes = shapesForBudget(layers, width);
    expect(shapes.deep).toEqual([1, 2, 2, 2, 1]);
    expect(shapes.shallow).toEqual([1, 6, 1]);
    expect([shapes.deepParameters, shapes.shallowParameters]).toEqual([19, 19]);
    expect(hasConstructionStart(DEFAULT_APPROXIMATION)).toBe(true);
    expect(hasConstructionStart({ target: 'sin', layers: 3, width: 2 })).toBe(false);
    expect(hasConstructionStart({ target: 'sawtooth', layers: 2, width: 4 })).toBe(false);
  });

  it('the construction start computes the sawtooth target exactly (without noise) at every shape it allows', () => {
    const f = DEFAULT_TARGETS.sawtooth as (x: number) => number;
    const xs = Float64Array.from({ length: 801 }, (_, i) => -1 + i / 400);
    for (const [k, w] of [
      [3, 2],
      [3, 4],
      [4, 3],
      [4, 8],
    ] as const) {
      const net = sawtoothStart(k, w, 1, 0);
      expect(net.layers.map((l) => l.biases.length)).toEqual([...Array<number>(k).fill(w), 1]);
      const ys = evaluateBatch(net, xs, xs.length);
      for (const [i, x] of xs.entries()) expect(ys[i]).toBeCloseTo(f(x), 12);
    }
    expect(() => sawtoothStart(2, 4, 1)).toThrow(/K >= 3/);
  });

  it('URL schema: t among the targets or draw, k in 2..4, w in 2..8', () => {
    const schema = approximationUrlSchema(DEFAULT_TARGETS);
    expect(schema.t).toEqual({ type: 'choice', values: ['sin', 'abs', 'sawtooth', 'draw'] });
    expect(schema.k).toMatchObject({ min: 2, max: 4 });
    expect(schema.w).toMatchObject({ min: 2, max: 8 });
  });

  it('words: one layer, two layers; no "0 identity layers"', () => {
    expect(plural(1, 'identity layer')).toBe('1 identity layer');
    expect(plural(2, 'identity layer')).toBe('2 identity layers');
    expect(identityText(1, [1, 6, 2, 1], 0).before).toContain('followed by 1 identity layer (');
    const none = identityText(0, [1, 6, 1], 0);
    expect(none.before).toContain('The shallow fit alone');
    expect(none.before + none.after('7')).not.toMatch(/0 identity layers/);
  });
});
