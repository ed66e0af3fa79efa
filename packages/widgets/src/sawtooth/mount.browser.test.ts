import { evaluate } from '@deepnets/core';
import { sawtoothNetwork } from '@deepnets/regions';
import { afterEach, describe, expect, it } from 'vitest';
import { host, moveSlider, nextDraw, setSearch } from '../kit/test-helpers.ts';
import { mountSawtooth } from './mount.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const counts = (root: ParentNode) =>
  Object.fromEntries(
    [...root.querySelectorAll('tr[data-network]')].map((row) => [
      (row as HTMLElement).dataset.network,
      Number(row.querySelector('[data-regions]')?.getAttribute('data-regions')),
    ]),
  );
/** Pieces of f on [0, 1] from a grid: a new piece wherever the slope between neighbours changes. */
function sampledPieces(f: (x: number) => number, samples: number): number {
  let pieces = 1;
  let previous: number | undefined;
  for (let i = 0; i < samples; i++) {
    const a = i / samples;
    const b = (i + 1) / samples;
    const slope = (f(b) - f(a)) / (b - a);
    if (previous !== undefined && Math.abs(slope - previous) > 1e-6 * (1 + Math.abs(slope))) pieces++;
    previous = slope;
  }
  return pieces;
}
const params = (w: number[]) => w.slice(1).reduce((s, out, i) => s + out * ((w[i] as number) + 1), 0);

describe('sawtooth widget in Chromium', () => {
  it('shows 2^K regions for the deep and the shallow network, checked by brute force', async () => {
    const element = host();
    const handle = mountSawtooth(element);
    const state = await nextDraw(handle.subscribe);
    const net = sawtoothNetwork({ layers: 3, width: 2 });
    const brute = sampledPieces((x) => evaluate(net, [x])[0] as number, 1024);
    expect(brute).toBe(2 ** 3);
    expect(counts(element)).toEqual({ deep: brute, shallow: brute });
    expect(state.shallow.units).toBe(2 ** 3);
    expect(state.deep.parameters).toBe(params([1, 2, 2, 2, 1]));
    expect(state.shallow.parameters).toBe(params([1, 8, 1]));
    expect(state.maxDifference).toBeLessThan(1e-9);
    handle.destroy();
  });

  it('follows K: 10 layers of 2 units against 1,024 shallow units', async () => {
    const element = host();
    const handle = mountSawtooth(element);
    await nextDraw(handle.subscribe);
    const next = nextDraw(handle.subscribe);
    moveSlider(element, 'k', 10);
    const state = await next;
    expect(counts(element)).toEqual({ deep: 2 ** 10, shallow: 2 ** 10 });
    expect(state.deep.units).toBe(20);
    expect(state.shallow.units).toBe(2 ** 10);
    expect(state.maxDifference).toBeLessThan(1e-9);
    handle.destroy();
  });

  it('reads K from the URL and cleans up', async () => {
    setSearch('?st.k=5');
    const element = host();
    const handle = mountSawtooth(element, { urlPrefix: 'st' });
    const state = await nextDraw(handle.subscribe);
    expect(state.deep.regions).toBe(32);
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });
});
