/**
 * Conv calculator, view: builds the form's fieldset, the table, the summary and the receptive-field
 * plot once, and draws a `ConvCalculatorState` into them. No state of its own, no URL.
 */
import { formatBig, shortBig } from '../depth-kit/bigint.ts';
import { createLogPlot, type LogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { receptiveField } from './receptive.ts';
import { type ConvCalculatorOptions, type ConvCalculatorState, fieldCurve, float32Bytes } from './state.ts';

export interface ConvView {
  root: HTMLElement;
  /** Where the mount puts the fields and selects. */
  form: HTMLFieldSetElement;
  /** Where the mount puts the toolbar (after the plot). */
  toolbarSlot: HTMLElement;
  plot: LogPlot;
  draw(state: ConvCalculatorState, options: ConvCalculatorOptions): void;
}

export function createConvView(element: HTMLElement): ConvView {
  const root = htmlElement('div', { class: 'dn-widget dn-conv', 'data-widget': 'conv-calculator' }, element);
  const form = htmlElement('fieldset', { class: 'dn-depth-form' }, root);
  htmlElement('legend', {}, form).textContent = 'Image and layers';
  const table = htmlElement('table', { class: 'dn-depth-table' }, root);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const h of ['layer', 'parameters', 'as float32', 'each unit reads'])
    htmlElement('th', { scope: 'col' }, head).textContent = h;
  const body = htmlElement('tbody', {}, table);
  const summary = htmlElement('p', { class: 'dn-summary', 'aria-live': 'polite' }, root);
  const plot = createLogPlot(root, {
    xLabel: 'convolution layers L',
    yLabel: 'receptive field (px)',
    yLog: true,
    height: 260,
    heading: 'a unit sees r × r pixels',
  });
  const toolbarSlot = htmlElement('div', {}, root);

  function drawTable(state: ConvCalculatorState, o: ConvCalculatorOptions): void {
    const { height: H, width: W, channels: C, kernel: k, outChannels: Co, stride: s } = o;
    body.replaceChildren();
    const row = (name: string, params: number, reads: string, key: string) => {
      const tr = htmlElement('tr', { 'data-layer': key }, body);
      htmlElement('th', { scope: 'row' }, tr).textContent = name;
      htmlElement('td', { 'data-parameters': params }, tr).textContent = formatBig(params);
      htmlElement('td', {}, tr).textContent = float32Bytes(params);
      htmlElement('td', {}, tr).textContent = reads;
    };
    row(
      `fully connected, ${formatBig(state.units)} units`,
      state.dense,
      `all ${formatBig(state.inputs)} inputs`,
      'dense',
    );
    row(
      `convolution ${k} × ${k}, ${Co} channel${Co > 1 ? 's' : ''} (${formatBig(Math.ceil(H / s) * Math.ceil(W / s) * Co)} units)`,
      state.conv,
      `${k * k * C} inputs nearby`,
      'conv',
    );
    const { layers } = state;
    summary.replaceChildren();
    summary.append(
      `The fully connected layer has ${shortBig(Math.round(state.dense / state.conv))} times as many parameters. But one ${k} × ${k} convolution only sees a ${k} × ${k} patch: it takes `,
    );
    htmlElement('strong', { 'data-layers': layers }, summary).textContent = formatBig(layers);
    summary.append(
      ` stacked convolution${layers === 1 ? '' : 's'} (stride ${s}) before a unit sees the whole ${formatBig(H)} × ${formatBig(W)} image.`,
    );
  }

  function drawPlot(state: ConvCalculatorState, o: ConvCalculatorOptions): void {
    const { layers } = state;
    const { maxL, side, ls, rs } = fieldCurve(o, layers);
    const scale = plot.frame(
      [0, maxL],
      [0, Math.max(1, Math.ceil(Math.log10(Math.max(side, rs.at(-1) ?? 1)) + 0.2))],
    );
    plot.curves.replaceChildren();
    plot.points.replaceChildren();
    const d = polylinePath(
      ls.map(scale.x),
      rs.map((r) => scale.y(Math.log10(Math.min(r, side * 10)))),
    );
    const style = (i: number, what = 'stroke') => `${what}: ${unitColor(i)}`;
    svgElement(
      'path',
      { d, fill: 'none', style: style(0), class: 'dn-curve', 'data-role': 'field' },
      plot.curves,
    );
    const sideY = scale.y(Math.log10(side));
    svgElement(
      'line',
      { x1: scale.x(0), x2: scale.x(maxL), y1: sideY, y2: sideY, class: 'dn-joint-line', style: style(1) },
      plot.curves,
    );
    svgElement(
      'text',
      { x: scale.x(0) + 6, y: sideY - 6, class: 'dn-tick', style: style(1, 'fill') },
      plot.curves,
    ).textContent = `image side ${formatBig(side)} px`;
    const cy = scale.y(Math.log10(Math.min(receptiveField(layers, o.kernel, o.stride), side * 10)));
    svgElement(
      'circle',
      { cx: scale.x(layers), cy, r: 5, fill: unitColor(0), 'data-role': 'layers' },
      plot.points,
    );
    plot.setTitle(
      `Receptive field of stacked ${o.kernel} x ${o.kernel} convolutions with stride ${o.stride}: the whole image after ${layers} layers.`,
    );
  }

  return {
    root,
    form,
    toolbarSlot,
    plot,
    draw(state, options) {
      drawTable(state, options);
      drawPlot(state, options);
    },
  };
}
