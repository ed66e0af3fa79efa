/**
 * Issue 19, item 9: "a joint dot covers the -1 tick". The composition's network 1 has h₁'s joint
 * at (x, y) = (-1, -1), the corner of its interval, where the x axis's and the y axis's -1 tick
 * labels sit; the panels now leave X_PAD of the interval free at both ends. No drawn joint dot of
 * the section-1 widgets overlaps a tick label, at 1280 and 390 px.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mountSettled } from '../visual/settle.ts';

afterEach(() => document.body.replaceChildren());

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('joint dots keep clear of the tick labels', () => {
  for (const width of [1280, 390]) {
    for (const name of ['composition', 'composition-2d', 'two-outputs']) {
      it(`${name} at ${width} px`, async () => {
        const widget = await mountSettled(name, { width, height: 1800 }, Math.min(720, width - 16));
        try {
          const dots = [
            ...widget.root.querySelectorAll<SVGCircleElement>('circle[data-role="joint"]'),
          ].filter((c) => c.getAttribute('visibility') !== 'hidden');
          expect(dots.length).toBeGreaterThan(0);
          let checked = 0;
          for (const dot of dots) {
            const svg = dot.ownerSVGElement as SVGSVGElement;
            const box = dot.getBoundingClientRect();
            for (const tick of svg.querySelectorAll<SVGTextElement>('text.dn-tick')) {
              const label = tick.getBoundingClientRect();
              expect(
                overlap(box, label),
                `${name}: joint ${dot.dataset.unit} at ${dot.dataset.x} covers tick "${tick.textContent}"`,
              ).toBe(false);
              checked++;
            }
          }
          expect(checked).toBeGreaterThan(0);
        } finally {
          widget.destroy();
        }
      });
    }
  }
});
