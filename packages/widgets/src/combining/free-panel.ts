/**
 * The contrast of section 2: a general two-layer network whose Psi is free (9 sliders), next to
 * what a composition allows. It shows the function with its exact linear regions, the parameter
 * count (22), the rank of Psi, and the verdict of `sixteenRegionTest`.
 */
import { countParameters } from '@deepnets/core';
import { regions1d } from '@deepnets/regions';
import { htmlElement } from '../kit/dom.ts';
import { createFunctionPanel, type FunctionPanel } from '../kit/function-panel.ts';
import { linearRegionBounds, valuesAtEdges } from '../kit/pieces-1d.ts';
import { paddedExtent } from '../kit/plot.ts';
import { createSlider, type Slider, subscript } from '../kit/slider.ts';
import { FREE_PSI, freePsiNetwork, RANK_ONE_PSI } from './free.ts';
import { matrixRank, type SixteenTest, sixteenRegionTest } from './psi.ts';
import { psiKey } from './state.ts';

export interface FreePanel {
  element: HTMLElement;
  panel: FunctionPanel;
  draw(psi: number[][]): { regions: number; rank: number; test: SixteenTest };
  destroy(): void;
}

export function createFreePanel(parent: Element, onPsi: (psi: number[][]) => void): FreePanel {
  const element = htmlElement('section', { class: 'dn-cmp-free', 'data-role': 'free-psi' }, parent);
  const heading = htmlElement('h4', {}, element);
  heading.textContent = 'A general two-layer network: Ψ free';
  const panel = createFunctionPanel(element, { name: 'free', xLabel: 'x', yLabel: 'y′' });
  const verdict = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, element);
  const table = htmlElement('table', { class: 'dn-cmp-table', 'data-role': 'slope-blocks' }, element);
  const fieldset = htmlElement('fieldset', { class: 'dn-sliders' }, element);
  htmlElement('legend', {}, fieldset).textContent =
    'Ψ of the general network (ψᵢⱼ, i: unit of layer 2, j: unit of layer 1)';
  let psi = FREE_PSI.map((r) => [...r]);
  const sliders = new Map<string, Slider>();
  for (const [i, row] of psi.entries()) {
    for (const j of row.keys()) {
      const key = psiKey(i, j);
      const spec = {
        key,
        label: `psi ${i + 1} ${j + 1}`,
        display: `ψ${subscript(i + 1)}${subscript(j + 1)}`,
        min: -8,
        max: 8,
        step: 0.01,
      };
      sliders.set(
        key,
        createSlider(fieldset, spec, (v) => {
          psi = psi.map((r) => [...r]);
          psi[i]![j] = v;
          onPsi(psi);
        }),
      );
    }
  }
  const buttons = htmlElement('div', { class: 'dn-buttons dn-cmp-presets' }, element);
  for (const [text, value] of [
    ['Ψ nudged (rank 3)', FREE_PSI],
    ['Ψ of the composition (rank 1)', RANK_ONE_PSI],
  ] as const) {
    const button = htmlElement('button', { type: 'button', class: 'dn-button' }, buttons);
    button.textContent = `Load: ${text}`;
    button.addEventListener('click', () => onPsi(value.map((r) => [...r])));
  }

  function draw(next: number[][]) {
    psi = next;
    for (const [i, row] of psi.entries())
      for (const [j, v] of row.entries()) sliders.get(psiKey(i, j))?.set(v);
    const net = freePsiNetwork(psi);
    const r = regions1d(net, { domain: [-1, 1] });
    const values = valuesAtEdges(r);
    panel.draw({
      regions: r,
      yExtent: paddedExtent(values, [values[0]!, values[0]!]),
      boundaries: linearRegionBounds(r)
        .slice(1)
        .map(([lo]) => lo),
    });
    const rank = matrixRank(psi);
    const params = countParameters(net);
    panel.caption.replaceChildren(`General network (3 + 3 hidden units): ${params} parameters, `);
    const count = htmlElement(
      'strong',
      { 'data-regions': r.linearRegions, 'data-of': 'free' },
      panel.caption,
    );
    count.textContent = String(r.linearRegions);
    panel.caption.append(' linear regions (never more than 16), rank Ψ = ');
    const rankEl = htmlElement('strong', { 'data-rank': rank }, panel.caption);
    rankEl.textContent = String(rank);
    panel.caption.append('.');
    const test = sixteenRegionTest(r);
    element.dataset.verdict = !test.applies
      ? 'undecided'
      : test.compositionPossible
        ? 'possible'
        : 'unreachable';
    verdict.textContent = !test.applies
      ? `This function has ${r.linearRegions} linear regions; the slope test below decides only for 16.`
      : test.compositionPossible
        ? 'All 16 regions, and the four blocks of slopes are multiples of one pattern: exactly what a composition of two 1-3-1 networks produces.'
        : 'All 16 regions, but the four blocks of slopes are not multiples of one pattern: no composition of two 1-3-1 networks makes this function, whatever its 20 parameters.';
    table.replaceChildren();
    if (test.applies) {
      const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
      for (const text of [
        'block (piece of layer 1)',
        'slopes (every 2nd reversed)',
        'divided by the first',
      ]) {
        htmlElement('th', { scope: 'col' }, head).textContent = text;
      }
      const body = htmlElement('tbody', {}, table);
      test.blocks.forEach((block, p) => {
        const row = htmlElement('tr', {}, body);
        htmlElement('td', {}, row).textContent = String(p + 1);
        htmlElement('td', {}, row).textContent = block.map((v) => v.toFixed(2)).join(', ');
        htmlElement('td', {}, row).textContent = block.map((v) => (v / block[0]!).toFixed(2)).join(', ');
      });
    }
    panel.plot.setTitle(
      `General two-layer network: ${r.linearRegions} linear regions, rank of Psi ${rank}. ${verdict.textContent}`,
    );
    return { regions: r.linearRegions, rank, test };
  }

  return { element, panel, draw, destroy: () => element.remove() };
}
