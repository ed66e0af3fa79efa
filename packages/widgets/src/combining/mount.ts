/**
 * Widget `combining` (lecture section 2, "Combine two networks into one"): the derivation with
 * the reader's numbers, step by step (MathML from the kit's LaTeX renderer); a plot of the
 * composition where the pointer (or the arrow keys) picks x and a table checks that network 2
 * after network 1 and the one combined network from core's `compose` agree there, unit by unit;
 * the rank of Psi; and a general two-layer network with free Psi for contrast. With `urlPrefix`,
 * all parameters live in the URL.
 */
import { compose, shallowNetwork } from '@deepnets/core';
import { regions1d } from '@deepnets/regions';
import { linearRegionBounds, valueAt, valuesAtEdges } from '../composition/analysis.ts';
import { createFunctionPanel } from '../composition/function-panel.ts';
import {
  clonePair,
  type NetworkPair,
  NINE_REGIONS,
  pairParameterSpecs,
  pairUrlSchema,
  pairUrlValues,
  readPairParameter,
  writePairParameter,
} from '../composition/params.ts';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { arrowSteps, svgPoint } from '../kit/drag.ts';
import { figureSvg } from '../kit/figure.ts';
import { latexToMathml } from '../kit/latex-mathml.ts';
import { paddedExtent } from '../kit/plot.ts';
import { leadingAndSettled } from '../kit/schedule.ts';
import { createSlider, type Slider } from '../kit/slider.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState, type UrlSchema } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { type CursorCheck, checkAt } from './check.ts';
import { derivationSteps } from './derivation.ts';
import { FREE_PSI } from './free.ts';
import { createFreePanel, psiKey } from './free-panel.ts';
import { compositionPsi, matrixRank, type SixteenTest } from './psi.ts';

export interface CombiningOptions {
  pair: NetworkPair;
  /** Psi of the general network shown for contrast. */
  freePsi: number[][];
  /** The x of the agreement check. */
  cursor: number;
  urlPrefix?: string;
}

export interface CombiningState {
  pair: NetworkPair;
  psi0: number[];
  psi: number[][];
  rank: number;
  check: CursorCheck;
  free: { regions: number; rank: number; test: SixteenTest };
}

const DOMAIN: [number, number] = [-1, 1];
/** Quiet time after the last change before the derivation is rebuilt during a drag. */
const DERIVATION_SETTLE_MS = 250;

