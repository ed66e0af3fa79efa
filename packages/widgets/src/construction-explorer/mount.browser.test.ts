import { maxRegionsNetwork } from '@deepnets/regions';
import { afterEach, describe, expect, it } from 'vitest';
import { bruteForceRegions1d } from '../kit/brute-force-regions.ts';
import { host, moveSlider, setSearch, shownRegions, until } from '../kit/test-helpers.ts';
import { mountConstructionExplorer } from './mount.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const widget = () => document.querySelector('[data-widget="construction-explorer"]') as HTMLElement;

describe('construction-explorer widget in Chromium', () => {
  it('shows the exact count (D+1)^K of K = 3, D = 4, checked by brute-force sampling', async () => {
    const handle = mountConstructionExplorer(host());
    const state = await until(handle.subscribe, (s) => s.random.length === 6);
    const brute = bruteForceRegions1d(maxRegionsNetwork({ layers: 3, width: 4 }), [0, 1], 30000).linear;
    expect(brute).toBe((4 + 1) ** 3);
    expect(shownRegions(widget())).toBe(brute);
    expect(widget().querySelector('[data-bound]')?.getAttribute('data-bound')).toBe(String(5 ** 3));
    // Random He networks: every count within the bound, on average about one region per unit.
    for (const s of state.random) {
      expect(s.counts).toHaveLength(20);
      for (const c of s.counts) expect(c).toBeLessThanOrEqual(5 ** s.layers);
      expect(s.mean / s.hiddenUnits).toBeLessThan(3);
    }
    expect(state.random[5]?.mean).toBeLessThan(5 ** 6 / 100);
    handle.destroy();
  });

  it('recounts when K and D change: 5 layers of 10 units make 161,051 regions', async () => {
    const handle = mountConstructionExplorer(host());
    await until(handle.subscribe, (s) => s.regions === 125);
    const next = until(handle.subscribe, (s) => s.layers === 5 && s.width === 10);
    moveSlider(widget(), 'k', 5);
    moveSlider(widget(), 'd', 10);
    const state = await next;
    expect(state.regions).toBe(11 ** 5);
    expect(shownRegions(widget())).toBe(11 ** 5);
    expect(state.parameters).toBe(2 * 10 + 4 * 11 * 10 + 11);
    expect(widget().querySelector('[data-role="curve"]')?.getAttribute('data-envelope')).toBe('true');
    handle.destroy();
  });

  it('zooms with keys and buttons down to the smallest region', async () => {
    const handle = mountConstructionExplorer(host(), { layers: 4, width: 6 });
    const first = await until(handle.subscribe, (s) => s.regions > 0);
    expect(first.inView).toBe(7 ** 4);
    const svg = widget().querySelector('svg.dn-zoomable') as SVGSVGElement;
    svg.focus();
    let next = until(handle.subscribe, (s) => s.view.x1 - s.view.x0 < 1);
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    const zoomed = await next;
    expect(zoomed.view.x1 - zoomed.view.x0).toBeCloseTo(0.5, 12);
    expect(zoomed.inView).toBeLessThan(first.inView);
    next = until(handle.subscribe, (s) => s.inView < 50);
    (widget().querySelector('[data-action="zoom-smallest"]') as HTMLButtonElement).click();
    const tiny = await next;
    expect(tiny.view.x1 - tiny.view.x0).toBeCloseTo(20 * tiny.smallest, 6);
    expect(widget().querySelector('[data-role="curve"]')?.getAttribute('data-envelope')).toBe('false');
    expect(widget().querySelectorAll('[data-role="region"]').length).toBe(tiny.inView);
    // So deep in, the axis counts from the window's left end.
    expect(widget().querySelector('[data-role="offset"]')?.textContent).toContain(tiny.view.x0.toFixed(6));
    handle.destroy();
  });

  it('pans with a dragged pointer and zooms with a two-finger pinch', async () => {
    const handle = mountConstructionExplorer(host(), { layers: 2, width: 4 });
    await until(handle.subscribe, (s) => s.regions > 0);
    const svg = widget().querySelector('svg.dn-zoomable') as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const at = (f: number) => box.left + box.width * f;
    const fire = (type: string, id: number, x: number) =>
      svg.dispatchEvent(
        new PointerEvent(type, {
          pointerId: id,
          clientX: x,
          clientY: box.top + 50,
          bubbles: true,
          pointerType: 'touch',
        }),
      );
    fire('pointerdown', 1, at(0.4));
    fire('pointerdown', 2, at(0.6));
    let next = until(handle.subscribe, (s) => s.view.x1 - s.view.x0 < 0.4);
    fire('pointermove', 1, at(0.2));
    fire('pointermove', 2, at(0.8));
    const pinched = await next;
    // The fingers moved three times as far apart: a third of the width.
    expect(pinched.view.x1 - pinched.view.x0).toBeCloseTo(1 / 3, 6);
    fire('pointerup', 2, at(0.8));
    fire('pointerup', 1, at(0.2));
    fire('pointerdown', 3, at(0.5));
    next = until(handle.subscribe, (s) => s.view.x0 !== pinched.view.x0);
    fire('pointermove', 3, at(0.3));
    const panned = await next;
    expect(panned.view.x1 - panned.view.x0).toBeCloseTo(1 / 3, 6);
    fire('pointerup', 3, at(0.3));
    handle.destroy();
  });

  it('restores K, D and the view from the URL and cleans up', async () => {
    setSearch('?ce.k=2&ce.d=5&ce.x0=0.25&ce.x1=0.5&ce.zz=1');
    const element = host();
    const handle = mountConstructionExplorer(element, { urlPrefix: 'ce' });
    const state = await until(handle.subscribe, (s) => s.regions > 0);
    expect(state.regions).toBe(6 ** 2);
    expect(state.view).toEqual({ x0: 0.25, x1: 0.5 });
    expect(element.querySelector('.dn-notice')?.textContent).toContain('ce.zz');
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });
});
