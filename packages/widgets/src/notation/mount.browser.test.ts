import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { host, nextDraw, setSearch, urlSearch } from '../kit/test-helpers.ts';
import { exampleNetwork } from './coefficients.ts';
import { mountNotation } from './mount.ts';

afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const root = () => document.querySelector('[data-widget="notation"]') as HTMLElement;
const marks = () => [...root().querySelectorAll('.dn-math [data-coef]')];
const selectedTab = () =>
  root().querySelector('[role="tab"][aria-selected="true"]')?.getAttribute('data-tab');

describe('notation widget in Chromium', () => {
  it('writes the example network (3 inputs, widths 4, 2, 3, 2 outputs) with its 43 parameters', () => {
    const handle = mountNotation(host());
    const widths = [3, 4, 2, 3, 2];
    let parameters = 0;
    for (let k = 0; k + 1 < widths.length; k++) parameters += (widths[k]! + 1) * widths[k + 1]!;
    expect(Number(root().querySelector('[data-parameters]')?.getAttribute('data-parameters'))).toBe(
      parameters,
    );
    expect(root().querySelector('math')).not.toBeNull();
    // Every number drawn is the coefficient it is linked to (its sign sits in the operator before it).
    const net = exampleNetwork(1);
    expect(marks()).toHaveLength(parameters);
    let n = 0;
    for (const layer of net.layers) {
      for (const [i, row] of layer.weights.entries()) {
        for (const value of [layer.biases[i]!, ...row]) {
          expect(Number(marks()[n]?.textContent)).toBeCloseTo(Math.abs(value), 12);
          n++;
        }
      }
    }
    handle.destroy();
  });

  it('shows the lecture’s renaming θ₀, θ, ψ₀, Ψ, φ′₀, φ′ → β₀, Ω₀, β₁, Ω₁, β₂, Ω₂ on a live two-layer network', async () => {
    const handle = mountNotation(host());
    const pending = nextDraw(handle.subscribe);
    (root().querySelector('[role="tab"][data-tab="renaming"]') as HTMLButtonElement).click();
    const state = await pending;
    expect(selectedTab()).toBe('renaming');
    const [equations, values] = [...root().querySelectorAll('.dn-math math')];
    for (const symbol of ['θ', 'ψ', 'Ψ', 'φ', 'β', 'Ω', '⟶'])
      expect(equations?.textContent).toContain(symbol);
    // 1-3-3-1: (1 + 1) 3 + (3 + 1) 3 + (3 + 1) 1 parameters, each shown once under both names.
    expect(state.parameters).toBe(2 * 3 + 4 * 3 + 4 * 1);
    const net = exampleNetwork(1, [1, 3, 3, 1]);
    const expected = net.layers.flatMap((l) => [...l.biases, ...l.weights.flat()]).map(Math.abs);
    const shown = [...(values?.querySelectorAll('mn') ?? [])]
      .filter((el) => !el.parentElement?.closest('msub, msup, msubsup'))
      .map((el) => Number(el.textContent));
    expect(shown).toEqual(expected);
    handle.destroy();
  });

  it('names the scalar coefficients with a comma after the layer: β₀,₁ and ω₀,₁₁', () => {
    const handle = mountNotation(host(), { numbers: false });
    const subscripts = [...root().querySelectorAll('.dn-math msub > :last-child')].map(
      (el) => el.textContent,
    );
    expect(subscripts).toContain('0,1');
    expect(subscripts).toContain('0,11');
    expect(subscripts).toContain('3,2');
    handle.destroy();
  });

  it('switches notation with the tabs (mouse and arrow keys) and links every coefficient', async () => {
    const handle = mountNotation(host());
    const counts: Record<string, number> = {};
    const times: number[] = [];
    const first = root().querySelector('[role="tab"][data-tab="scalar"]') as HTMLButtonElement;
    first.focus();
    counts.scalar = marks().length;
    for (const tab of ['vector', 'matrix', 'general']) {
      const pending = nextDraw(handle.subscribe);
      await userEvent.keyboard('{ArrowRight}');
      const state = await pending;
      times.push(state.ms);
      expect(selectedTab()).toBe(tab);
      expect(document.activeElement?.getAttribute('data-tab')).toBe(tab);
      counts[tab] = marks().length;
      expect(state.coefficients).toHaveLength(marks().length);
    }
    // 43 numbers in three tabs; beta_k and Omega_k for k = 0..3, twice (layer equations and nested).
    expect(counts).toEqual({ scalar: 43, vector: 43, matrix: 43, general: 16 });
    console.log(`notation: tab -> redraw ${times.map((t) => t.toFixed(2)).join(', ')} ms`);
    const pending = nextDraw(handle.subscribe);
    (root().querySelector('[data-tab="scalar"]') as HTMLButtonElement).click();
    await pending;
    expect(selectedTab()).toBe('scalar');
    handle.destroy();
  });

  it('highlights the weight of a hovered symbol, and the symbol of a hovered weight', () => {
    const handle = mountNotation(host());
    // Coefficient 6 in scalar order is beta_0[2] (unit 2 of layer 1): 4 coefficients per unit of layer 1.
    const symbol = marks()[5] as Element;
    symbol.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    const active = [...root().querySelectorAll('.dn-diagram .dn-active')];
    expect(active).toHaveLength(1);
    expect(active[0]?.getAttribute('data-k')).toBe('0');
    expect(active[0]?.getAttribute('data-i')).toBe('1');
    expect(active[0]?.getAttribute('data-j')).toBe('1');
    expect(root().querySelector('[data-role="coefficient"]')?.textContent).toContain('Ω₀[2, 1]');
    const edge = root().querySelector('.dn-edge[data-k="2"][data-i="1"][data-j="2"]') as Element;
    edge.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    const lit = marks().filter((m) => m.classList.contains('dn-active'));
    expect(lit).toHaveLength(1);
    // Layer 2 (k = 2) starts after 4 * 4 + 2 * 5 = 26 coefficients; unit 2, weight 2 is 3 + 2 further.
    expect(lit[0]?.getAttribute('data-coef')).toBe(String(26 + 3 + 2));
    handle.destroy();
  });

  it('steps through coefficients with the keyboard, restores from the URL and cleans up', async () => {
    setSearch('?nt.tab=vector&nt.numbers=0&nt.seed=3&nt.zzz=1');
    const element = host();
    const handle = mountNotation(element, { urlPrefix: 'nt' });
    expect(selectedTab()).toBe('vector');
    expect((root().querySelector('[data-action="numbers"]') as HTMLInputElement).checked).toBe(false);
    expect(root().querySelector('.dn-toolbar .dn-notice')?.textContent).toContain('nt.zzz');
    (root().querySelector('.dn-math') as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(root().dataset.active).toBe('0,0,0');
    await userEvent.keyboard('{ArrowRight}');
    expect(root().dataset.active).toBe('0,1,0');
    const pending = nextDraw(handle.subscribe);
    (root().querySelector('[data-action="sample"]') as HTMLButtonElement).click();
    await pending;
    expect(new URLSearchParams(urlSearch()).get('nt.seed')).toBe('4');
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });
});
