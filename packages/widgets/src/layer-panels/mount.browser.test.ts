import { afterEach, describe, expect, it } from 'vitest';
import { bruteForceRegions1d } from '../kit/brute-force-regions.ts';
import { host, moveSlider, nextDraw, setSearch, shownRegions, urlSearch } from '../kit/test-helpers.ts';
import { mountLayerPanels } from './mount.ts';
import { DEFAULT_LAYER_PANELS, layerPanelsNetwork } from './params.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const root = () => document.querySelector('[data-widget="layer-panels"]') as HTMLElement;

describe('layer-panels widget in Chromium', () => {
  it('draws the ten panels and counts the output regions of the default network exactly', async () => {
    const handle = mountLayerPanels(host());
    const state = await nextDraw(handle.subscribe);
    const expected = bruteForceRegions1d(layerPanelsNetwork(DEFAULT_LAYER_PANELS), [0, 1]);
    expect(shownRegions(root())).toBe(expected.linear);
    expect(state.linearRegions).toBe(expected.linear);
    // 3 + 3 + 3 unit curves, 3 weighted terms, the output.
    expect(root().querySelectorAll('path.dn-curve')).toHaveLength(13);
    // Clipping adds joints: every second-layer joint is a breakpoint that no first-layer unit explains.
    expect(state.trace.joints.filter((j) => j.layer === 2).length).toBeGreaterThan(0);
    expect(root().querySelectorAll('[data-role="region"]')).toHaveLength(expected.linear);
    console.log(`layer-panels: first draw ${state.ms.toFixed(2)} ms`);
    handle.destroy();
  });

  it('recomputes after slider moves and the Random button', async () => {
    const handle = mountLayerPanels(host());
    await nextDraw(handle.subscribe);
    const times: number[] = [];
    for (const value of [0.5, -0.7, 1.3, 2.2]) {
      const pending = nextDraw(handle.subscribe);
      moveSlider(root(), 'psi.2.0', value);
      const state = await pending;
      times.push(state.ms);
      expect(state.params['psi.2.0']).toBe(value);
      expect(shownRegions(root())).toBe(bruteForceRegions1d(layerPanelsNetwork(state.params), [0, 1]).linear);
    }
    console.log(`layer-panels: slider -> redraw ${times.map((t) => t.toFixed(2)).join(', ')} ms`);
    const pending = nextDraw(handle.subscribe);
    (root().querySelector('[data-action="random"]') as HTMLButtonElement).click();
    const state = await pending;
    expect(state.params).not.toEqual(DEFAULT_LAYER_PANELS);
    expect(shownRegions(root())).toBe(bruteForceRegions1d(layerPanelsNetwork(state.params), [0, 1]).linear);
    handle.destroy();
  });

  it('restores parameters from the URL and reports malformed ones', async () => {
    setSearch('?lp.psi.1.1=0.5&lp.theta.2.0=oops&lp.evil=1');
    const handle = mountLayerPanels(host(), { urlPrefix: 'lp' });
    const state = await nextDraw(handle.subscribe);
    expect(state.params['psi.1.1']).toBe(0.5);
    expect(state.params['theta.2.0']).toBe(DEFAULT_LAYER_PANELS['theta.2.0']);
    const notice = root().querySelector('.dn-notice') as HTMLElement;
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toContain('lp.evil');
    const pending = nextDraw(handle.subscribe);
    moveSlider(root(), 'phi.1', 0.25);
    await pending;
    expect(new URLSearchParams(urlSearch()).get('lp.phi.1')).toBe('0.25');
    handle.destroy();
  });

  it('removes everything on destroy', async () => {
    const element = host();
    const handle = mountLayerPanels(element);
    await nextDraw(handle.subscribe);
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });
});