export function mountCombining(
  element: HTMLElement,
  initial: Partial<CombiningOptions> = {},
): WidgetHandle<CombiningOptions, CombiningState> {
  let options: CombiningOptions = {
    pair: clonePair(NINE_REGIONS),
    freePsi: FREE_PSI.map((r) => [...r]),
    cursor: 0.25,
    ...initial,
  };
  const store = createStore<CombiningState | undefined>(undefined);
  const root = htmlElement('div', { class: 'dn-widget dn-combining', 'data-widget': 'combining' }, element);
  const top = htmlElement('div', { class: 'dn-cmp-panels' }, root);
  const panel = createFunctionPanel(top, { name: 'composition', xLabel: 'x', yLabel: 'y′' });
  panel.plot.svg.setAttribute('tabindex', '0');
  panel.plot.svg.setAttribute('role', 'group');
  panel.plot.svg.setAttribute(
    'aria-label',
    'The composition y′ of x. Move the pointer over it, or use the arrow keys, to choose the x of the check.',
  );
  const checkBox = htmlElement('div', { class: 'dn-cmp-check-box' }, top);
  const checkTable = htmlElement('table', { class: 'dn-cmp-table', 'data-role': 'check' }, checkBox);
  const verdict = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, checkBox);
  const rankLine = htmlElement('p', { class: 'dn-status' }, root);
  const steps = htmlElement('ol', { class: 'dn-cmp-steps', 'data-role': 'derivation' }, root);
  const groups = htmlElement('div', { class: 'dn-cmp-groups' }, root);
  const specs = pairParameterSpecs();
  const sliders = new Map<string, Slider>();
  for (const [legend, list] of [
    ['Network 1: x → y (θ, φ)', specs.n1],
    ['Network 2: y → y′ (θ′, φ′)', specs.n2],
  ] as const) {
    const fieldset = htmlElement('fieldset', { class: 'dn-sliders' }, groups);
    htmlElement('legend', {}, fieldset).textContent = legend;
    for (const spec of list)
      sliders.set(
        spec.key,
        createSlider(fieldset, spec, (v) => set({ pair: writePairParameter(options.pair, spec.key, v) })),
      );
  }
  const free = createFreePanel(root, (psi) => set({ freePsi: psi }));
  const toolbar = createToolbar(root, {
    name: 'combining',
    svg: () => figureSvg(root, [{ svg: panel.plot.svg }, { svg: free.panel.plot.svg }], 640),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });

  const psiSchema: UrlSchema = {};
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) psiSchema[psiKey(i, j)] = { type: 'number', min: -8, max: 8 };
  const urlValues = () => {
    const values: Record<string, number> = { ...pairUrlValues(options.pair) };
    for (const [i, row] of options.freePsi.entries())
      for (const [j, v] of row.entries()) values[psiKey(i, j)] = v;
    return values;
  };
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(
      options.urlPrefix,
      { ...pairUrlSchema(), ...psiSchema },
      window.location.search,
    );
    let { pair } = options;
    const freePsi = options.freePsi.map((r) => [...r]);
    for (const [key, value] of Object.entries(values)) {
      const [kind, i, j] = key.split('.');
      if (kind === 'psi') freePsi[Number(i) - 1]![Number(j) - 1] = value as number;
      else pair = writePairParameter(pair, key, value as number);
    }
    options = { ...options, pair, freePsi };
    toolbar.notify(notices);
  }

  function set(partial: Partial<CombiningOptions>): void {
    options = { ...options, ...partial };
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, urlValues());
    render();
  }

  const pickX = (event: PointerEvent) => {
    const scales = panel.scales();
    if (!scales) return;
    const x = scales.x.invert(svgPoint(panel.plot.svg, event).x);
    if (x >= DOMAIN[0] && x <= DOMAIN[1]) set({ cursor: x });
  };
  panel.plot.svg.addEventListener('pointermove', pickX);
  panel.plot.svg.addEventListener('pointerdown', pickX);
  arrowSteps(panel.plot.svg, (dx) => {
    if (dx) set({ cursor: Math.min(DOMAIN[1], Math.max(DOMAIN[0], options.cursor + dx * 0.01)) });
  });

  /** The MathML derivation is the costly part to lay out: shown at once, then again when a drag settles. */
  const derivation = leadingAndSettled(() => {
    steps.replaceChildren();
    for (const step of derivationSteps(options.pair)) {
      const item = htmlElement('li', {}, steps);
      htmlElement('strong', {}, item).textContent = step.title;
      htmlElement('p', {}, item).textContent = step.text;
      htmlElement('div', { class: 'dn-math' }, item).append(latexToMathml(step.latex).math);
    }
  }, DERIVATION_SETTLE_MS);

  let drawnPair: NetworkPair | undefined;
  let drawnFree: number[][] | undefined;
  let freeResult: CombiningState['free'] | undefined;

  function render(): void {
    const { pair, cursor } = options;
    const net1 = shallowNetwork({ theta: pair.theta1, phi: pair.phi1 });
    const net2 = shallowNetwork({ theta: pair.theta2, phi: pair.phi2 });
    const combined = compose(net1, net2);
    const r = regions1d(combined, { domain: DOMAIN });
    const { psi0, psi } = compositionPsi(pair);
    const rank = matrixRank(psi);
    if (drawnPair !== pair) {
      for (const [key, slider] of sliders) slider.set(readPairParameter(pair, key));
      const values = valuesAtEdges(r);
      panel.draw({
        regions: r,
        yExtent: paddedExtent(values, [values[0]!, values[0]!]),
        boundaries: linearRegionBounds(r)
          .slice(1)
          .map(([lo]) => lo),
      });
      panel.caption.textContent = `The composition y′[x]: ${r.linearRegions} linear regions on [-1, 1]. Point at it to move the check.`;
      derivation.run();
      rankLine.replaceChildren('Rank of Ψ: ');
      htmlElement('strong', { 'data-rank': rank }, rankLine).textContent = String(rank);
      rankLine.append(
        rank <= 1
          ? ' — every row of Ψ is θ′ᵢ₁ times the same row (φ₁, φ₂, φ₃). A composition always gives rank one (or zero).'
          : ' — unexpected for a composition.',
      );
      drawnPair = pair;
    }
    if (drawnFree !== options.freePsi) {
      freeResult = free.draw(options.freePsi);
      drawnFree = options.freePsi;
    }
    const check = checkAt(net1, net2, combined, cursor);
    drawCursor(cursor, valueAt(r, cursor));
    checkTable.replaceChildren();
    const head = htmlElement('tr', {}, htmlElement('thead', {}, checkTable));
    for (const text of [
      `at x = ${cursor.toFixed(3)}`,
      'network 2 after network 1',
      'combined network (compose)',
    ]) {
      htmlElement('th', { scope: 'col' }, head).textContent = text;
    }
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
      ` at x = ${cursor.toFixed(3)}: largest difference ${check.maxDifference.toExponential(1)}.`,
    );
    store.set({ pair, psi0, psi, rank, check, free: freeResult! });
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

  render();

  return createHandle(root, store, {
    update(partial) {
      set(partial);
    },
    cleanup() {
      derivation.cancel();
      panel.destroy();
    },
  });
}
