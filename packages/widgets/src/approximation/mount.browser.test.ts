import { evaluate, type Network } from '@deepnets/core';
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { host, setSearch, until } from '../kit/test-helpers.ts';
import { type ApproximationState, mountApproximation } from './mount.ts';

let runner: Runner;
beforeAll(async () => {
  runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
});
afterAll(async () => {
  await runner.terminate();
});
afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

/** Regions of a shallow ReLU network on (lo, hi): one more than its distinct joints -b_i / w_i. */
function shallowRegions(net: Network, [lo, hi]: [number, number]): number {
  const [first, last] = net.layers as [Network['layers'][0], Network['layers'][0]];
  const joints = first.biases
    .map((b, i) => ({ w: first.weights[i]?.[0] as number, b, out: last.weights[0]?.[i] as number }))
    .filter((u) => u.w !== 0 && u.out !== 0)
    .map((u) => -u.b / u.w)
    .filter((x) => x > lo && x < hi)
    .sort((a, b) => a - b);
  return 1 + joints.filter((x, i) => i === 0 || x - (joints[i - 1] as number) > 1e-9).length;
}
const mse = (net: Network, f: (x: number) => number) => {
  let sum = 0;
  for (let i = 0; i < 96; i++) {
    const x = -1 + (2 * i) / 95;
    sum += ((evaluate(net, [x])[0] as number) - f(x)) ** 2;
  }
  return sum / 96;
};
const widget = () => document.querySelector('[data-widget="approximation"]') as HTMLElement;
/** The budget these tests were written for: sin(pi x), deep 3 x 4 against shallow 17 units. */
const quick = { epochs: 800, seeds: [1], target: 'sin', layers: 3, width: 4 };

