import { afterEach, describe, expect, it } from 'vitest';
import { host, setSearch, urlSearch } from '../kit/test-helpers.ts';
import { mountConvCalculator } from './mount.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const read = (root: ParentNode, selector: string, attr: string) =>
  Number(root.querySelector(selector)?.getAttribute(attr));

describe('conv-calculator widget in Chromium', () => {
  it('counts a dense layer on a megapixel image against a 3 x 3 convolution, and 500 layers to see it all', () => {
    const element = host();
    const handle = mountConvCalculator(element);
    const pixels = 1000 * 1000;
    expect(read(element, '[data-layer="dense"] [data-parameters]', 'data-parameters')).toBe(
      pixels * pixels + pixels,
    );
    expect(read(element, '[data-layer="conv"] [data-parameters]', 'data-parameters')).toBe(3 * 3 + 1);
    // Stride 1: each layer widens the field by 2 pixels; 1 + 2L >= 1000 first at L = 500.
    let layers = 0;
    while (1 + 2 * layers < 1000) layers++;
    expect(read(element, '[data-layers]', 'data-layers')).toBe(layers);
    handle.destroy();
  });

  it('reacts to the form: RGB, 5 x 5, stride 2', () => {
    const element = host();
    const handle = mountConvCalculator(element, { urlPrefix: 'cc' });
    const set = (key: string, v: string) => {
      const el = element.querySelector(`[data-param="${key}"]`) as HTMLInputElement | HTMLSelectElement;
      el.value = v;
      el.dispatchEvent(new Event('change'));
    };
    set('c', '3');
    set('co', '16');
    set('k', '5');
    set('s', '2');
    expect(read(element, '[data-layer="conv"] [data-parameters]', 'data-parameters')).toBe(
      5 * 5 * 3 * 16 + 16,
    );
    // Stride 2 doubles the step each layer: 1 + 4 (1 + 2 + ... + 2^(L-1)) >= 1000 needs 2^L >= 250.75.
    expect(read(element, '[data-layers]', 'data-layers')).toBeLessThanOrEqual(9);
    expect(read(element, '[data-layers]', 'data-layers')).toBeGreaterThanOrEqual(8);
    expect(new URLSearchParams(urlSearch()).get('cc.k')).toBe('5');
    handle.destroy();
  });

  it('restores from the URL and cleans up', () => {
    setSearch('?cc.h=64&cc.w=64&cc.k=3');
    const element = host();
    const handle = mountConvCalculator(element, { urlPrefix: 'cc' });
    expect(read(element, '[data-layers]', 'data-layers')).toBe(32);
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });
});
