import { afterEach, describe, expect, it } from 'vitest';
import { X_PAD } from '../kit/function-panel.ts';
import { NINE_REGIONS, SIXTEEN_REGIONS } from '../kit/network-pair.ts';
import { valueAt } from '../kit/pieces-1d.ts';
import { host, setSearch, urlSearch } from '../kit/test-helpers.ts';
import { type CompositionState, mountComposition } from './mount.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const count = (root: ParentNode, of: string) =>
  Number((root.querySelector(`[data-of="${of}"][data-regions]`) as HTMLElement).dataset.regions);

/** Sends a pointer drag (as a finger would) from the handle's centre to viewBox point (x, y). */
function drag(handle: SVGCircleElement, to: { x: number; y: number }) {
  const svg = handle.ownerSVGElement as SVGSVGElement;
  const m = svg.getScreenCTM() as DOMMatrix;
  const client = (x: number, y: number) => ({
    clientX: m.a * x + m.c * y + m.e,
    clientY: m.b * x + m.d * y + m.f,
  });
  const from = client(Number(handle.getAttribute('cx')), Number(handle.getAttribute('cy')));
  const init = { bubbles: true, pointerId: 7, pointerType: 'touch', isPrimary: true, button: 0 };
  handle.dispatchEvent(new PointerEvent('pointerdown', { ...init, ...from }));
  handle.dispatchEvent(new PointerEvent('pointermove', { ...init, ...client(to.x, to.y) }));
  handle.dispatchEvent(new PointerEvent('pointerup', { ...init, ...client(to.x, to.y) }));
}

