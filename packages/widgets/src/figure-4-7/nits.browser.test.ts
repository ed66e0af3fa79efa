/** Issue 19 item 9, Figure 4.7: an out-of-range entry is clamped and the widget says so; labels stay inside. */
import { afterEach, describe, expect, it } from 'vitest';
import { host, nextDraw } from '../kit/test-helpers.ts';
import { mountFigure47 } from './mount.ts';

afterEach(() => document.body.replaceChildren());

describe('Figure 4.7 input and labels', () => {
  it('says when it clamps an entry (K = 99 becomes 20)', async () => {
    const handle = mountFigure47(host());
    const root = document.querySelector('[data-widget="figure-4-7"]') as HTMLElement;
    (root.querySelector('input[data-param="k"]') as HTMLInputElement).value = '99';
    const drawn = nextDraw(handle.subscribe);
    (root.querySelector('[data-action="add-bound"]') as HTMLButtonElement).click();
    const state = await drawn;
    expect(state.added[0]?.layers).toBe(20);
    expect(root.querySelector('[data-role="form-status"]')?.textContent).toContain(
      'layers K: “99” is not a whole number from 1 to 20; using 20.',
    );
    handle.destroy();
  });

  it('keeps every curve label K=1..5 inside its panel', async () => {
    const handle = mountFigure47(host());
    await new Promise((r) => setTimeout(r, 50));
    for (const svg of document.querySelectorAll('[data-widget="figure-4-7"] svg.dn-plot')) {
      const frame = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll('text')].filter((t) => /^K=\d$/.test(t.textContent ?? ''));
      expect(labels).toHaveLength(5);
      for (const label of labels) {
        const box = label.getBoundingClientRect();
        expect(box.left).toBeGreaterThanOrEqual(frame.left);
        expect(box.right).toBeLessThanOrEqual(frame.right + 0.5);
      }
    }
    handle.destroy();
  });
});

describe('Figure 4.7 marks and axes', () => {
  it('keeps the "471 params, 161,051" note clear of every curve, and writes each axis in one number style', async () => {
    const handle = mountFigure47(host());
    await new Promise((r) => setTimeout(r, 50));
    const panels = [...document.querySelectorAll<SVGSVGElement>('[data-widget="figure-4-7"] svg.dn-plot')];
    expect(panels.length).toBe(2);
    const note = [...(panels[0] as SVGSVGElement).querySelectorAll('text')].find((t) =>
      /params, /.test(t.textContent ?? ''),
    ) as SVGTextElement;
    expect(note.textContent).toBe('471 params, 161,051');
    const box = note.getBBox();
    // nor on a curve label (K=2 sat under it)
    for (const label of (panels[0] as SVGSVGElement).querySelectorAll('text')) {
      if (label === note || !/^K=\d$/.test(label.textContent ?? '')) continue;
      const l = label.getBBox();
      const apart =
        l.x >= box.x + box.width ||
        box.x >= l.x + l.width ||
        l.y >= box.y + box.height ||
        box.y >= l.y + l.height;
      expect(apart, `the note covers ${label.textContent}`).toBe(true);
    }
    // sample every curve of panel a every 0.5 user units: no sample inside the note's box
    for (const curve of (panels[0] as SVGSVGElement).querySelectorAll<SVGPathElement>('path.dn-curve')) {
      const length = curve.getTotalLength();
      for (let s = 0; s <= length; s += 0.5) {
        const p = curve.getPointAtLength(s);
        const inside = p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height;
        expect(inside, `K=${curve.dataset.layers} crosses the note at (${p.x}, ${p.y})`).toBe(false);
      }
    }
    for (const svg of panels) {
      const ticks = [...svg.querySelectorAll('text.dn-tick')]
        .map((t) => t.textContent ?? '')
        .filter((t) => /^[\d.,e+\-−]+$/.test(t));
      const styles = new Set(
        ticks.map((t) => (/e/.test(t) ? 'exponent' : /^\d{5,}$/.test(t) ? 'long' : 'short')),
      );
      expect(styles.has('exponent') && styles.has('long'), ticks.join(' ')).toBe(false);
      // no tick label touches the axis title "regions (eq. 4.17)" (it sits inside the plot area)
      const title = [...svg.querySelectorAll('text.dn-label, text.dn-axis-label')].find((t) =>
        /regions/.test(t.textContent ?? ''),
      ) as SVGTextElement;
      const t = title.getBoundingClientRect();
      for (const tick of svg.querySelectorAll('text.dn-tick')) {
        const b = tick.getBoundingClientRect();
        const overlaps = b.left < t.right && t.left < b.right && b.top < t.bottom && t.top < b.bottom;
        expect(overlaps, `tick ${tick.textContent} on the axis title`).toBe(false);
      }
    }
    handle.destroy();
  });
});