describe('approximation widget in Chromium (training in a worker)', { timeout: 60_000 }, () => {
  it('trains a shallow and a deep network of the same budget on sin(pi x) and counts their regions', async () => {
    const handle = mountApproximation(host(), {
      ...quick,
      train: (o) => runner.api.train(o),
      regions1d: (n, o) => runner.api.regions1d(n, o),
    });
    const state = await until(handle.subscribe, (s) => Boolean(s.deep && s.identity.widths.length));
    const shallow = state.shallow as NonNullable<ApproximationState['shallow']>;
    const deep = state.deep as NonNullable<ApproximationState['deep']>;
    // Budget: deep 1-4-4-4-1 has 2*4 + 2*(5*4) + 5 = 53 parameters; shallow 3D + 1 closest: D = 17, 52.
    expect(deep.parameters).toBe(2 * 4 + 2 * 5 * 4 + 5);
    expect(shallow.widths).toEqual([1, 17, 1]);
    const sin = (x: number) => Math.sin(Math.PI * x);
    expect(shallow.loss).toBeCloseTo(mse(shallow.network, sin), 12);
    expect(deep.loss).toBeCloseTo(mse(deep.network, sin), 12);
    expect(shallow.loss).toBeLessThan(0.05);
    expect(deep.loss).toBeLessThan(0.1);
    const shown = [...widget().querySelectorAll('tr[data-network] [data-regions]')].map((e) =>
      Number((e as HTMLElement).dataset.regions),
    );
    expect(shown[0]).toBe(shallowRegions(shallow.network, [-1, 1]));
    expect(shown[1]).toBe(deep.regions);
    handle.destroy();
  });

  it('checks the identity construction and follows the target', async () => {
    const handle = mountApproximation(host(), { ...quick, train: (o) => runner.api.train(o) });
    const first = await until(handle.subscribe, (s) => s.identity.widths.length > 0);
    expect(first.identity.regions).toBe(first.identity.baseRegions);
    (widget().querySelector('[data-action="add-identity"]') as HTMLButtonElement).click();
    const deeper = await until(handle.subscribe, (s) => s.identity.extra === 2);
    expect(deeper.identity.widths).toEqual([1, 17, 2, 2, 1]);
    const base = deeper.shallow?.network as Network;
    // Independently: ReLU[y] - ReLU[-y] = y, twice.
    for (const x of [-0.9, -0.3, 0.1, 0.77]) {
      const y = evaluate(base, [x])[0] as number;
      expect(
        Math.max(0, Math.max(0, y) - Math.max(0, -y)) - Math.max(0, -(Math.max(0, y) - Math.max(0, -y))),
      ).toBeCloseTo(y, 12);
    }
    expect(deeper.identity.maxDifference).toBeLessThan(1e-12);
    expect(
      Number(widget().querySelector('[data-role="identity-regions"]')?.getAttribute('data-regions')),
    ).toBe(shallowRegions(base, [-1, 1]));
    const select = widget().querySelector('select[data-param="t"]') as HTMLSelectElement;
    select.value = 'abs';
    select.dispatchEvent(new Event('change'));
    const abs = await until(handle.subscribe, (s) => s.target === 'abs' && Boolean(s.deep));
    expect(abs.shallow?.loss).toBeCloseTo(mse(abs.shallow?.network as Network, Math.abs), 12);
    handle.destroy();
  });

  it('trains every budget on request and draws the error against parameters', async () => {
    const handle = mountApproximation(host(), {
      epochs: 300,
      seeds: [1],
      layers: 3,
      train: (o) => runner.api.train(o),
    });
    await until(handle.subscribe, (s) => Boolean(s.deep));
    (widget().querySelector('[data-action="sweep"]') as HTMLButtonElement).click();
    const state = await until(handle.subscribe, (s) => s.sweep.length === 7);
    expect(state.sweep.map((p) => p.deepParameters)).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((w) => 2 * w + 2 * (w * w + w) + w + 1),
    );
    for (const p of state.sweep)
      expect(Math.abs(p.shallowParameters - p.deepParameters)).toBeLessThanOrEqual(1);
    expect(widget().querySelectorAll('[data-role="sweep-shallow"], [data-role="sweep-deep"]')).toHaveLength(
      2,
    );
    handle.destroy();
  });

  it('reads the URL, says so without a trainer, and cleans up', () => {
    setSearch('?ap.t=abs&ap.w=3&ap.k=9');
    const element = host();
    const handle = mountApproximation(element, { urlPrefix: 'ap' });
    expect((element.querySelector('select[data-param="t"]') as HTMLSelectElement).value).toBe('abs');
    expect(element.querySelector('[data-role="status"]')?.textContent).toContain('No trainer');
    expect(element.querySelector('.dn-notice')?.textContent).toContain('ap.k=9');
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });

  it('with its defaults shows depth winning on the sawtooth (lecture 5.3), and says why random starts miss it', async () => {
    const handle = mountApproximation(host(), {
      train: (o) => runner.api.train(o),
      regions1d: (n, o) => runner.api.regions1d(n, o),
    });
    const state = await until(handle.subscribe, (s) =>
      Boolean(s.deepNearConstruction && s.identity.widths.length),
    );
    const { shallow, deep, deepNearConstruction: near } = state as Required<ApproximationState>;
    expect(state.target).toBe('sawtooth');
    // 19 parameters each: 1-2-2-2-1 deep, 1-6-1 shallow.
    expect(deep.widths).toEqual([1, 2, 2, 2, 1]);
    expect(shallow.widths).toEqual([1, 6, 1]);
    expect([deep.parameters, shallow.parameters]).toEqual([19, 19]);
    const tooth = (x: number) => {
      const u = 2 * x - Math.floor(2 * x);
      return 1 - Math.abs(2 * u - 1);
    };
    // Errors recomputed here from the networks, independently of the widget's numbers.
    const [s, d, n] = [shallow, deep, near].map((f) => mse(f.network, tooth)) as [number, number, number];
    expect(n).toBeCloseTo(near.loss, 12);
    // Six units make at most 7 pieces; the sawtooth has 8: the shallow fit cannot be exact.
    expect(shallowRegions(shallow.network, [-1, 1])).toBeLessThanOrEqual(7);
    expect(s).toBeGreaterThan(1e-2);
    expect(n).toBeLessThan(s / 100);
    expect(d).toBeGreaterThan(n);
    const rows = [...widget().querySelectorAll('tr[data-network]')].map(
      (r) => (r as HTMLElement).dataset.network,
    );
    expect(rows).toEqual(['shallow', 'deep', 'deep-construction']);
    const status = widget().querySelector('[data-role="status"]')?.textContent ?? '';
    expect(status).toContain('Depth wins here');
    expect(status).toContain(near.loss.toExponential(1));
    expect(status).toContain('gradient descent misses');
    handle.destroy();
  });

  it('disables "Remove one" at 0 identity layers and says "the shallow fit alone"', async () => {
    const handle = mountApproximation(host(), { ...quick, train: (o) => runner.api.train(o) });
    await until(handle.subscribe, (s) => s.identity.widths.length > 0);
    const remove = widget().querySelector('[data-action="remove-identity"]') as HTMLButtonElement;
    expect(remove.disabled).toBe(false);
    remove.click();
    await until(handle.subscribe, (s) => s.identity.extra === 0);
    expect(remove.disabled).toBe(true);
    const text = widget().querySelector('[data-role="identity"] p')?.textContent ?? '';
    expect(text).toContain('The shallow fit alone');
    expect(text).not.toMatch(/\b0 identity layers/);
    handle.destroy();
  });
});
