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
