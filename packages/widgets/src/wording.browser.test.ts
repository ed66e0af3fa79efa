/**
 * Issue 19 item 9, across every widget as it opens: counted nouns agree with their number ("1 linear
 * region", never "1 linear regions"), the lecture's symbols are written as a reader reads them
 * (Dᵢ, never raw D_i), no "a integer", and no joint dot sits on a tick label (one covered the −1
 * tick). Plus the one count that only shows with a small image: "1 stacked convolution".
 */
import { corePlugin, createRegistry } from '@deepnets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { mountConvCalculator } from './conv-calculator/mount.ts';
import { host, setSearch } from './kit/test-helpers.ts';
import { getWidget, useWidgetsPlugin, widgetsPlugin } from './registry.ts';
import stylesheet from './styles/index.css?inline';

const registry = useWidgetsPlugin(createRegistry([corePlugin]));
const NOUNS =
  'linear regions|regions|units|hidden layers|layers|inputs|outputs|stacked convolutions|parameters|pieces|joints';
// "D + 1 regions" is a formula, not a count: a 1 after an operator is left alone
const WRONG = new RegExp(`(?<![\\d.,])(?<![+\\-−×]\\s)\\b1 (${NOUNS})\\b|\\bD_[ikoj]\\b|\\ba integer\\b`);

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('wording and marks of every widget as it opens', () => {
  for (const { name } of widgetsPlugin.widgets) {
    it(`${name}: no "1 <plural>", no raw D_i, no joint dot on a tick label`, async () => {
      const style = document.head.appendChild(document.createElement('style'));
      style.textContent = stylesheet;
      const element = host();
      element.style.width = '720px';
      const handle = getWidget(name, registry).mount(element);
      await new Promise((r) => setTimeout(r, 300));
      const text = element.textContent ?? '';
      expect(text.match(WRONG)?.[0] ?? null, text.slice(0, 200)).toBeNull();
      for (const svg of element.querySelectorAll('svg')) {
        const ticks = [...svg.querySelectorAll('text.dn-tick')].map((t) => t.getBoundingClientRect());
        for (const joint of svg.querySelectorAll('[data-role="joint"]')) {
          const dot = joint.getBoundingClientRect();
          if (dot.width === 0) continue;
          const covered = ticks.filter((t) => t.width > 0 && overlap(dot, t));
          expect(covered.length, `a joint dot covers a tick label in ${name}`).toBe(0);
        }
      }
      handle.destroy();
      style.remove();
    });
  }

  it('conv-calculator: a 3 x 3 image needs "1 stacked convolution", in the singular', () => {
    setSearch('?cc.h=3&cc.w=3&cc.k=3');
    const element = host();
    const handle = mountConvCalculator(element, { urlPrefix: 'cc' });
    expect(element.querySelector('[data-layers]')?.getAttribute('data-layers')).toBe('1');
    expect(element.textContent).toContain('1 stacked convolution (');
    expect(element.textContent).not.toMatch(/\b1 stacked convolutions/);
    handle.destroy();
  });
});
