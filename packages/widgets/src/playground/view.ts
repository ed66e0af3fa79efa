/**
 * The playground's DOM: the settings row, the buttons, the decision map over its canvas, the loss
 * and accuracy chart, the status line and the toolbar. Built once; `draw.ts` paints state into it.
 */

import { createLogPlot, type LogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { observeWidth } from '../kit/heatmap.ts';
import { createPlot, type Plot } from '../kit/plot.ts';
import { createToolbar, type Toolbar } from '../kit/toolbar.ts';
import { type MapLayout, mapLayout } from './layout.ts';
import type { MenuItem } from './menus.ts';
import { LEARNING_RATES, VALIDATION_SPLITS } from './state.ts';

/** The curves' viewBox. */
const CURVES = { width: 320, height: 306 };

export interface PlaygroundView {
  root: HTMLElement;
  /** The grid of figures (decision map, curves, network). */
  panels: HTMLElement;
  datasetSelect: HTMLSelectElement;
  activationSelect: HTMLSelectElement;
  optimizerSelect: HTMLSelectElement;
  hiddenInput: HTMLInputElement;
  rateSelect: HTMLSelectElement;
  hiddenError: HTMLElement;
  /** Stop at: none, training accuracy, training loss; and the target value. */
  stopSelect: HTMLSelectElement;
  stopInput: HTMLInputElement;
  validationSelect: HTMLSelectElement;
  trainButton: HTMLButtonElement;
  pauseButton: HTMLButtonElement;
  resetButton: HTMLButtonElement;
  /** The element whose width sets the heat map's resolution (and that takes drawing clicks). */
  frame: HTMLElement;
  /** The decision map: canvas and plot, rebuilt by `setMapLayout` when the data's shape changes. */
  canvas: HTMLCanvasElement;
  heat: Plot;
  layout: MapLayout;
  heatCaption: HTMLElement;
  /** Loss (and accuracy) against epoch on a log axis. */
  curves: LogPlot;
  /** Read-outs: training and validation loss and accuracy, and why a run stopped. */
  readouts: HTMLElement;
  epochOut: HTMLElement;
  metricsOut: HTMLElement;
  regionsEl: HTMLElement;
  toolbar: Toolbar;
}

/** A labelled control: `<label class=kind><span>text</span>…</label>`. */
export function control(parent: Element, text: string, kind = 'dn-select'): HTMLLabelElement {
  const label = htmlElement('label', { class: kind }, parent);
  htmlElement('span', {}, label).textContent = `${text} `;
  return label;
}

/** Replaces the options of `select` by `items` and selects `value` (else the first); returns the choice. */
export function fillSelect(select: HTMLSelectElement, items: readonly MenuItem[], value: string): string {
  select.replaceChildren();
  for (const item of items) {
    const option = htmlElement('option', { value: item.value }, select);
    option.textContent = item.text;
  }
  const chosen = items.some((i) => i.value === value) ? value : (items[0]?.value ?? '');
  select.value = chosen;
  return chosen;
}

/** Selects `rate` in the learning-rate menu, adding it when it is not one of LEARNING_RATES. */
export function selectRate(select: HTMLSelectElement, rate: number): void {
  select.value = String(rate);
  if (select.value !== '') return;
  const option = htmlElement('option', { value: String(rate) }, select);
  option.textContent = String(rate);
  select.value = option.value;
}

export function buildPlaygroundView(element: HTMLElement): PlaygroundView {
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-playground', 'data-widget': 'playground', role: 'group' },
    element,
  );
  root.setAttribute('aria-label', 'Training playground: a small network learning a 2-D classification');

  const controls = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const select = (param: string, text: string) =>
    htmlElement('select', { 'data-param': param }, control(controls, text));
  const datasetSelect = select('dataset', 'data set');
  const activationSelect = select('activation', 'activation');
  const optimizerSelect = select('optimizer', 'optimizer');
  const hiddenInput = htmlElement(
    'input',
    { type: 'text', 'data-param': 'hidden', inputmode: 'numeric', size: 8, spellcheck: 'false' },
    control(controls, 'hidden widths', 'dn-field'),
  );
  const rateSelect = select('learningRate', 'learning rate');
  fillSelect(
    rateSelect,
    LEARNING_RATES.map((r) => ({ value: r, text: r })),
    '0.03',
  );
  const hiddenError = htmlElement('p', { class: 'dn-notice', role: 'alert', hidden: 'hidden' }, root);
  const runRow = htmlElement('div', { class: 'dn-row dn-depth-controls dn-run-controls' }, root);
  const stopSelect = htmlElement('select', { 'data-param': 'stopAt' }, control(runRow, 'stop at'));
  fillSelect(
    stopSelect,
    [
      { value: 'none', text: 'no target (all epochs)' },
      { value: 'accuracy', text: 'training accuracy ≥' },
      { value: 'loss', text: 'training loss ≤' },
    ],
    'none',
  );
  const stopInput = htmlElement(
    'input',
    { type: 'number', 'data-param': 'stopValue', step: 'any', min: '0', size: 6 },
    control(runRow, 'target', 'dn-field'),
  );
  const validationSelect = htmlElement(
    'select',
    { 'data-param': 'validation' },
    control(runRow, 'validation split'),
  );
  fillSelect(
    validationSelect,
    VALIDATION_SPLITS.map((v) => ({ value: String(v), text: v === 0 ? 'none' : `${100 * v}% held out` })),
    '0',
  );

  const buttons = htmlElement('div', { class: 'dn-buttons' }, root);
  const button = (text: string, action: string) => {
    const b = htmlElement('button', { type: 'button', class: 'dn-button', 'data-action': action }, buttons);
    b.textContent = text;
    return b;
  };
  const trainButton = button('Train', 'train');
  const pauseButton = button('Pause', 'pause');
  const resetButton = button('Reset', 'reset');

  // Panels: the heat map with data and regions; the loss and accuracy curves.
  const panels = htmlElement('div', { class: 'dn-cmp-panels' }, root);
  const heatFigure = htmlElement('figure', { class: 'dn-cmp-panel', 'data-panel': 'decision' }, panels);
  const frame = htmlElement('div', { class: 'dn-cmp-heat' }, heatFigure);
  const layout = mapLayout([-1, 1, -1, 1]);
  const { canvas, heat } = mapFrame(frame, layout);
  const heatCaption = htmlElement('figcaption', { class: 'dn-cmp-caption' }, heatFigure);
  const curveFigure = htmlElement('figure', { class: 'dn-cmp-panel', 'data-panel': 'curves' }, panels);
  const curves = createLogPlot(curveFigure, { ...CURVES, xLabel: 'epoch (log)', xLog: true });
  const curveCaption = htmlElement('figcaption', { class: 'dn-cmp-caption' }, curveFigure);
  curveCaption.textContent =
    'Loss per epoch, training (solid) and validation (dotted); accuracy, 0 to 1 (dashed). Epochs on a log axis.';

  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const epochOut = htmlElement('span', { 'data-epoch': '0', 'data-role': 'epoch' }, status);
  const metricsOut = htmlElement('span', { 'data-role': 'metrics' }, status);
  const regionsOut = htmlElement('span', { 'data-role': 'regions-text' }, status);
  const regionsEl = htmlElement('span', { 'data-regions': '' }, regionsOut);
  const readouts = htmlElement('dl', { class: 'dn-readouts', 'data-role': 'readouts' }, root);
  root.insertBefore(readouts, status);

  const toolbar = createToolbar(root, {
    name: 'playground',
    svg: () => {
      const l = view.layout;
      return figureSvg(root, [
        {
          svg: view.heat.svg,
          images: [{ canvas: view.canvas, x: l.left, y: l.top, width: l.plotWidth, height: l.plotHeight }],
        },
        { svg: curves.svg },
      ]);
    },
    link: () => window.location.href,
  });

  const view: PlaygroundView = {
    root,
    panels,
    datasetSelect,
    activationSelect,
    optimizerSelect,
    hiddenInput,
    rateSelect,
    hiddenError,
    stopSelect,
    stopInput,
    validationSelect,
    trainButton,
    pauseButton,
    resetButton,
    frame,
    canvas,
    heat,
    layout,
    heatCaption,
    curves,
    readouts,
    epochOut,
    metricsOut,
    regionsEl,
    toolbar,
  };
  return view;
}

