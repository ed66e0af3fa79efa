/**
 * Combining widget, view: builds the composition's plot (a pointer or the arrow keys pick the x of
 * the check), the check table, the rank line, the derivation list, the place for the sliders and
 * the free-Psi contrast once, and draws into them. No state of its own, no URL.
 */

import { htmlElement, svgElement } from '../kit/dom.ts';
import { arrowSteps, svgPoint } from '../kit/drag.ts';
import { figureSvg } from '../kit/figure.ts';
import { createFunctionPanel } from '../kit/function-panel.ts';
import { latexToMathml } from '../kit/latex-mathml.ts';
import type { CursorCheck } from './check.ts';
import type { DerivationStep } from './derivation.ts';
import { createFreePanel, type FreePanel } from './free-panel.ts';
import { type CombiningFigure, DOMAIN } from './state.ts';

export interface CombiningViewHandlers {
  /** The pointer picked x (inside [-1, 1]) on the composition's plot. */
  onPick(x: number): void;
  /** An arrow key moved the check by `dx` steps. */
  onStep(dx: number): void;
  /** A slider of the free Psi moved. */
  onPsi(psi: number[][]): void;
}

export interface CombiningView {
  root: HTMLElement;
  /** Where the mount puts the slider groups of the pair. */
  groups: HTMLElement;
  free: FreePanel;
  draw(figure: CombiningFigure): void;
  drawCheck(check: CursorCheck, y: number): void;
  drawDerivation(steps: readonly DerivationStep[]): void;
  figureSvg(): SVGSVGElement;
  destroy(): void;
}

export function createCombiningView(element: HTMLElement, on: CombiningViewHandlers): CombiningView {
  const root = htmlElement('div', { class: 'dn-widget dn-combining', 'data-widget': 'combining' }, element);
  const top = htmlElement('div', { class: 'dn-cmp-panels' }, root);
  const panel = createFunctionPanel(top, { name: 'composition', xLabel: 'x', yLabel: 'y′' });
  const svg = panel.plot.svg;
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('role', 'group');
  svg.setAttribute(
    'aria-label',
    'The composition y′ of x. Move the pointer over it, or use the arrow keys, to choose the x of the check.',
  );
  const checkBox = htmlElement('div', { class: 'dn-cmp-check-box' }, top);
  const checkTable = htmlElement('table', { class: 'dn-cmp-table', 'data-role': 'check' }, checkBox);
  const verdict = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, checkBox);
  const rankLine = htmlElement('p', { class: 'dn-status' }, root);
  const steps = htmlElement('ol', { class: 'dn-cmp-steps', 'data-role': 'derivation' }, root);
  const groups = htmlElement('div', { class: 'dn-cmp-groups' }, root);
  const free = createFreePanel(root, on.onPsi);

  const pick = (event: PointerEvent) => {
    const scales = panel.scales();
    if (!scales) return;
    const x = scales.x.invert(svgPoint(svg, event).x);
    if (x >= DOMAIN[0] && x <= DOMAIN[1]) on.onPick(x);
  };
  svg.addEventListener('pointermove', pick);
  svg.addEventListener('pointerdown', pick);
  const stopKeys = arrowSteps(svg, (dx) => {
    if (dx) on.onStep(dx);
  });

  function draw(f: CombiningFigure): void {
    panel.draw({ regions: f.regions, yExtent: f.yExtent, boundaries: f.boundaries });
    panel.caption.textContent = `The composition y′[x]: ${f.regions.linearRegions} linear regions on [-1, 1]. Point at it to move the check.`;
    rankLine.replaceChildren('Rank of Ψ: ');
    htmlElement('strong', { 'data-rank': f.rank }, rankLine).textContent = String(f.rank);
    rankLine.append(
      f.rank <= 1
        ? ' — every row of Ψ is θ′ᵢ₁ times the same row (φ₁, φ₂, φ₃). A composition always gives rank one (or zero).'
        : ' — unexpected for a composition.',
    );
  }

  function drawCheck(check: CursorCheck, y: number): void {
    drawCursor(check.x, y);
    checkTable.replaceChildren();
    const head = htmlElement('tr', {}, htmlElement('thead', {}, checkTable));
    for (const text of [
      `at x = ${check.x.toFixed(3)}`,
      'network 2 after network 1',
      'combined network (compose)',
    ])
      htmlElement('th', { scope: 'col' }, head).textContent = text;
    const body = htmlElement('tbody', {}, checkTable);
    for (const row of check.rows) {
      const tr = htmlElement('tr', {}, body);
      htmlElement('th', { scope: 'row' }, tr).textContent = row.name;
      htmlElement('td', {}, tr).textContent = row.composing.toFixed(6);
      htmlElement('td', {}, tr).textContent = row.combined === undefined ? '—' : row.combined.toFixed(6);
    }
    checkBox.dataset.agree = String(check.agree);
    verdict.replaceChildren();
    const mark = htmlElement('span', { class: check.agree ? 'dn-cmp-ok' : 'dn-cmp-bad' }, verdict);
    mark.textContent = check.agree ? '✓ They agree' : '✗ They differ';
    verdict.append(
      ` at x = ${check.x.toFixed(3)}: largest difference ${check.maxDifference.toExponential(1)}.`,
    );
  }

  function drawCursor(x: number, y: number): void {
    const scales = panel.scales();
    const layer = panel.plot.points;
    layer.querySelector('[data-role="cursor"]')?.remove();
    if (!scales) return;
    const g = svgElement('g', { 'data-role': 'cursor' }, layer);
    const [y0, y1] = scales.y.range;
    svgElement('line', { x1: scales.x(x), x2: scales.x(x), y1: y0, y2: y1, class: 'dn-cmp-boundary' }, g);
    svgElement('circle', { cx: scales.x(x), cy: scales.y(y), r: 5, class: 'dn-cmp-cursor-dot' }, g);
  }

  /** The MathML derivation, one list item per step. */
  function drawDerivation(list: readonly DerivationStep[]): void {
    steps.replaceChildren();
    for (const step of list) {
      const item = htmlElement('li', {}, steps);
      htmlElement('strong', {}, item).textContent = step.title;
      htmlElement('p', {}, item).textContent = step.text;
      htmlElement('div', { class: 'dn-math' }, item).append(latexToMathml(step.latex).math);
    }
  }

  return {
    root,
    groups,
    free,
    draw,
    drawCheck,
    drawDerivation,
    figureSvg: () => figureSvg(root, [{ svg }, { svg: free.panel.plot.svg }], 640),
    destroy() {
      stopKeys();
      panel.destroy();
    },
  };
}
