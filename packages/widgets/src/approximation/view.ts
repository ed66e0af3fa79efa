/**
 * DOM and drawing of the `approximation` widget, from its state: the fit plot (target, samples,
 * the fits and their region boundaries as ticks), the table (parameters, error, exact regions),
 * the error chart and the identity-construction text.
 */
import { evaluateBatch } from '@deepnets/core';
import { formatBig } from '../depth-kit/bigint.ts';
import { button } from '../depth-kit/controls.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { createPlot } from '../kit/plot.ts';
import { shapesForBudget } from './fit.ts';
import {
  type ApproximationOptions,
  type ApproximationState,
  DOMAIN,
  DRAW_POINTS,
  hasConstructionStart,
  identityText,
} from './state.ts';
import { createErrorPlot, drawErrorPlot, type ErrorPlot } from './sweep-plot.ts';

export interface FitView {
  plot: ReturnType<typeof createPlot>;
  table: HTMLTableSectionElement;
  drawHint: HTMLElement;
  errPlot: ErrorPlot;
  identityText: HTMLElement;
}

/**
 * Builds the status line, the table, the fit and error plots with the sweep button, and the
 * identity box with its two buttons, under `root`.
 */
export function createFitView(
  root: HTMLElement,
  actions: { sweep(): void; addIdentity(): void; removeIdentity(): void },
) {
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'status' }, root);
  const table = htmlElement('table', { class: 'dn-depth-table' }, root);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const h of ['network', 'parameters', 'mean squared error', 'linear regions on [-1, 1]'])
    htmlElement('th', { scope: 'col' }, head).textContent = h;
  const panels = htmlElement('div', { class: 'dn-depth-panels' }, root);
  const fitBox = htmlElement('div', {}, panels);
  const errBox = htmlElement('div', {}, panels);
  const view: FitView = {
    table: htmlElement('tbody', {}, table),
    plot: createPlot(fitBox, { xLabel: 'x', yLabel: 'y', height: 300 }),
    drawHint: htmlElement('p', { class: 'dn-caption', hidden: 'hidden' }, fitBox),
    errPlot: createErrorPlot(errBox),
    identityText: htmlElement('p', { 'aria-live': 'polite' }),
  };
  view.drawHint.textContent =
    'Draw on the plot with a mouse or finger, or focus it and use ←/→ to pick a point and ↑/↓ to move it.';
  const sweepButton = button(errBox, 'Train every budget (w = 2…8)', actions.sweep, {
    'data-action': 'sweep',
  });
  const identity = htmlElement('fieldset', { class: 'dn-depth-form', 'data-role': 'identity' }, root);
  htmlElement('legend', {}, identity).textContent = 'Deeper layers can compute the identity';
  identity.append(view.identityText);
  const buttons = htmlElement('div', { class: 'dn-buttons' }, identity);
  button(buttons, 'Add an identity layer', actions.addIdentity, { 'data-action': 'add-identity' });
  const removeButton = button(buttons, 'Remove one', actions.removeIdentity, {
    'data-action': 'remove-identity',
  });
  return { view, status, sweepButton, removeButton };
}

/** Everything drawn from one state. */
export interface DrawInput {
  state: ApproximationState;
  options: ApproximationOptions;
  target: (x: number) => number;
  samples: { count: number; x: Float64Array; y: Float64Array };
  drawn: readonly number[];
  drawIndex: number;
}

const FITS = [
  ['shallow', 1],
  ['deep', 0],
  ['deep-construction', 2],
] as const;

