/**
 * Widget `sawtooth`: depth efficiency. K hidden layers of 2 units make a sawtooth with 2^K linear
 * regions on [0, 1] (regions' `sawtoothNetwork`, counted exactly); the shallow network equal to it
 * needs 2^K hidden units (built from the deep network's pieces, checked equal on a grid, counted
 * exactly too). The reader changes K and sees both counts, both sizes and both functions.
 */
import { evaluateBatch, parametersForWidths } from '@deepnets/core';
import { type Regions1D, sawtoothNetwork } from '@deepnets/regions';
import { formatBig } from '../depth-kit/bigint.ts';
import { intSlider } from '../depth-kit/controls.ts';
import { createLogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { createPlot } from '../kit/plot.ts';
import { type Regions1DSource, regions1dWithFallback } from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import { evaluateShallow1d, shallowFromPieces } from './shallow.ts';

/** Lets the browser paint and handle input between the stages of a large computation. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface SawtoothOptions {
  layers: number;
  regions1d?: Regions1DSource;
  urlPrefix?: string;
}

export interface SawtoothState {
  layers: number;
  deep: { units: number; parameters: number; regions: number };
  shallow: { units: number; parameters: number; regions: number };
  /** max |deep(x) - shallow(x)| on the drawing grid. */
  maxDifference: number;
}

const MAX_LAYERS = 12;

