import { evaluateBatch, type Network, networkToJson } from '@deepnets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportedNetwork, pickNetworkFile } from '../kit/network-file-test-helpers.ts';
import { mountShallowNetwork, NOTEBOOK_NETWORK_1 } from './mount.ts';

const host = () => document.body.appendChild(document.createElement('div'));
const nextDraw = <T>(subscribe: (l: (s: T) => void) => () => void) =>
  new Promise<T>((resolve) => {
    const off = subscribe((state) => {
      off();
      resolve(state);
    });
  });

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('shallow-network widget in Chromium', () => {
  it('draws the curve and marks the three joints of network 1', async () => {
    const handle = mountShallowNetwork(host());
    const state = await nextDraw(handle.subscribe);
    const root = document.querySelector('[data-widget="shallow-network"]') as HTMLElement;
    expect(root.dataset.joints).toBe('3');
    expect(root.querySelectorAll('[data-role="joint"]')).toHaveLength(3);
    expect(root.querySelector('[data-role="curve"]')?.getAttribute('d')?.length).toBeGreaterThan(100);
    expect(state.xs.length).toBe(204);
    handle.destroy();
  });

  it('recomputes when a slider moves, and the new curve is the new network', async () => {
    const handle = mountShallowNetwork(host(), NOTEBOOK_NETWORK_1);
    await nextDraw(handle.subscribe);
    const slider = document.querySelector('input[data-param="phi.0"]') as HTMLInputElement;
    slider.value = '2';
    const pending = nextDraw(handle.subscribe);
    slider.dispatchEvent(new Event('input'));
    const state = await pending;
    expect(state.phi[0]).toBe(2);
    const reference: Network = {
      activation: 'relu',
      layers: [
        { weights: [[-1], [1], [1]], biases: [0, 0, -0.67] },
        { weights: [[-2, -3, 9.3]], biases: [2] },
      ],
    };
    expect(Array.from(state.ys)).toEqual(Array.from(evaluateBatch(reference, state.xs, state.xs.length)));
    handle.destroy();
  });

  it('draws only the newest answer when evaluations finish out of order', async () => {
    const resolvers: (() => void)[] = [];
    const handle = mountShallowNetwork(host(), {
      evaluate: (net, xs, n) =>
        new Promise((resolve) => resolvers.push(() => resolve(evaluateBatch(net, xs, n)))),
    });
    handle.update({ phi: [5, 0, 0, 0] });
    const drawn = nextDraw(handle.subscribe);
    resolvers[1]?.();
    resolvers[0]?.();
    expect((await drawn).phi[0]).toBe(5);
    await new Promise((r) => setTimeout(r, 20));
    expect(document.querySelector<HTMLInputElement>('input[data-param="phi.0"]')?.value).toBe('5');
    handle.destroy();
  });

  it('opens on four visible linear pieces: three joints strictly inside [0, 1], slopes all different', async () => {
    const handle = mountShallowNetwork(host());
    const state = await nextDraw(handle.subscribe);
    const joints = state.joints.map((j) => j.x).sort((a, b) => a - b);
    expect(joints).toHaveLength(3);
    // Pieces at least 0.15 wide, so each is visible.
    const cuts = [0, ...joints, 1];
    for (let i = 1; i < cuts.length; i++) expect(cuts[i]! - cuts[i - 1]!).toBeGreaterThan(0.15);
    // Slopes by finite differences of the network itself (core's evaluate), one per piece.
    const net = {
      activation: 'relu',
      layers: [
        { weights: state.theta.map(([, w]) => [w as number]), biases: state.theta.map(([b]) => b as number) },
        { weights: [state.phi.slice(1)], biases: [state.phi[0] as number] },
      ],
    } satisfies Network;
    const f = (x: number) => evaluateBatch(net, Float64Array.of(x), 1)[0] as number;
    const slopes = cuts.slice(1).map((hi, i) => {
      const mid = (cuts[i]! + hi) / 2;
      return Math.round((f(mid + 1e-4) - f(mid - 1e-4)) / 2e-4);
    });
    expect(new Set(slopes).size).toBe(4);
    for (let i = 1; i < slopes.length; i++) expect(slopes[i]).not.toBe(slopes[i - 1]);
    handle.destroy();
  });

  it('exports the network it draws: the file evaluates to the drawn curve bit for bit', async () => {
    const handle = mountShallowNetwork(host());
    const state = await nextDraw(handle.subscribe);
    const root = document.querySelector('[data-widget="shallow-network"]') as HTMLElement;
    const file = (await exportedNetwork(root)).network;
    const ys = evaluateBatch(file, state.xs, state.xs.length);
    expect(Array.from(ys).every((y, i) => Object.is(y, state.ys[i]))).toBe(true);
    // And the parameters are the sliders': phi_0 is the output bias.
    expect(file.layers[1]?.biases[0]).toBe(state.phi[0]);
    handle.destroy();
  });

  it("opens a 1-3-1 network file into the sliders, and shows a wrong one's error instead", async () => {
    const handle = mountShallowNetwork(host());
    await nextDraw(handle.subscribe);
    const root = document.querySelector('[data-widget="shallow-network"]') as HTMLElement;
    const net: Network = {
      activation: 'relu',
      layers: [
        { weights: [[-1], [1], [1]], biases: [0, 0, -0.67] },
        { weights: [[-2, -3, 9.3]], biases: [1] },
      ],
    };
    const drawn = nextDraw(handle.subscribe);
    pickNetworkFile(root, 'notebook.json', networkToJson(net));
    const state = await drawn;
    expect(state.theta).toEqual(NOTEBOOK_NETWORK_1.theta);
    expect(state.phi).toEqual(NOTEBOOK_NETWORK_1.phi);
    expect(root.querySelector<HTMLInputElement>('input[data-param="phi.3"]')?.value).toBe('9.3');
    // Two inputs: a valid file, but not a network this widget can show.
    const wide = {
      ...net,
      layers: [
        {
          weights: [
            [1, 2],
            [0, 1],
            [1, 1],
          ],
          biases: [0, 0, 0],
        },
        net.layers[1],
      ],
    };
    pickNetworkFile(root, 'wide.json', networkToJson(wide as Network));
    const error = root.querySelector('[data-role="network-file-error"]') as HTMLElement;
    await vi.waitFor(() => expect(error.hidden).toBe(false));
    expect(error.dataset.code).toBe('INVALID_NETWORK');
    expect(error.textContent).toContain('1-3-1');
    expect(root.querySelector<HTMLInputElement>('input[data-param="phi.3"]')?.value).toBe('9.3');
    handle.destroy();
  });

  it('removes everything on destroy', async () => {
    const element = host();
    const handle = mountShallowNetwork(element);
    await nextDraw(handle.subscribe);
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });
});
