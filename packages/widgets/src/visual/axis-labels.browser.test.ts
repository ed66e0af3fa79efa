/**
 * Issue 19 item 9: axis labels clear of tick labels, and tick labels not cut off. Chart text keeps
 * its CSS pixel size while a chart scales (kit `text-size.ts`), so at 390 px a label placed in
 * viewBox units ran into the ticks ("y′" over "1.5", "x folded onto y" over "1") and the minus of
 * "−0.5" fell outside the SVG. Every widget is mounted at 390 and 1280 px and, in every SVG, the
 * boxes of `text.dn-tick` and `text.dn-axis-label` are compared.
 */
import { describe, expect, it } from 'vitest';
import { mountSettled, WIDGET_NAMES } from './settle.ts';

const overlap = (a: DOMRect, b: DOMRect, slack = 0.5) =>
  a.left < b.right - slack &&
  b.left < a.right - slack &&
  a.top < b.bottom - slack &&
  b.top < a.bottom - slack;
const inside = (a: DOMRect, b: DOMRect, slack = 0.5) =>
  a.left >= b.left - slack &&
  a.right <= b.right + slack &&
  a.top >= b.top - slack &&
  a.bottom <= b.bottom + slack;
const drawn = (el: Element) => el.textContent?.trim() && el.getClientRects().length > 0;

/** "label over tick" collisions and cut-off ticks of every SVG in `root`. */
function problems(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const svg of root.querySelectorAll('svg')) {
    const ticks = [...svg.querySelectorAll('.dn-axes text.dn-tick')].filter(drawn);
    const labels = [...svg.querySelectorAll('.dn-axes text.dn-label:not(.dn-heading)')].filter(drawn);
    const bounds = getComputedStyle(svg).overflow === 'visible' ? root : svg;
    for (const tick of ticks) {
      const box = tick.getBoundingClientRect();
      if (!inside(box, bounds.getBoundingClientRect())) found.push(`tick "${tick.textContent}" cut off`);
      for (const label of labels)
        if (overlap(box, label.getBoundingClientRect()))
          found.push(`label "${label.textContent}" over tick "${tick.textContent}"`);
    }
  }
  return found;
}

describe('axis labels keep clear of tick labels, and no tick label is cut off', () => {
  for (const width of [390, 1280]) {
    for (const name of WIDGET_NAMES) {
      it(`${name} at ${width} px`, async () => {
        const widget = await mountSettled(name, { width, height: 900 }, width > 1000 ? 688 : undefined);
        try {
          expect(problems(widget.root)).toEqual([]);
        } finally {
          widget.destroy();
        }
      }, 60_000);
    }
  }
});

/** Plots (kit createPlot) in `root` whose curves or regions are not clipped to the drawn frame. */
function unclipped(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const svg of root.querySelectorAll('svg.dn-plot')) {
    const frame = svg.querySelector('.dn-axes rect.dn-frame');
    for (const layer of svg.querySelectorAll(':scope > g.dn-curves, :scope > g.dn-regions')) {
      const id = /url\(#(.+)\)/.exec(layer.getAttribute('clip-path') ?? '')?.[1];
      const clip = id ? svg.querySelector(`clipPath#${id} rect`) : null;
      const same =
        frame &&
        clip &&
        ['x', 'y', 'width', 'height'].every(
          (a) => Math.abs(Number(frame.getAttribute(a)) - Number(clip.getAttribute(a))) < 1e-6,
        );
      if (!same)
        found.push(
          `${svg.closest('[data-panel]')?.getAttribute('data-panel') ?? 'plot'}: ${layer.getAttribute('class')}`,
        );
    }
  }
  return found;
}

describe('graphs stay inside their frame (network 2 of the composition widgets, the free-Psi plot)', () => {
  for (const name of ['composition', 'composition-2d', 'combining']) {
    it(`${name}: every plot draws its frame and clips its curves and regions to it`, async () => {
      const widget = await mountSettled(name, { width: 390, height: 900 });
      try {
        expect(widget.root.querySelectorAll('svg.dn-plot').length).toBeGreaterThan(0);
        expect(unclipped(widget.root)).toEqual([]);
      } finally {
        widget.destroy();
      }
    }, 60_000);
  }
});
