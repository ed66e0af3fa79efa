/**
 * The URL is written at most every URL_WRITE_INTERVAL_MS (issue 19): a fast drag fires an input
 * every 16 ms, and Chromium complains about more than ~100 `history.replaceState` calls in 10 s.
 * The first change writes at once, the last one lands at the latest one interval later, and
 * `flushUrlState` (Copy link, leaving the page, tests) writes it at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountShallowNetwork } from '../shallow-network/mount.ts';
import { host, moveSlider, setSearch, urlSearch } from './test-helpers.ts';
import { flushUrlState, replaceUrlState, URL_WRITE_INTERVAL_MS } from './url-state.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const original = window.history.replaceState;
let calls = 0;

beforeEach(() => {
  setSearch('');
  calls = 0;
  window.history.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
    calls++;
    return original.apply(this, args);
  };
});

afterEach(() => {
  flushUrlState();
  window.history.replaceState = original;
  document.body.replaceChildren();
});

/** Moves the slider `key` through `values`, one input per animation-frame-like 16 ms. */
async function drag(root: HTMLElement, key: string, values: number[]): Promise<void> {
  for (const v of values) {
    moveSlider(root, key, v);
    await wait(16);
  }
}

describe('URL state writes during a drag', () => {
  it('a 60-input drag over about a second writes the URL a handful of times, and the last value lands by itself', async () => {
    const element = host();
    const handle = mountShallowNetwork(element, { urlPrefix: 'sn' });
    await wait(URL_WRITE_INTERVAL_MS + 50);
    calls = 0;
    // on the slider's 0.01 grid, so the value the slider holds is the value sent
    const values = Array.from({ length: 60 }, (_, i) => Number((-1 + i * 0.02).toFixed(2)));
    const start = performance.now();
    await drag(element, 'theta.1.0', values);
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `URL state: ${values.length} inputs in ${seconds.toFixed(2)} s -> ${calls} replaceState calls`,
    );
    // one leading write plus at most one per interval (and one trailing)
    expect(calls).toBeLessThanOrEqual(Math.ceil((seconds * 1000) / URL_WRITE_INTERVAL_MS) + 2);
    expect(calls).toBeLessThan(values.length / 4);
    await wait(URL_WRITE_INTERVAL_MS + 50);
    expect(new URLSearchParams(window.location.search).get('sn.theta.1.0')).toBe(String(values.at(-1)));
    handle.destroy();
  });

  it('flushUrlState writes the latest state at once, for every widget prefix, in one call', async () => {
    replaceUrlState('a', { x: 1 });
    replaceUrlState('a', { x: 2 });
    replaceUrlState('b', { y: 'z' });
    const before = calls;
    const search = new URLSearchParams(urlSearch());
    expect([search.get('a.x'), search.get('b.y')]).toEqual(['2', 'z']);
    expect(calls - before).toBeLessThanOrEqual(1);
    flushUrlState();
    expect(calls - before).toBeLessThanOrEqual(1);
  });

  it('Copy link copies the state of the last input, not the last write', async () => {
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: async (t: string) => void (copied = t) }),
    });
    const element = host();
    const handle = mountShallowNetwork(element, { urlPrefix: 'sn' });
    await drag(element, 'theta.2.0', [0.1, 0.2, 0.3, 0.45]);
    const copy = [...element.querySelectorAll('button')].find((b) => b.textContent === 'Copy link');
    copy?.click();
    await wait(20);
    expect(new URL(copied).searchParams.get('sn.theta.2.0')).toBe('0.45');
    expect(copy?.textContent).toBe('Copied');
    Reflect.deleteProperty(navigator, 'clipboard');
    handle.destroy();
  });

  it('leaving the page (pagehide) writes what is pending', () => {
    replaceUrlState('c', { n: 1 });
    replaceUrlState('c', { n: 7 });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(new URLSearchParams(window.location.search).get('c.n')).toBe('7');
  });
});