/** A canvas under an x1-x2 plot of `layout`, in `frame`; both scale together with the frame. */
function mapFrame(frame: HTMLElement, layout: MapLayout): { canvas: HTMLCanvasElement; heat: Plot } {
  const canvas = htmlElement('canvas', { 'aria-hidden': 'true' }, frame);
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  Object.assign(canvas.style, {
    left: pct(layout.left, layout.width),
    top: pct(layout.top, layout.height),
    width: pct(layout.plotWidth, layout.width),
    height: pct(layout.plotHeight, layout.height),
  });
  const heat = createPlot(frame, { width: layout.width, height: layout.height, xLabel: 'x₁', yLabel: 'x₂' });
  return { canvas, heat };
}

/**
 * Shapes the decision map for the data's `box` (equal units on both axes, see `mapLayout`) and
 * returns the box it draws.
 */
export function shapeMap(view: PlaygroundView, box: MapLayout['box']): MapLayout['box'] {
  setMapLayout(view, mapLayout(box));
  return view.layout.box;
}

/** Rebuilds the decision map for `layout` when its shape differs from the one drawn. */
function setMapLayout(view: PlaygroundView, layout: MapLayout): void {
  const old = view.layout;
  view.layout = layout;
  if (old.plotHeight === layout.plotHeight && old.plotWidth === layout.plotWidth) return;
  view.canvas.remove();
  view.heat.svg.remove();
  const { canvas, heat } = mapFrame(view.frame, layout);
  view.canvas = canvas;
  view.heat = heat;
}

/** At most this many heat-map pixels per side. */
const MAX_PIXELS = 128;

/** Calls `onPixels` with the heat map's resolution (CSS width x device pixel ratio, 16..128) on resize. */
export function observeResolution(view: PlaygroundView, onPixels: (pixels: number) => void): () => void {
  return observeWidth(view.frame, (width) => {
    const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    const share = view.layout.plotWidth / view.layout.width;
    onPixels(Math.max(16, Math.min(MAX_PIXELS, Math.round(width * share * dpr))));
  });
}
