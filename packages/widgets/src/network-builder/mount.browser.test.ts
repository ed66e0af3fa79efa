import { regions1d } from '@deepnets/regions';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { bruteForceRegions1d, bruteForceRegions2d } from '../kit/brute-force-regions.ts';
import { host, nextDraw, setSearch, shownRegions } from '../kit/test-helpers.ts';
import { mountNetworkBuilder } from './mount.ts';
import { sampleNetwork } from './shape.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const root = () => document.querySelector('[data-widget="network-builder"]') as HTMLElement;
const click = (selector: string) => (root().querySelector(selector) as HTMLButtonElement).click();
const shown = (attribute: string) =>
  (root().querySelector(`[${attribute}]`) as HTMLElement).getAttribute(attribute);

describe('network-builder widget in Chromium', () => {
  it('shows the diagram, parameter count, bound and exact 1-D regions of the default 1-4-4-4-1 network', async () => {
    const handle = mountNetworkBuilder(host());
    const state = await nextDraw(handle.subscribe);
    // (1 + 1) 4 + (4 + 1) 4 + (4 + 1) 4 + (4 + 1) 1 weights and biases.
    expect(Number(shown('data-parameters'))).toBe(2 * 4 + 5 * 4 + 5 * 4 + 5 * 1);
    // One input, K = 3 layers of D = 4: (D + 1)^K.
    expect(shown('data-bound')).toBe(String(5 ** 3));
    expect(shown('data-bound-kind')).toBe('exact');
    expect(root().textContent).toContain('% of the exact maximum');
    expect(root().querySelectorAll('.dn-diagram .dn-edge')).toHaveLength(4 + 16 + 16 + 4);
    expect(root().querySelectorAll('.dn-diagram .dn-node')).toHaveLength(1 + 12 + 1);
    const expected = bruteForceRegions1d(sampleNetwork(1, [4, 4, 4], 1), [-1, 1]).linear;
    expect(shownRegions(root())).toBe(expected);
    expect(state.linearRegions).toBe(expected);
    console.log(`network-builder: first draw ${state.ms.toFixed(2)} ms`);
    handle.destroy();
  });

  it('writes the lecture symbols as the reader sees them (Dᵢ, Dₖ), never raw D_i or D_k', async () => {
    const handle = mountNetworkBuilder(host());
    await nextDraw(handle.subscribe);
    expect(root().textContent).not.toMatch(/D_[a-z]/);
    expect(root().querySelector('legend')?.textContent).toContain('Dᵢ');
    expect(root().textContent).toContain('Dᵢ = 1');
    handle.destroy();
  });

  it('says what each bound is for two inputs, 4-4: eq. 4.17 = 99, proven upper bound 121, no percentage', async () => {
    const handle = mountNetworkBuilder(host(), { inputs: 2, widths: [4, 4] });
    await nextDraw(handle.subscribe);
    // (4/2 + 1)^(2 (K - 1)) (C(4,0) + C(4,1) + C(4,2)) and Serra et al.'s sum over (j_1, j_2).
    expect(shown('data-eq417')).toBe(String(9 * (1 + 4 + 6)));
    expect(shown('data-eq417-status')).toBe('not-known-reached');
    // Serra: sum_{j1 <= 2} C(4, j1) * sum_{j2 <= min(2, 4 - j1)} C(4, j2) = 11 * 11.
    expect(shown('data-bound')).toBe(String((1 + 4 + 6) * (1 + 4 + 6)));
    expect(shown('data-bound-kind')).toBe('upper-bound');
    const text = root().textContent ?? '';
    expect(text).toContain('proven upper bound');
    expect(text).not.toContain('%');
    expect(text).not.toMatch(/at most 99/i);
    handle.destroy();
  });

  it('adds and removes layers and units with buttons and keys', async () => {
    const handle = mountNetworkBuilder(host());
    await nextDraw(handle.subscribe);
    let pending = nextDraw(handle.subscribe);
    click('[data-action="add-layer"]');
    expect((await pending).widths).toEqual([4, 4, 4, 4]);
    pending = nextDraw(handle.subscribe);
    click('[data-action="unit-plus"]');
    let state = await pending;
    expect(state.widths).toEqual([5, 4, 4, 4]);
    // One input, widths 5, 4, 4, 4: the zig-zags compose to (5 + 1) 5^3 regions, the exact maximum.
    expect(shown('data-bound-kind')).toBe('exact');
    expect(shown('data-bound')).toBe(String(6 * 5 ** 3));
    const diagram = root().querySelector('.dn-diagram') as SVGSVGElement;
    diagram.focus();
    const times: number[] = [];
    for (const key of ['{ArrowRight}', '{ArrowUp}', '{ArrowUp}', '-']) {
      if (key === '{ArrowRight}') {
        await userEvent.keyboard(key);
        continue;
      }
      pending = nextDraw(handle.subscribe);
      await userEvent.keyboard(key);
      state = await pending;
      times.push(state.ms);
    }
    // ArrowRight selected layer 2, which grew by 2 and was then removed.
    expect(state.widths).toEqual([5, 4, 4]);
    expect(shownRegions(root())).toBe(bruteForceRegions1d(sampleNetwork(1, [5, 4, 4], 1), [-1, 1]).linear);
    console.log(`network-builder: key -> redraw ${times.map((t) => t.toFixed(2)).join(', ')} ms`);
    handle.destroy();
  });

  it('draws exact 2-D regions, new samples, and caps sizes with a notice', async () => {
    const handle = mountNetworkBuilder(host(), { widths: [3, 3] });
    await nextDraw(handle.subscribe);
    let pending = nextDraw(handle.subscribe);
    (root().querySelector('input[data-inputs="2"]') as HTMLInputElement).click();
    let state = await pending;
    const box = [-1, 1, -1, 1] as const;
    expect(shownRegions(root())).toBe(bruteForceRegions2d(sampleNetwork(2, [3, 3], 1), box).linear);
    expect(root().querySelectorAll('polygon[data-role="region"]').length).toBeGreaterThanOrEqual(
      state.linearRegions!,
    );
    pending = nextDraw(handle.subscribe);
    click('[data-action="sample"]');
    state = await pending;
    expect(state.seed).toBe(2);
    expect(shownRegions(root())).toBe(bruteForceRegions2d(sampleNetwork(2, [3, 3], 2), box).linear);
    const width = root().querySelector('input[data-layer-width="1"]') as HTMLInputElement;
    width.value = '99';
    pending = nextDraw(handle.subscribe);
    width.dispatchEvent(new Event('change'));
    state = await pending;
    expect(state.widths[0]).toBe(16);
    const notice = root().querySelector('[data-role="limit"]') as HTMLElement;
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toContain('16 units');
    pending = nextDraw(handle.subscribe);
    handle.update({ widths: [16, 16, 16, 16] });
    state = await pending;
    expect(state.linearRegions).toBeUndefined();
    expect(root().querySelector('[data-regions]')).toBeNull();
    expect(root().textContent).toContain('limited to 48 hidden units');
    handle.destroy();
  });

  it('uses an injected regions1d for networks above localUpTo and falls back to the local call when it fails', async () => {
    const calls: number[] = [];
    const handle = mountNetworkBuilder(host(), {
      localUpTo: 0,
      regions1d: async (net, o) => {
        calls.push(1);
        return regions1d(net, o);
      },
    });
    await nextDraw(handle.subscribe);
    expect(calls).toHaveLength(1);
    handle.destroy();
    const failing = mountNetworkBuilder(host(), {
      localUpTo: 0,
      regions1d: () => Promise.reject(new Error('no such worker method')),
    });
    const state = await nextDraw(failing.subscribe);
    expect(state.linearRegions).toBe(bruteForceRegions1d(sampleNetwork(1, [4, 4, 4], 1), [-1, 1]).linear);
    failing.destroy();
  });

  it('logs recompute-and-redraw times for the largest shapes it allows', async () => {
    const handle = mountNetworkBuilder(host());
    await nextDraw(handle.subscribe);
    const cases: [1 | 2, number[]][] = [
      [1, [16, 16, 16, 16, 16, 16, 16, 16]],
      [2, [16, 16, 16]],
      [2, [8, 8, 8, 8, 8, 8]],
    ];
    for (const [inputs, widths] of cases) {
      const pending = nextDraw(handle.subscribe);
      handle.update({ inputs, widths });
      const state = await pending;
      expect(state.linearRegions).toBeGreaterThan(0);
      console.log(
        `network-builder: D_i=${inputs} widths ${widths.join('-')}: ${state.linearRegions} regions, ${state.ms.toFixed(1)} ms`,
      );
    }
    handle.destroy();
  });

  it('restores the shape from the URL, ignores bad values, and cleans up', async () => {
    setSearch('?nb.inputs=2&nb.D1=3&nb.D2=5&nb.seed=4&nb.D3=abc&nb.x=<b>');
    const element = host();
    const handle = mountNetworkBuilder(element, { urlPrefix: 'nb' });
    const state = await nextDraw(handle.subscribe);
    expect(state).toMatchObject({ inputs: 2, widths: [3, 5], seed: 4 });
    const notices = root().querySelector('.dn-toolbar .dn-notice')?.textContent ?? '';
    expect(notices).toContain('nb.D3');
    expect(notices).toContain('nb.x');
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });
});
