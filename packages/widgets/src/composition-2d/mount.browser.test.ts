import { evaluate, shallowNetwork } from '@deepnets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { figureSvg } from '../kit/figure.ts';
import { host, setSearch, urlSearch } from '../kit/test-helpers.ts';
import { type Composition2DState, mountComposition2d } from './mount.ts';
import { BOOK_2D } from './params.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const count = (root: ParentNode, of: string) =>
  Number((root.querySelector(`[data-of="${of}"][data-regions]`) as HTMLElement).dataset.regions);
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('composition-2d widget in Chromium', () => {
  it("shows the book's counts: 7 regions (1 flat) and 13 after composing, on canvas heat maps", () => {
    const element = host();
    element.style.width = '900px';
    const handle = mountComposition2d(element);
    const root = element.querySelector('[data-widget="composition-2d"]') as HTMLElement;
    expect(count(root, 'network-1')).toBe(7);
    expect(count(root, 'composition')).toBe(13);
    expect(root.querySelectorAll('[data-role="flat"]')).toHaveLength(2);
    const canvases = root.querySelectorAll('canvas');
    expect(canvases).toHaveLength(2);
    for (const canvas of canvases) expect(canvas.width).toBeGreaterThan(50);
    expect(root.querySelectorAll('input[type="range"]')).toHaveLength(20);
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });

  it('re-renders the heat maps at the new size when the page resizes', async () => {
    const element = host();
    element.style.width = '900px';
    const handle = mountComposition2d(element);
    const canvas = element.querySelector('[data-panel="composition"] canvas') as HTMLCanvasElement;
    const before = canvas.width;
    element.style.width = '450px';
    await frame();
    await frame();
    expect(canvas.width).toBeLessThan(before);
    handle.destroy();
  });

  it('probes with the arrow keys and reads y and y′ = network 2(y) there', () => {
    const element = host();
    let state: Composition2DState | undefined;
    const handle = mountComposition2d(element);
    handle.subscribe((s) => {
      state = s;
    });
    const svg = element.querySelector('[data-panel="composition"] svg') as SVGSVGElement;
    svg.focus();
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(state?.probe?.x[0]).toBeCloseTo(0.2, 12);
    expect(state?.probe?.x[1]).toBeCloseTo(0.02, 12);
    const net2 = shallowNetwork({ theta: BOOK_2D.theta2, phi: BOOK_2D.phi2 });
    expect(state?.probe?.composed).toBeCloseTo(evaluate(net2, [state?.probe?.y ?? 0])[0]!, 12);
    expect(element.querySelectorAll('[data-role="probe"]').length).toBeGreaterThanOrEqual(2);
    expect(element.querySelector('p[data-role="probe"]')?.textContent).toContain('(0.200, 0.020)');
    handle.destroy();
  });

  it('follows its sliders and the URL', () => {
    setSearch('?c2d.n2.theta.2.0=5');
    const element = host();
    const handle = mountComposition2d(element, { urlPrefix: 'c2d' });
    expect(element.querySelector('.dn-notice')?.textContent).toContain('c2d.n2.theta.2.0=5');
    const slider = element.querySelector('input[data-param="n2.theta.2.0"]') as HTMLInputElement;
    // Move network 2's joint far above every y: the composition keeps only network 1's 7 regions.
    slider.value = '-2.9';
    slider.dispatchEvent(new Event('input'));
    expect(count(element, 'composition')).toBe(7);
    expect(new URLSearchParams(urlSearch()).get('c2d.n2.theta.2.0')).toBe('-2.9');
    handle.destroy();
  });

  it('exports one figure with the heat maps embedded as images', () => {
    const element = host();
    const handle = mountComposition2d(element);
    const panels = [...element.querySelectorAll('[data-panel] svg.dn-plot')] as SVGSVGElement[];
    const canvas = element.querySelector('canvas') as HTMLCanvasElement;
    const figure = figureSvg(element, [
      { svg: panels[0]!, images: [{ canvas, x: 44, y: 12, width: 254, height: 254 }] },
      { svg: panels[1]! },
    ]);
    expect(figure.querySelectorAll('image')).toHaveLength(1);
    expect(figure.querySelector('image')?.getAttribute('href')).toMatch(/^data:image\/png;base64,/);
    expect(figure.getAttribute('viewBox')).toBe('0 0 634 300');
    handle.destroy();
  });
});
