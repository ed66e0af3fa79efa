import { evaluate, parseNetworkJson } from '@deepnets/core';
import { maxRegionsNetwork } from '@deepnets/regions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import '../../test/cli-command.ts';
import { bruteForceRegions1d } from '../kit/brute-force-regions.ts';
import { exportedNetwork } from '../kit/network-file-test-helpers.ts';
import { host, moveSlider, setSearch, shownRegions, until, urlSearch } from '../kit/test-helpers.ts';
import { mountConstructionExplorer } from './mount.ts';
import { mouseDrag, touch, wheel } from './real-input.ts';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  setSearch('');
});

const widget = () => document.querySelector('[data-widget="construction-explorer"]') as HTMLElement;

/**
 * Client x at fraction f of the function plot's area (viewBox x 44 to 464 of 480; touch input takes
 * fractions of a pixel), the whole pixel nearest (mouse input), the fraction a client x is at, and
 * a y inside the plot.
 */
function plotPoints(): {
  at: (f: number) => number;
  pixel: (f: number) => number;
  fraction: (x: number) => number;
  y: number;
} {
  const box = (widget().querySelector('svg.dn-zoomable') as SVGSVGElement).getBoundingClientRect();
  const ppu = box.width / 480;
  const at = (f: number) => box.left + (44 + 420 * f) * ppu;
  return {
    at,
    pixel: (f: number) => Math.round(at(f)),
    fraction: (x: number) => ((x - box.left) / ppu - 44) / 420,
    y: box.top + box.height / 2,
  };
}

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

  // Real input through CDP is timing-sensitive on a loaded machine (a touch sequence can straddle
  // frames), so the two gesture tests get two retries; a wrong zoom fails all three.
  it('zooms by a two-finger touch pinch about its midpoint and pans by one finger (d3-zoom, real touch)', {
    retry: 2,
  }, async () => {
    const handle = mountConstructionExplorer(host(), { layers: 2, width: 4 });
    await until(handle.subscribe, (s) => s.regions > 0);
    const { at, y } = plotPoints();
    let next = until(handle.subscribe, (s) => s.view.x1 - s.view.x0 < 0.5);
    await touch('start', [
      { id: 1, x: at(0.4), y },
      { id: 2, x: at(0.6), y },
    ]);
    await touch('move', [
      { id: 1, x: at(0.2), y },
      { id: 2, x: at(0.8), y },
    ]);
    const pinched = await next;
    await touch('end', []);
    // The fingers moved three times as far apart: a third of the width, about their midpoint 0.5.
    expect(pinched.view.x1 - pinched.view.x0).toBeCloseTo(1 / 3, 6);
    expect((pinched.view.x0 + pinched.view.x1) / 2).toBeCloseTo(0.5, 6);
    next = until(handle.subscribe, (s) => s.view.x0 > pinched.view.x0 + 0.01);
    await touch('start', [{ id: 3, x: at(0.5), y }]);
    await touch('move', [{ id: 3, x: at(0.3), y }]);
    const panned = await next;
    await touch('end', []);
    // Dragged left by a fifth of the plot area: the window moves right by a fifth of its width.
    expect(panned.view.x1 - panned.view.x0).toBeCloseTo(1 / 3, 6);
    expect(panned.view.x0 - pinched.view.x0).toBeCloseTo(0.2 / 3, 6);
    handle.destroy();
  });

  it('zooms about the pointer with the wheel and pans with a mouse drag (d3-zoom, real mouse)', {
    retry: 2,
  }, async () => {
    const handle = mountConstructionExplorer(host(), { layers: 2, width: 4, urlPrefix: 'cz' });
    await until(handle.subscribe, (s) => s.regions > 0);
    const svg = widget().querySelector('svg.dn-zoomable') as SVGSVGElement;
    svg.focus();
    let next = until(handle.subscribe, (s) => s.view.x1 - s.view.x0 < 0.6);
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    const keyed = await next;
    expect(keyed.view).toEqual({ x0: 0.25, x1: 0.75 });
    const { pixel, fraction, y } = plotPoints();
    // The point under the pointer, near 0.3 of the plot area, stays where it is.
    const f = fraction(pixel(0.3));
    const under = keyed.view.x0 + f * 0.5;
    next = until(handle.subscribe, (s) => s.view.x1 - s.view.x0 < 0.49);
    await wheel({ x: pixel(0.3), y }, -100);
    const wheeled = await next;
    const width = wheeled.view.x1 - wheeled.view.x0;
    expect(wheeled.view.x0 + f * width).toBeCloseTo(under, 6);
    // Dragged left by (about) a fifth of the plot area: the window moves right as far.
    const shift = fraction(pixel(0.6)) - fraction(pixel(0.4));
    // (Pointer positions go through the SVG's float32 screen matrix: equal to about 1e-5 px.)
    next = until(handle.subscribe, (s) => s.view.x0 > wheeled.view.x0 + shift * width - 1e-4);
    await mouseDrag({ x: pixel(0.6), y }, { x: pixel(0.4), y });
    const dragged = await next;
    expect(dragged.view.x1 - dragged.view.x0).toBeCloseTo(width, 9);
    expect(dragged.view.x0 - wheeled.view.x0).toBeCloseTo(shift * width, 5);
    // The window is recorded in the URL when the gesture ends.
    await new Promise((r) => setTimeout(r, 50));
    const search = new URLSearchParams(urlSearch());
    expect(Number(search.get('cz.x0'))).toBeCloseTo(dragged.view.x0, 9);
    handle.destroy();
  });

  it('exports the construction: the file evaluates to the drawn curve, and deepnets regions counts the stated number', async () => {
    const handle = mountConstructionExplorer(host(), { layers: 3, width: 5 });
    const state = await until(handle.subscribe, (s) => s.regions > 0);
    expect(widget().querySelector('[data-action="open-network"]')).toBeNull();
    const { text } = await exportedNetwork(widget());
    const net = parseNetworkJson(text);
    // Every vertex of the drawn path (viewBox: x 44..464 is [0, 1], y 266..12 is [-0.08, 1.08]).
    const d = widget().querySelector('[data-role="curve"]')?.getAttribute('d') ?? '';
    const vertices = [...d.matchAll(/(-?[\d.e-]+),(-?[\d.e-]+)/g)].map((m) => [
      (Number(m[1]) - 44) / 420,
      -0.08 + ((266 - Number(m[2])) / 254) * 1.16,
    ]);
    expect(vertices.length).toBe(6 ** 3 + 1);
    // The path's numbers have 2 decimals (0.005 viewBox units), so each vertex lies within L dx + dy
    // of f, L the steepest slope of f (by central differences inside each piece); a wrong network
    // misses by about 1.
    const f = (x: number) => evaluate(net, [x])[0] as number;
    let steepest = 0;
    for (let i = 1; i < vertices.length; i++) {
      const mid = ((vertices[i - 1]?.[0] as number) + (vertices[i]?.[0] as number)) / 2;
      steepest = Math.max(steepest, Math.abs(f(mid + 1e-9) - f(mid - 1e-9)) / 2e-9);
    }
    const dx = 0.005 / 420;
    const dy = (0.005 / 254) * 1.16;
    for (const [x, y] of vertices as [number, number][]) {
      expect(Math.abs(f(x) - y)).toBeLessThanOrEqual(steepest * dx + dy + 1e-12);
    }
    const cli = await commands.cliRegions(text, ['--domain', '0,1']);
    expect(cli.err).toBe('');
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.out) as { linearRegions: number }).linearRegions).toBe(shownRegions(widget()));
    expect(shownRegions(widget())).toBe(state.regions);
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