describe('composition widget in Chromium', () => {
  it('starts with 9 regions, coloured by the 3 folds, and a shallow comparison of at most 7', () => {
    const element = host();
    let state: CompositionState | undefined;
    const handle = mountComposition(element);
    handle.subscribe((s) => {
      state = s;
    });
    handle.update({});
    const root = element.querySelector('[data-widget="composition"]') as HTMLElement;
    expect(count(root, 'composition')).toBe(9);
    expect(count(root, 'shallow')).toBeLessThanOrEqual(7);
    expect(root.querySelector('[data-parameters]')?.textContent).toBe('19');
    expect(root.dataset.regions1).toBe('3');
    expect(state?.foldOf).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    const panel1 = root.querySelector('[data-panel="network-1"]') as HTMLElement;
    expect(panel1.querySelectorAll('[data-role="joint"][visibility="visible"]')).toHaveLength(3);
    expect(root.querySelectorAll('input[type="range"][data-param^="n"]')).toHaveLength(20);
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });

  it('dragging a joint of network 1 with a touch pointer moves it and solves for theta and phi', () => {
    const element = host();
    let state: CompositionState | undefined;
    const handle = mountComposition(element);
    handle.subscribe((s) => {
      state = s;
    });
    const panel = element.querySelector('[data-panel="network-1"]') as HTMLElement;
    const joint = panel.querySelector('[data-role="joint"][data-unit="3"]') as SVGCircleElement;
    const svg = joint.ownerSVGElement as SVGSVGElement;
    // Target: x = 0.5, y = 0.2 in data units, through the plot's own scales.
    const m = svg.getScreenCTM() as DOMMatrix;
    expect(m).toBeTruthy();
    // The panel shows [-1, 1] padded by X_PAD on each side (joints at the ends clear of the axis).
    const axisX = (x: number) => 44 + ((x + 1 + 2 * X_PAD) / (2 + 4 * X_PAD)) * (320 - 44 - 16);
    const y0 = Number(joint.getAttribute('cy'));
    const height0 = Number(joint.dataset.y);
    drag(joint, { x: axisX(0.5), y: y0 - 20 });
    expect(state).toBeDefined();
    const theta = state?.pair.theta1[2] as number[];
    expect(-(theta[0] as number) / (theta[1] as number)).toBeCloseTo(0.5, 2);
    expect(Number(joint.dataset.x)).toBeCloseTo(0.5, 2);
    // The curve passes through the dragged joint at its new height (phi solved back).
    expect(valueAt(state!.regions1, Number(joint.dataset.x))).toBeCloseTo(Number(joint.dataset.y), 9);
    // 20 px up on the screen is higher in data units (the view rescales once the drag ends).
    expect(Number(joint.dataset.y)).toBeGreaterThan(height0);
    handle.destroy();
  });

  it('moves a focused joint with the arrow keys', () => {
    const element = host();
    const handle = mountComposition(element);
    const joint = element.querySelector(
      '[data-panel="network-2"] [data-role="joint"][data-unit="2"]',
    ) as SVGElement;
    const before = Number(joint.dataset.x);
    joint.focus();
    joint.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    joint.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    expect(Number(joint.dataset.x)).toBeCloseTo(before + 0.11, 9);
    expect(document.activeElement).toBe(joint);
    expect(joint.getAttribute('aria-label')).toMatch(/Joint of h₂′ of network 2 at y = /);
    handle.destroy();
  });

  it('reads its parameters from the URL, reports bad ones, and writes changes back', () => {
    setSearch('?cmp.n1.phi.0=-0.5&cmp.n2.theta.9.9=1&cmp.n1.theta.1.1=abc');
    const element = host();
    const handle = mountComposition(element, { urlPrefix: 'cmp' });
    const notice = element.querySelector('.dn-notice') as HTMLElement;
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toContain('cmp.n2.theta.9.9');
    expect(notice.textContent).toContain('cmp.n1.theta.1.1=abc');
    expect((element.querySelector('input[data-param="n1.phi.0"]') as HTMLInputElement).value).toBe('-0.5');
    const slider = element.querySelector('input[data-param="n2.phi.0"]') as HTMLInputElement;
    slider.value = '1';
    slider.dispatchEvent(new Event('input'));
    expect(new URLSearchParams(urlSearch()).get('cmp.n2.phi.0')).toBe('1');
    handle.destroy();
  });

  it('loads the 16-region composition and folds with the slider', () => {
    const element = host();
    const handle = mountComposition(element, { pair: SIXTEEN_REGIONS });
    const root = element.querySelector('[data-widget="composition"]') as HTMLElement;
    expect(count(root, 'composition')).toBe(16);
    const fold = root.querySelector('input[data-param="fold"]') as HTMLInputElement;
    fold.value = '1';
    fold.dispatchEvent(new Event('input'));
    const view = root.querySelector('[data-panel="folding"]') as HTMLElement;
    expect(view.dataset.fold).toBe('1.00');
    expect(view.querySelectorAll('[data-role="fold-piece"]').length).toBeGreaterThanOrEqual(16);
    expect(view.querySelector('button')?.getAttribute('aria-pressed')).toBe('true');
    const reset = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('9 regions'));
    reset?.click();
    expect(count(root, 'composition')).toBe(9);
    expect(NINE_REGIONS.phi1[0]).toBe(-1);
    handle.destroy();
  });

  it("keeps network 2's dashed graph inside the folding view's frame, also where network 2 reaches past the composition", () => {
    const element = host();
    // Network 2 steep outside the y values network 1 reaches: on main its graph left the frame.
    const pair = { ...NINE_REGIONS, phi2: [0, 8, -8, 8] };
    const handle = mountComposition(element, { pair });
    const view = element.querySelector('[data-panel="folding"]') as HTMLElement;
    const fold = view.querySelector('input[data-param="fold"]') as HTMLInputElement;
    fold.value = '1';
    fold.dispatchEvent(new Event('input'));
    const svg = view.querySelector('svg') as SVGSVGElement;
    const { width, height } = svg.viewBox.baseVal;
    const d = view.querySelector('[data-role="network-2-ghost"]')?.getAttribute('d') ?? '';
    const points = [...d.matchAll(/[ML](-?[\d.e+-]+),(-?[\d.e+-]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(points.length).toBeGreaterThan(1);
    // The plot area: createPlot's margins (left 44, right 16, top 12, bottom 34).
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(44 - 1e-6);
      expect(x).toBeLessThanOrEqual(width - 16 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(12 - 1e-6);
      expect(y).toBeLessThanOrEqual(height - 34 + 1e-6);
    }
    handle.destroy();
  });

  it('says "1 linear region" in the singular', () => {
    const element = host();
    const handle = mountComposition(element, { pair: { ...NINE_REGIONS, phi2: [0.5, 0, 0, 0] } });
    const root = element.querySelector('[data-widget="composition"]') as HTMLElement;
    expect(count(root, 'composition')).toBe(1);
    expect(root.textContent).toContain('1 linear region,');
    expect(root.textContent).not.toMatch(/\b1 linear regions/);
    handle.destroy();
  });
});
