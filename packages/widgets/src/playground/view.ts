/**
 * The playground's DOM: the settings row, the buttons, the decision map over its canvas, the loss
 * and accuracy chart, the status line and the toolbar. Built once; `draw.ts` paints state into it.
 */
import { htmlElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { canvasUnderPlot, type HeatView, observeWidth } from '../kit/heatmap.ts';
import { createPlot, type Plot } from '../kit/plot.ts';
import { createToolbar, type Toolbar } from '../kit/toolbar.ts';
import type { MenuItem } from './menus.ts';
import { LEARNING_RATES } from './state.ts';

/** The plot area inside the square viewBox (createPlot's margins). */
export const VIEW: HeatView = { width: 320, height: 306, left: 44, top: 12, size: 260 };

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
  trainButton: HTMLButtonElement;
  pauseButton: HTMLButtonElement;
  resetButton: HTMLButtonElement;
  /** The element whose width sets the heat map's resolution. */
  frame: HTMLElement;
  canvas: HTMLCanvasElement;
  heat: Plot;
  heatCaption: HTMLElement;
  curves: Plot;
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
  const { canvas, plot: heat } = canvasUnderPlot(frame, VIEW);
  const heatCaption = htmlElement('figcaption', { class: 'dn-cmp-caption' }, heatFigure);
  const curveFigure = htmlElement('figure', { class: 'dn-cmp-panel', 'data-panel': 'curves' }, panels);
  const curves = createPlot(curveFigure, { width: VIEW.width, height: VIEW.height, xLabel: 'epoch' });
  const curveCaption = htmlElement('figcaption', { class: 'dn-cmp-caption' }, curveFigure);
  curveCaption.textContent = 'Training loss (solid) and accuracy (dashed, 0 to 1) per epoch.';

  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const epochOut = htmlElement('span', { 'data-epoch': '0', 'data-role': 'epoch' }, status);
  const metricsOut = htmlElement('span', { 'data-role': 'metrics' }, status);
  const regionsOut = htmlElement('span', { 'data-role': 'regions-text' }, status);
  const regionsEl = htmlElement('span', { 'data-regions': '' }, regionsOut);

  const toolbar = createToolbar(root, {
    name: 'playground',
    svg: () =>
      figureSvg(root, [
        {
          svg: heat.svg,
          images: [{ canvas, x: VIEW.left, y: VIEW.top, width: VIEW.size, height: VIEW.size }],
        },
        { svg: curves.svg },
      ]),
    link: () => window.location.href,
  });

  return {
    root,
    panels,
    datasetSelect,
    activationSelect,
    optimizerSelect,
    hiddenInput,
    rateSelect,
    hiddenError,
    trainButton,
    pauseButton,
    resetButton,
    frame,
    canvas,
    heat,
    heatCaption,
    curves,
    epochOut,
    metricsOut,
    regionsEl,
    toolbar,
  };
}

/** At most this many heat-map pixels per side. */
const MAX_PIXELS = 128;

/** Calls `onPixels` with the heat map's resolution (CSS width x device pixel ratio, 16..128) on resize. */
export function observeResolution(view: PlaygroundView, onPixels: (pixels: number) => void): () => void {
  return observeWidth(view.frame, (width) => {
    const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    onPixels(Math.max(16, Math.min(MAX_PIXELS, Math.round(((width * VIEW.size) / VIEW.width) * dpr))));
  });
}