/** Draws the fit plot and the table; returns the plot's scales (for drawing a target). */
export function drawFits(view: FitView, input: DrawInput) {
  const { state, options, target: f, samples } = input;
  const { plot } = view;
  const xs = Float64Array.from({ length: 401 }, (_, i) => DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / 400);
  const target = Array.from(xs, f);
  const summaries = [state.shallow, state.deep, state.deepNearConstruction];
  const fits = summaries.map((s) => (s ? Array.from(evaluateBatch(s.network, xs, xs.length)) : undefined));
  const all = [...target, ...fits.flatMap((v) => v ?? [])];
  const lo = Math.min(...all, -0.2);
  const hi = Math.max(...all, 1.2);
  const pad = 0.08 * (hi - lo);
  const scale = plot.frame(DOMAIN, [lo - pad, hi + pad]);
  plot.curves.replaceChildren();
  plot.points.replaceChildren();
  plot.regions.replaceChildren();
  const curve = (ys: number[], attrs: Record<string, string>) =>
    svgElement(
      'path',
      { d: polylinePath(Array.from(xs, scale.x), ys.map(scale.y)), fill: 'none', ...attrs },
      plot.curves,
    );
  curve(target, { class: 'dn-curve dn-depth-target', 'data-role': 'target' });
  for (let i = 0; i < samples.count; i++) {
    const [cx, cy] = [scale.x(samples.x[i] as number), scale.y(samples.y[i] as number)];
    svgElement('circle', { cx, cy, r: 1.8, class: 'dn-depth-sample' }, plot.regions);
  }
  summaries.forEach((s, i) => {
    const ys = fits[i];
    const [role, colour] = FITS[i]!;
    if (!s || !ys) return;
    const color = unitColor(colour);
    // Region boundaries as ticks: shallow along the bottom, deep along the top.
    const y0 = i === 0 ? scale.y(lo - pad) : scale.y(hi + pad);
    const dy = i === 0 ? -8 : 8;
    for (const b of s.breakpoints) {
      const x = scale.x(b);
      const attrs = { x1: x, x2: x, y1: y0, y2: y0 + dy, style: `stroke: ${color}`, 'stroke-width': 1.5 };
      svgElement('line', { ...attrs, 'data-role': `${role}-breakpoint` }, plot.regions);
    }
    curve(ys, {
      style: `stroke: ${color}`,
      class: `dn-curve${i === 1 ? ' dn-depth-dashed' : ''}`,
      'data-role': role,
    });
  });
  if (options.target === 'draw') {
    input.drawn.forEach((v, i) => {
      const x = DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / (DRAW_POINTS - 1);
      const r = i === input.drawIndex ? 5 : 2.5;
      svgElement(
        'circle',
        { cx: scale.x(x), cy: scale.y(v), r, class: 'dn-depth-handle', 'data-role': 'drawn' },
        plot.points,
      );
    });
  }
  view.drawHint.hidden = options.target !== 'draw';
  plot.svg.classList.toggle('dn-drawable', options.target === 'draw');
  const done = (s: unknown) => (s ? 'trained' : 'training');
  plot.setTitle(
    `Target ${options.target} with the shallow (${done(state.shallow)}) and deep (${done(state.deep)}) fits.`,
  );
  drawTable(view.table, state, options);
  drawErrorPlot(view.errPlot, state.sweep);
  return scale;
}

function drawTable(
  body: HTMLTableSectionElement,
  state: ApproximationState,
  options: ApproximationOptions,
): void {
  body.replaceChildren();
  const shapes = shapesForBudget(options.layers, options.width);
  const deepName = `${options.layers} × ${options.width}`;
  const rows: [string, string, ApproximationState['deep'], number][] = [
    ['shallow', `shallow, ${shapes.shallow[1]} units`, state.shallow, shapes.shallowParameters],
    ['deep', `deep, ${deepName}, random starts`, state.deep, shapes.deepParameters],
  ];
  if (state.deepNearConstruction || hasConstructionStart(options))
    rows.push([
      'deep-construction',
      `deep, ${deepName}, started near the construction`,
      state.deepNearConstruction,
      shapes.deepParameters,
    ]);
  for (const [key, name, s, params] of rows) {
    const tr = htmlElement('tr', { 'data-network': key }, body);
    htmlElement('th', { scope: 'row' }, tr).textContent = name;
    htmlElement('td', { 'data-parameters': params }, tr).textContent = formatBig(params);
    htmlElement('td', { 'data-loss': s?.loss ?? '' }, tr).textContent = s ? s.loss.toExponential(2) : '…';
    const cell = htmlElement('td', {}, tr);
    if (s) htmlElement('span', { 'data-regions': s.regions }, cell).textContent = formatBig(s.regions);
    else cell.textContent = '…';
  }
}

/** Writes the identity-construction sentence with its exact region count. */
export function drawIdentity(el: HTMLElement, identity: ApproximationState['identity']): void {
  const text = identityText(identity.extra, identity.widths, identity.maxDifference);
  el.replaceChildren(text.before);
  const strong = htmlElement(
    'strong',
    { 'data-regions': identity.regions, 'data-role': 'identity-regions' },
    el,
  );
  strong.textContent = formatBig(identity.regions);
  el.append(text.after(formatBig(identity.baseRegions)));
}
