import { compose, evaluate, shallowNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { regions1d } from './regions1d.ts';

describe('linear regions and rounding', () => {
  it('does not split a flat stretch whose slope is a rounding leftover (1e-18) next to an exact 0', () => {
    const first = shallowNetwork({
      theta: [
        [0, 1.5],
        [0, 0],
        [0.01, -0.02],
      ],
      phi: [[0, -1.36, 0, 0]],
    });
    const second = shallowNetwork({
      theta: [
        [0.01, 0.05],
        [0.01, 1.23],
        [0, 0],
      ],
      phi: [[0, -0.05, -0.03, 0]],
    });
    const net = compose(first, second);
    const r = regions1d(net, { domain: [-1, 1] });
    // Independent count: distinct slopes of consecutive pieces, by finite differences on a fine grid.
    const n = 20000;
    const f = (x: number) => evaluate(net, [x])[0] as number;
    let changes = 0;
    let previous = Number.NaN;
    for (let i = 0; i < n; i++) {
      const x0 = -1 + (2 * i) / n;
      const slope = (f(x0 + 2 / n) - f(x0)) / (2 / n);
      if (i > 0 && Math.abs(slope - previous) > 1e-6) changes++;
      previous = slope;
    }
    // Each kink shows up as at most two slope changes on the grid (the cell that straddles it).
    expect(r.linearRegions).toBe(4);
    expect(changes).toBeGreaterThanOrEqual(3);
    expect(changes).toBeLessThanOrEqual(6);
  });
});
