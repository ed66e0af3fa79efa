import { evaluate } from '@deepnets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { bruteForceRegions1d } from '../kit/brute-force-regions.ts';
import { exportedNetwork } from '../kit/network-file-test-helpers.ts';
import { polylineAt } from '../kit/polyline-at.ts';
import { host, nextDraw, setSearch, shownRegions } from '../kit/test-helpers.ts';
import { mountTwoOutputs } from './mount.ts';
import { DEFAULT_TWO_OUTPUTS, twoOutputNetwork } from './params.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const root = () => document.querySelector('[data-widget="two-outputs"]') as HTMLElement;
const jointXs = (output: number) =>
  [...root().querySelectorAll<SVGElement>(`[data-role="joint"][data-output="${output}"]`)].map((e) =>
    Number(e.dataset.x),
  );

describe('two-outputs widget in Chromium', () => {
  it('draws both outputs with the same four joints and counts regions exactly', async () => {
    const handle = mountTwoOutputs(host());
    const state = await nextDraw(handle.subscribe);
    expect(jointXs(1)).toHaveLength(4);
    expect(jointXs(1)).toEqual(jointXs(2));
    // Joints at -theta_d0 / theta_d1, computed here from the parameters.
    const expected = [1, 2, 3, 4]
      .map((d) => -DEFAULT_TWO_OUTPUTS[`theta.${d}.0`]! / DEFAULT_TWO_OUTPUTS[`theta.${d}.1`]!)
      .sort((a, b) => a - b);
    for (const [n, x] of jointXs(1).entries()) expect(x).toBeCloseTo(expected[n]!, 12);
    expect(shownRegions(root())).toBe(
      bruteForceRegions1d(twoOutputNetwork(DEFAULT_TWO_OUTPUTS), [0, 1]).linear,
    );
    const alone = [1, 2].map(
      (o) => bruteForceRegions1d(twoOutputNetwork(DEFAULT_TWO_OUTPUTS, o as 1 | 2), [0, 1]).linear,
    );
    expect(state.perOutput).toEqual(alone);
    console.log(`two-outputs: first draw ${state.ms.toFixed(2)} ms`);
    handle.destroy();
  });

  it('moves a joint on both curves when a hidden unit slider is keyed', async () => {
    const handle = mountTwoOutputs(host());
    await nextDraw(handle.subscribe);
    const input = root().querySelector('input[data-param="theta.1.0"]') as HTMLInputElement;
    input.focus();
    const times: number[] = [];
    for (let n = 0; n < 5; n++) {
      const pending = nextDraw(handle.subscribe);
      await userEvent.keyboard('{ArrowLeft}');
      times.push((await pending).ms);
    }
    console.log(`two-outputs: key -> redraw ${times.map((t) => t.toFixed(2)).join(', ')} ms`);
    // theta_10 = -0.2 - 0.05: h_1's joint moves from 0.2 to 0.25 on both outputs.
    const moved = (o: number) =>
      Number(
        (root().querySelector(`[data-role="joint"][data-output="${o}"][data-unit="1"]`) as SVGElement).dataset
          .x,
      );
    expect(moved(1)).toBeCloseTo(0.25, 10);
    expect(moved(2)).toBeCloseTo(0.25, 10);
    handle.destroy();
  });

  it('restores from the URL and cleans up on destroy', async () => {
    setSearch('?to.phi.2.0=1.5&to.phi.2.1=abc');
    const element = host();
    const handle = mountTwoOutputs(element, { urlPrefix: 'to' });
    const state = await nextDraw(handle.subscribe);
    expect(state.params['phi.2.0']).toBe(1.5);
    expect(root().querySelector('.dn-notice')?.textContent).toContain('to.phi.2.1');
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });

  it('drops the dot on y₂ at x = 0.2 once phi_21 = 0 makes y₂ straight there (y₁ keeps it)', async () => {
    const handle = mountTwoOutputs(host());
    await nextDraw(handle.subscribe);
    const input = root().querySelector('input[data-param="phi.2.1"]') as HTMLInputElement;
    input.value = '0';
    const pending = nextDraw(handle.subscribe);
    input.dispatchEvent(new Event('input'));
    const state = await pending;
    const ys = state.ys[1];
    // Independently: y₂'s slope just left and right of x = 0.2 is the same.
    const i = state.xs.findIndex((x) => Math.abs(x - 0.2) < 1e-12);
    expect(i).toBeGreaterThan(0);
    const left = (ys[i]! - ys[i - 1]!) / (state.xs[i]! - state.xs[i - 1]!);
    const right = (ys[i + 1]! - ys[i]!) / (state.xs[i + 1]! - state.xs[i]!);
    expect(left).toBeCloseTo(right, 9);
    expect(jointXs(2).some((x) => Math.abs(x - 0.2) < 1e-12)).toBe(false);
    expect(jointXs(1).some((x) => Math.abs(x - 0.2) < 1e-12)).toBe(true);
    expect(jointXs(2)).toHaveLength(3);
    handle.destroy();
  });

  it('exports the 1-4-2 network as a deepnets.network/v1 file that evaluates to both drawn curves', async () => {
    const handle = mountTwoOutputs(host());
    await nextDraw(handle.subscribe);
    const input = root().querySelector('input[data-param="phi.1.3"]') as HTMLInputElement;
    input.value = '-0.7';
    const pending = nextDraw(handle.subscribe);
    input.dispatchEvent(new Event('input'));
    const state = await pending;
    const file = await exportedNetwork(root());
    expect(file.fileName).toBe('two-outputs-network.json');
    expect(JSON.parse(file.text).format).toBe('deepnets.network/v1');
    expect(file.network.layers.map((l) => l.weights.length)).toEqual([4, 2]);
    expect(file.network.layers[1]?.weights[0]?.[2]).toBe(-0.7);
    for (const x of [0.05, 0.3, 0.5, 0.71, 0.98]) {
      const [y1, y2] = evaluate(file.network, [x]);
      expect(y1).toBeCloseTo(polylineAt(state.xs, state.ys[0], x), 10);
      expect(y2).toBeCloseTo(polylineAt(state.xs, state.ys[1], x), 10);
    }
    handle.destroy();
  });
});
