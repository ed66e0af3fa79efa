import { afterEach, describe, expect, it } from 'vitest';
import { host, moveSlider, nextDraw, setSearch } from '../kit/test-helpers.ts';
import { mountReceptiveField } from './mount.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const lit = (root: ParentNode) => root.querySelectorAll('rect[data-layer]:not([data-layer=""])').length;

describe('receptive-field widget in Chromium', () => {
  it('draws (2L + 1)^2 pixels and follows the slider', async () => {
    const element = host();
    const handle = mountReceptiveField(element);
    expect(lit(element)).toBe(7 * 7);
    const next = nextDraw(handle.subscribe);
    moveSlider(element, 'layers', 5);
    expect((await next).width).toBe(11);
    expect(lit(element)).toBe(11 * 11);
    expect(element.querySelector('[data-role="field-caption"]')?.textContent).toContain('11 x 11');
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });
  it('reads L from the URL', () => {
    setSearch('?rf.layers=1');
    const element = host();
    mountReceptiveField(element, { urlPrefix: 'rf' });
    expect(lit(element)).toBe(9);
  });
});
