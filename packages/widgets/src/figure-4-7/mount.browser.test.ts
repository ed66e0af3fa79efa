import { maxRegionsNetwork } from '@deepnets/regions';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { bruteForceRegions1d } from '../kit/brute-force-regions.ts';
import { exportedNetwork, networkNumbers, sameBits } from '../kit/network-file-test-helpers.ts';
import { host, nextDraw, setSearch } from '../kit/test-helpers.ts';
import { mountFigure47 } from './mount.ts';
import '../../test/cli-command.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

/** Parameters of D_i-[D x K]-1, counted here from the widths. */
const params = (di: number, k: number, d: number) => {
  const w = [di, ...Array(k).fill(d), 1];
  return w.slice(1).reduce((s, out, i) => s + out * (w[i] + 1), 0);
};
/** eq. 4.17 written out: (D/D_i + 1)^(D_i (K-1)) * sum_{j <= D_i} C(D, j). */
const bound = (di: number, k: number, d: number) => {
  let sum = 0n;
  let c = 1n;
  for (let j = 0; j <= di; j++) {
    if (j > 0) c = (c * BigInt(d - j + 1)) / BigInt(j);
    if (j <= d) sum += c;
  }
  return BigInt(Math.floor(d / di) + 1) ** BigInt(di * (k - 1)) * sum;
};

/** Serra et al.'s upper bound by brute force over the tuples (j_1..j_K), j_l <= min(D_i, D_1 - j_1, ...). */
const serra = (di: number, widths: number[]): bigint => {
  const choose = (n: number, k: number) => {
    let c = 1n;
    for (let j = 1; j <= k; j++) c = (c * BigInt(n - j + 1)) / BigInt(j);
    return c;
  };
  const walk = (l: number, cap: number): bigint => {
    if (l === widths.length) return 1n;
    let total = 0n;
    for (let j = 0; j <= cap; j++)
      total += choose(widths[l] as number, j) * walk(l + 1, Math.min(cap, (widths[l] as number) - j));
    return total;
  };
  return walk(0, di);
};

