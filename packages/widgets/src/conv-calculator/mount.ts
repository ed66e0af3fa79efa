/**
 * Widget `conv-calculator`: why large structured inputs want deep networks. For an image of
 * H x W pixels with C channels it counts the parameters of one fully connected layer (every unit
 * reads every pixel) against one convolutional layer (a k x k kernel, local and shared across the
 * image), and how many stacked convolutions it takes before a unit sees the whole image.
 */
import { formatBig, shortBig } from '../depth-kit/bigint.ts';
import { intField, select } from '../depth-kit/controls.ts';
import { createLogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState, type UrlSchema } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import { convParameters, denseParameters, layersToSee, receptiveField } from './receptive.ts';

export interface ConvCalculatorOptions {
  height: number;
  width: number;
  channels: number;
  /** Units of the fully connected layer (default: one per pixel). */
  units?: number;
  kernel: number;
  outChannels: number;
  stride: number;
  urlPrefix?: string;
}

export interface ConvCalculatorState {
  pixels: number;
  inputs: number;
  units: number;
  dense: number;
  conv: number;
  /** Fewest stacked convolutions after which some unit sees every pixel. */
  layers: number;
}

const SCHEMA: UrlSchema = {
  h: { type: 'integer', min: 1, max: 20000 },
  w: { type: 'integer', min: 1, max: 20000 },
  c: { type: 'integer', min: 1, max: 64 },
  u: { type: 'integer', min: 1, max: 1e9 },
  k: { type: 'choice', values: ['3', '5', '7'] },
  co: { type: 'integer', min: 1, max: 1024 },
  s: { type: 'choice', values: ['1', '2'] },
};