export function mountSawtooth(
  element: HTMLElement,
  initial: Partial<SawtoothOptions> = {},
): WidgetHandle<SawtoothOptions, SawtoothState> {
  let options: SawtoothOptions = { layers: 3, ...initial };
  const store = createStore<SawtoothState | undefined>(undefined);
  let request = 0;
  let destroyed = false;

  const root = htmlElement('div', { class: 'dn-widget dn-sawtooth', 'data-widget': 'sawtooth' }, element);
  const controls = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const slider = intSlider(
    controls,
    { key: 'k', label: 'layers K', min: 1, max: MAX_LAYERS, value: options.layers },
    (v) => {
      options = { ...options, layers: v };
      if (options.urlPrefix) replaceUrlState(options.urlPrefix, { k: v });
      void compute();
    },
  );
  const table = htmlElement('table', { class: 'dn-depth-table' }, root);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const h of ['network', 'hidden units', 'parameters', 'linear regions on [0, 1]']) {
    htmlElement('th', { scope: 'col' }, head).textContent = h;
  }
  const body = htmlElement('tbody', {}, table);
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const panels = htmlElement('div', { class: 'dn-depth-panels' }, root);
  const plot = createPlot(panels, { xLabel: 'x', yLabel: 'y', height: 280 });
  const sizes = createLogPlot(panels, {
    xLabel: 'layers K',
    yLabel: 'hidden units',
    yLog: true,
    height: 280,
    heading: 'units needed',
  });
  const toolbar = createToolbar(root, {
    name: 'sawtooth',
    svg: () => figureSvg(root, [{ svg: plot.svg }, { svg: sizes.svg }]),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(
      options.urlPrefix,
      { k: { type: 'integer', min: 1, max: MAX_LAYERS } },
      window.location.search,
    );
    if (typeof values.k === 'number') options = { ...options, layers: values.k };
    slider.set(options.layers);
    toolbar.notify(notices);
  }

  async function compute(): Promise<void> {
    const id = ++request;
    const K = options.layers;
    const deepNet = sawtoothNetwork({ layers: K, width: 2 });
    const deep: Regions1D = await regions1dWithFallback(options.regions1d, deepNet, { domain: [0, 1] });
    if (destroyed || id !== request) return;
    await yieldToPage();
    if (destroyed || id !== request) return;
    const shallowNet = shallowFromPieces(deep, 0);
    const shallow = await regions1dWithFallback(options.regions1d, shallowNet, { domain: [0, 1] });
    await yieldToPage();
    if (destroyed || id !== request) return;
    const n = 2048;
    const xs = Float64Array.from({ length: n + 1 }, (_, i) => i / n);
    const yd = evaluateBatch(deepNet, xs, xs.length);
    const ys = evaluateShallow1d(shallowNet, xs);
    let maxDifference = 0;
    for (let i = 0; i < xs.length; i++)
      maxDifference = Math.max(maxDifference, Math.abs((yd[i] as number) - (ys[i] as number)));
    const shallowUnits = shallowNet.layers[0]?.biases.length ?? 0;
    const state: SawtoothState = {
      layers: K,
      deep: {
        units: 2 * K,
        parameters: parametersForWidths([1, ...Array<number>(K).fill(2), 1]),
        regions: deep.linearRegions,
      },
      shallow: {
        units: shallowUnits,
        parameters: parametersForWidths([1, shallowUnits, 1]),
        regions: shallow.linearRegions,
      },
      maxDifference,
    };
    draw(state, xs, yd, ys);
  }

  function draw(state: SawtoothState, xs: Float64Array, yd: Float64Array, ys: Float64Array): void {
    body.replaceChildren();
    const rows = [
      ['deep', `${state.layers} layers × 2 units`, state.deep],
      ['shallow', '1 layer', state.shallow],
    ] as const;
    for (const [kind, label, n] of rows) {
      const row = htmlElement('tr', { 'data-network': kind }, body);
      htmlElement('th', { scope: 'row' }, row).textContent = `${kind} (${label})`;
      htmlElement('td', { 'data-units': n.units }, row).textContent = formatBig(n.units);
      htmlElement('td', { 'data-parameters': n.parameters }, row).textContent = formatBig(n.parameters);
      const cell = htmlElement('td', {}, row);
      htmlElement('span', { 'data-regions': n.regions }, cell).textContent = formatBig(n.regions);
    }
    status.textContent = `Both compute the same sawtooth with ${formatBig(state.deep.regions)} linear pieces (largest difference on 2,049 points: ${state.maxDifference.toExponential(1)}). A shallow network with D units has at most D + 1 regions on a line, so no shallow network does it with fewer than ${formatBig(state.deep.regions - 1)} units.`;
    const scale = plot.frame([0, 1], [-0.08, 1.08]);
    plot.curves.replaceChildren();
    svgElement(
      'path',
      {
        d: polylinePath(Array.from(xs, scale.x), Array.from(yd, scale.y)),
        fill: 'none',
        class: 'dn-curve',
        style: `stroke: ${unitColor(0)}`,
        'data-role': 'deep',
      },
      plot.curves,
    );
    svgElement(
      'path',
      {
        d: polylinePath(Array.from(xs, scale.x), Array.from(ys, scale.y)),
        fill: 'none',
        class: 'dn-curve dn-depth-dashed',
        style: `stroke: ${unitColor(1)}`,
        'data-role': 'shallow',
      },
      plot.curves,
    );
    plot.setTitle(
      `Sawtooth from ${state.layers} layers of 2 units (solid) and the equal shallow network with ${state.shallow.units} units (dashed).`,
    );
    const ks = Array.from({ length: MAX_LAYERS }, (_, i) => i + 1);
    const s = sizes.frame([0.5, MAX_LAYERS + 0.5], [0, Math.ceil(Math.log10(2 ** MAX_LAYERS))]);
    sizes.curves.replaceChildren();
    sizes.points.replaceChildren();
    const line = (f: (k: number) => number, color: string, text: string, y: number) => {
      svgElement(
        'path',
        {
          d: polylinePath(
            ks.map(s.x),
            ks.map((k) => s.y(Math.log10(f(k)))),
          ),
          fill: 'none',
          style: `stroke: ${color}`,
          class: 'dn-curve',
        },
        sizes.curves,
      );
      svgElement(
        'circle',
        { cx: s.x(state.layers), cy: s.y(Math.log10(f(state.layers))), r: 5, fill: color },
        sizes.points,
      );
      svgElement('text', { x: 62, y, class: 'dn-tick', style: `fill: ${color}` }, sizes.curves).textContent =
        text;
    };
    line((k) => 2 ** k, unitColor(1), 'shallow: 2ᴷ units', 40);
    line((k) => 2 * k, unitColor(0), 'deep: 2K units', 54);
    sizes.setTitle('Hidden units needed for the sawtooth: 2K deep against 2^K shallow.');
    root.dataset.regions = String(state.deep.regions);
    store.set(state);
  }

  void compute();

  return {
    update(partial) {
      options = { ...options, ...partial };
      slider.set(options.layers);
      void compute();
    },
    destroy() {
      destroyed = true;
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