describe('figure-4-7 widget in Chromium', () => {
  it('draws both panels with five curves and marks the slide point (471 parameters, 161,051 regions)', () => {
    const handle = mountFigure47(host());
    const root = document.querySelector('[data-widget="figure-4-7"]') as HTMLElement;
    expect(root.querySelectorAll('svg.dn-plot')).toHaveLength(2);
    expect(root.querySelectorAll('path[data-layers]')).toHaveLength(10);
    expect(Number(root.querySelector('[data-parameters]')?.getAttribute('data-parameters'))).toBe(
      params(1, 5, 10),
    );
    expect(root.querySelector('[data-bound]')?.getAttribute('data-bound')).toBe(String(11n ** 5n));
    expect(root.textContent).toContain('161,501');
    expect(root.querySelectorAll('[data-role="highlight"]')).toHaveLength(2);
    handle.destroy();
  });

  it('marks panel b like panel a: 10,801 parameters, 1.80e41 by eq. 4.17 (a construction) beside the upper bound 4.37e50', () => {
    const handle = mountFigure47(host());
    const b = document.querySelector('[data-marked="b"]') as HTMLElement;
    expect(Number(b.querySelector('[data-parameters]')?.getAttribute('data-parameters'))).toBe(
      params(10, 5, 50),
    );
    const eq = b.querySelector('[data-eq417]') as HTMLElement;
    expect(eq.getAttribute('data-eq417')).toBe(String(bound(10, 5, 50)));
    expect(eq.getAttribute('data-eq417-status')).toBe('construction');
    expect(eq.textContent).toBe('1.80 × 10⁴¹');
    const upper = b.querySelector('[data-bound]') as HTMLElement;
    expect(upper.getAttribute('data-bound')).toBe(String(serra(10, [50, 50, 50, 50, 50])));
    expect(upper.getAttribute('data-bound-kind')).toBe('upper-bound');
    expect(upper.textContent).toBe('4.37 × 10⁵⁰');
    expect(b.textContent).toContain('reached by a construction');
    const labels = [
      ...document.querySelectorAll('[data-widget="figure-4-7"] .dn-depth-highlight + text'),
    ].map((t) => t.textContent);
    expect(labels).toEqual(['471 params, 161,051', '10,801 params, 1.80 × 10⁴¹']);
    handle.destroy();
  });

  it('adds a bound point for any (D_i, K, D) and walks the curves with the keyboard', async () => {
    const handle = mountFigure47(host());
    const root = document.querySelector('[data-widget="figure-4-7"]') as HTMLElement;
    const set = (key: string, v: number) => {
      (root.querySelector(`input[data-param="${key}"]`) as HTMLInputElement).value = String(v);
    };
    set('di', 10);
    set('k', 4);
    set('d', 50);
    const drawn = nextDraw(handle.subscribe);
    (root.querySelector('[data-action="add-bound"]') as HTMLButtonElement).click();
    const state = await drawn;
    expect(state.added[0]?.bound).toBe(bound(10, 4, 50));
    expect(state.added[0]?.parameters).toBe(params(10, 4, 50));
    expect(root.querySelector('tbody [data-eq417]')?.getAttribute('data-eq417')).toBe(
      String(bound(10, 4, 50)),
    );
    expect(root.querySelector('tbody [data-bound]')?.getAttribute('data-bound')).toBe(
      String(serra(10, [50, 50, 50, 50])),
    );
    expect(root.querySelectorAll('[data-role="added-bound"]')).toHaveLength(1);
    // Shallow, 10 inputs, 50 units: Zaslavsky's 13,432,735,556.
    expect(bound(10, 1, 50)).toBe(13432735556n);

    const svg = root.querySelectorAll('svg.dn-plot')[0] as SVGSVGElement;
    svg.focus();
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const readout = root.querySelector('[data-role="readout"]')?.textContent ?? '';
    expect(readout).toContain(`K = 4, D = 1: ${params(1, 4, 1)} parameters`);
    // Width 1: eq. 4.17 says 2^4, the proven upper bound K + 1 = 5 is smaller.
    expect(readout).toContain('more than the proven upper bound');
    handle.destroy();
  });

  it('counts the construction exactly next to its bound, and a random network far below it', async () => {
    const handle = mountFigure47(host());
    const root = document.querySelector('[data-widget="figure-4-7"]') as HTMLElement;
    for (const [key, v] of [
      ['di', 1],
      ['k', 2],
      ['d', 4],
    ] as const) {
      (root.querySelector(`input[data-param="${key}"]`) as HTMLInputElement).value = String(v);
    }
    let drawn = nextDraw(handle.subscribe);
    (root.querySelector('[data-action="add-construction"]') as HTMLButtonElement).click();
    let state = await drawn;
    const brute = bruteForceRegions1d(maxRegionsNetwork({ layers: 2, width: 4 }), [0, 1], 40000).linear;
    expect(brute).toBe(25);
    expect(Number(root.querySelector('[data-regions]')?.getAttribute('data-regions'))).toBe(brute);
    expect(state.added[0]?.bound).toBe(bound(1, 2, 4));
    // Export the counted network: the construction bit for bit; deepnets regions counts the same 25.
    const file = await exportedNetwork(root);
    expect(file.fileName).toBe('figure-4-7-construction-K2-D4.json');
    expect(
      sameBits(networkNumbers(file.network), networkNumbers(maxRegionsNetwork({ layers: 2, width: 4 }))),
    ).toBe(true);
    const cli = await commands.cliRegions(file.text, ['--domain', '0,1']);
    expect(cli.err).toBe('');
    expect((JSON.parse(cli.out) as { linearRegions: number }).linearRegions).toBe(brute);
    drawn = nextDraw(handle.subscribe);
    (root.querySelector('[data-action="add-random"]') as HTMLButtonElement).click();
    state = await drawn;
    const random = state.added[1]?.exact as number;
    expect(random).toBeGreaterThanOrEqual(1);
    expect(BigInt(random)).toBeLessThanOrEqual(bound(1, 2, 4));
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
    handle.destroy();
  });

  it('exports both panels as one SVG file', async () => {
    const handle = mountFigure47(host());
    const root = document.querySelector('[data-widget="figure-4-7"]') as HTMLElement;
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    };
    try {
      const exportSvg = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Export SVG');
      exportSvg?.click();
    } finally {
      URL.createObjectURL = original;
    }
    expect(blobs).toHaveLength(1);
    const text = await (blobs[0] as Blob).text();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.documentElement.querySelectorAll(':scope > svg')).toHaveLength(2);
    expect(text).toContain('471 params, 161,051');
    handle.destroy();
  });

  it('restores the form from the URL, reports bad values, and removes everything on destroy', () => {
    setSearch('?f47.di=2&f47.k=3&f47.d=oops');
    const element = host();
    const handle = mountFigure47(element, { urlPrefix: 'f47' });
    expect((element.querySelector('input[data-param="di"]') as HTMLInputElement).value).toBe('2');
    expect(element.querySelector('.dn-notice')?.textContent).toContain('f47.d=oops');
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });
});