export function mountConvCalculator(
  element: HTMLElement,
  initial: Partial<ConvCalculatorOptions> = {},
): WidgetHandle<ConvCalculatorOptions, ConvCalculatorState> {
  let options: ConvCalculatorOptions = {
    height: 1000,
    width: 1000,
    channels: 1,
    kernel: 3,
    outChannels: 1,
    stride: 1,
    ...initial,
  };
  const store = createStore<ConvCalculatorState | undefined>(undefined);
  const root = htmlElement('div', { class: 'dn-widget dn-conv', 'data-widget': 'conv-calculator' }, element);
  const form = htmlElement('fieldset', { class: 'dn-depth-form' }, root);
  htmlElement('legend', {}, form).textContent = 'Image and layers';
  const toolbarSlot = htmlElement('div', {}, root);
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values } = readUrlState(options.urlPrefix, SCHEMA, window.location.search);
    const v = values as Record<string, number | string>;
    options = {
      ...options,
      ...(v.h === undefined ? {} : { height: Number(v.h) }),
      ...(v.w === undefined ? {} : { width: Number(v.w) }),
      ...(v.c === undefined ? {} : { channels: Number(v.c) }),
      ...(v.u === undefined ? {} : { units: Number(v.u) }),
      ...(v.k === undefined ? {} : { kernel: Number(v.k) }),
      ...(v.co === undefined ? {} : { outChannels: Number(v.co) }),
      ...(v.s === undefined ? {} : { stride: Number(v.s) }),
    };
  }
  const fields = {
    h: intField(form, { key: 'h', label: 'height', min: 1, max: 20000, value: options.height }),
    w: intField(form, { key: 'w', label: 'width', min: 1, max: 20000, value: options.width }),
    c: intField(form, { key: 'c', label: 'channels C', min: 1, max: 64, value: options.channels }),
    u: intField(form, {
      key: 'u',
      label: 'dense units',
      min: 1,
      max: 1e9,
      value: options.units ?? options.height * options.width,
    }),
    co: intField(form, {
      key: 'co',
      label: 'conv. output channels',
      min: 1,
      max: 1024,
      value: options.outChannels,
    }),
  };
  const kernel = select(
    form,
    {
      key: 'k',
      label: 'kernel',
      value: String(options.kernel),
      options: ['3', '5', '7'].map((v) => ({ value: v, text: `${v} × ${v}` })),
    },
    () => changed(),
  );
  const stride = select(
    form,
    {
      key: 's',
      label: 'stride',
      value: String(options.stride),
      options: [
        { value: '1', text: '1' },
        { value: '2', text: '2 (downsample)' },
      ],
    },
    () => changed(),
  );
  for (const f of Object.values(fields)) f.input.addEventListener('change', () => changed());

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
  const toolbar = createToolbar(toolbarSlot, {
    name: 'conv-calculator',
    svg: () => plot.svg,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  root.appendChild(toolbarSlot);
  if (options.urlPrefix && typeof window !== 'undefined') {
    toolbar.notify(readUrlState(options.urlPrefix, SCHEMA, window.location.search).notices);
  }

  function changed(): void {
    const units = fields.u.read();
    options = {
      ...options,
      height: fields.h.read(),
      width: fields.w.read(),
      channels: fields.c.read(),
      units,
      outChannels: fields.co.read(),
      kernel: Number(kernel.value),
      stride: Number(stride.value),
    };
    if (options.urlPrefix) {
      const o = options;
      replaceUrlState(o.urlPrefix as string, {
        h: o.height,
        w: o.width,
        c: o.channels,
        u: units,
        k: String(o.kernel),
        co: o.outChannels,
        s: String(o.stride),
      });
    }
    draw();
  }

  const bytes = (n: number) => {
    const b = 4 * n;
    const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
    const e = Math.min(units.length - 1, Math.floor(Math.log10(Math.max(1, b)) / 3));
    return `${(b / 1000 ** e).toPrecision(3)} ${units[e]}`;
  };

  function draw(): void {
    const { height: H, width: W, channels: C, kernel: k, outChannels: Co, stride: s } = options;
    const pixels = H * W;
    const inputs = pixels * C;
    const units = options.units ?? pixels;
    const dense = denseParameters(inputs, units);
    const conv = convParameters(k, C, Co);
    const layers = Math.max(layersToSee(H, k, s), layersToSee(W, k, s));
    body.replaceChildren();
    const row = (name: string, params: number, reads: string, key: string) => {
      const tr = htmlElement('tr', { 'data-layer': key }, body);
      htmlElement('th', { scope: 'row' }, tr).textContent = name;
      htmlElement('td', { 'data-parameters': params }, tr).textContent = formatBig(params);
      htmlElement('td', {}, tr).textContent = bytes(params);
      htmlElement('td', {}, tr).textContent = reads;
    };
    row(`fully connected, ${formatBig(units)} units`, dense, `all ${formatBig(inputs)} inputs`, 'dense');
    row(
      `convolution ${k} × ${k}, ${Co} channel${Co > 1 ? 's' : ''} (${formatBig(Math.ceil(H / s) * Math.ceil(W / s) * Co)} units)`,
      conv,
      `${k * k * C} inputs nearby`,
      'conv',
    );
    summary.replaceChildren();
    summary.append(
      `The fully connected layer has ${shortBig(Math.round(dense / conv))} times as many parameters. But one ${k} × ${k} convolution only sees a ${k} × ${k} patch: it takes `,
    );
    htmlElement('strong', { 'data-layers': layers }, summary).textContent = formatBig(layers);
    summary.append(
      ` stacked convolution${layers === 1 ? '' : 's'} (stride ${s}) before a unit sees the whole ${formatBig(H)} × ${formatBig(W)} image.`,
    );
    const maxL = Math.max(2, Math.min(layers * 1.15, 100_000));
    const side = Math.max(H, W);
    const ls = Array.from({ length: 200 }, (_, i) => (i / 199) * maxL);
    const rs = ls.map((l) => receptiveField(Math.floor(l), k, s));
    const scale = plot.frame(
      [0, maxL],
      [0, Math.max(1, Math.ceil(Math.log10(Math.max(side, rs.at(-1) ?? 1)) + 0.2))],
    );
    plot.curves.replaceChildren();
    plot.points.replaceChildren();
    svgElement(
      'path',
      {
        d: polylinePath(
          ls.map(scale.x),
          rs.map((r) => scale.y(Math.log10(Math.min(r, side * 10)))),
        ),
        fill: 'none',
        style: `stroke: ${unitColor(0)}`,
        class: 'dn-curve',
        'data-role': 'field',
      },
      plot.curves,
    );
    svgElement(
      'line',
      {
        x1: scale.x(0),
        x2: scale.x(maxL),
        y1: scale.y(Math.log10(side)),
        y2: scale.y(Math.log10(side)),
        class: 'dn-joint-line',
        style: `stroke: ${unitColor(1)}`,
      },
      plot.curves,
    );
    svgElement(
      'text',
      {
        x: scale.x(0) + 6,
        y: scale.y(Math.log10(side)) - 6,
        class: 'dn-tick',
        style: `fill: ${unitColor(1)}`,
      },
      plot.curves,
    ).textContent = `image side ${formatBig(side)} px`;
    svgElement(
      'circle',
      {
        cx: scale.x(layers),
        cy: scale.y(Math.log10(Math.min(receptiveField(layers, k, s), side * 10))),
        r: 5,
        fill: unitColor(0),
        'data-role': 'layers',
      },
      plot.points,
    );
    plot.setTitle(
      `Receptive field of stacked ${k} x ${k} convolutions with stride ${s}: the whole image after ${layers} layers.`,
    );
    store.set({ pixels, inputs, units, dense, conv, layers });
  }

  draw();

  return {
    update(partial) {
      options = { ...options, ...partial };
      fields.h.input.value = String(options.height);
      fields.w.input.value = String(options.width);
      fields.c.input.value = String(options.channels);
      fields.u.input.value = String(options.units ?? options.height * options.width);
      fields.co.input.value = String(options.outChannels);
      kernel.value = String(options.kernel);
      stride.value = String(options.stride);
      draw();
    },
    destroy() {
      store.clear();
      root.remove();
    },
    subscribe(listener) {
      return store.subscribe((s) => {
        if (s) listener(s);
      });
    },
  };
}
