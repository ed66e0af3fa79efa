import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampView, zoom } from './view.ts';
import { PLOT_AREA, transformOfView, viewOfTransform } from './zoom-input.ts';

const view = fc
  .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-9, max: 1, noNaN: true }))
  .map(([x0, w]) => clampView({ x0, x1: x0 + w }));

describe('d3-zoom transform <-> window of [0, 1]', () => {
  it('shows the window it was made from (round trip)', () => {
    fc.assert(
      fc.property(view, (v) => {
        const back = viewOfTransform(transformOfView(v));
        const width = v.x1 - v.x0;
        expect(Math.abs(back.x0 - v.x0)).toBeLessThan(1e-9 * width + 1e-15);
        expect(Math.abs(back.x1 - v.x1)).toBeLessThan(1e-9 * width + 1e-15);
      }),
    );
  });

  it("zooming the transform about a screen point is view.ts's zoom about that fraction", () => {
    fc.assert(
      fc.property(
        view,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 4 }),
        (v, at, k) => {
          // d3-zoom's scaleBy about p: t' = translate(p) scale(k) translate(-p) t, in screen units.
          const t = transformOfView(v);
          const p = PLOT_AREA.left + at * (PLOT_AREA.right - PLOT_AREA.left);
          const scaled = { k: t.k * k, x: p - (p - t.x) * k };
          const expected = zoom(v, k, at);
          // Only where zoom() needs no clamping (the window stays inside [0, 1]).
          fc.pre(
            expected.x1 - expected.x0 < 1 && Math.abs(expected.x1 - expected.x0 - (v.x1 - v.x0) / k) < 1e-15,
          );
          const got = viewOfTransform(scaled);
          const width = expected.x1 - expected.x0;
          expect(Math.abs(got.x0 - expected.x0)).toBeLessThan(1e-9 * width + 1e-15);
        },
      ),
    );
  });
});
