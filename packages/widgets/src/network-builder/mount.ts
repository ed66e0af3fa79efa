/**
 * Widget `network-builder`: choose the hyper-parameters K (hidden layers) and D_k (units per
 * layer) and see the network diagram, the parameter count, what is known about the maximum number
 * of linear regions (exact, reached by a construction, proven upper bound), and
 * a seeded random network of that shape with its exact linear regions, for a 1-D input (the
 * function on [-1, 1] with its breakpoints) or a 2-D input (the polygons on [-1, 1]^2).
 *
 * Region enumeration goes through injected `regions1d` / `regions2d` (the docs pass the worker's,
 * with a fallback to the local call); sizes are capped (`limits`) with a visible notice.
 */
import type { Network } from '@deepnets/core';
import type { Regions1D, Regions2D } from '@deepnets/regions';
import { linearPieces1d } from '@deepnets/regions';
import { linearRegionsWord } from '../composition/analysis.ts';
import { appendRegionSummary } from '../depth-kit/region-summary-view.ts';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { createNetworkDiagram } from '../kit/network-diagram.ts';
import { drawBands, drawPolyline, extentOf } from '../kit/piecewise-draw.ts';
import { createPlot } from '../kit/plot.ts';
import {
  localRegions1d,
  localRegions2d,
  type Regions1DSource,
  type Regions2DSource,
  regions1dWithFallback,
  regions2dWithFallback,
} from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState, type UrlSchema } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { type BuilderAction, createBuilderControls } from './controls.ts';
import {
  type BuilderLimits,
  clampWidths,
  DEFAULT_LIMITS,
  type ShapeBound,
  sampleNetwork,
  shapeBound,
  shapeParameters,
} from './shape.ts';

export interface NetworkBuilderOptions {
  inputs: 1 | 2;
  /** Hidden widths D_1..D_K. */
  widths: number[];
  seed: number;
  limits: BuilderLimits;
  /** Networks with at most this many hidden units are enumerated locally (faster than a round trip). */
  localUpTo: number;
  /** Exact regions of bigger networks (the docs pass the worker's); local by default. */
  regions1d: Regions1DSource;
  regions2d: Regions2DSource;
  urlPrefix?: string;
}

export interface NetworkBuilderState {
  inputs: 1 | 2;
  widths: number[];
  seed: number;
  network: Network;
  parameters: number;
  bound: ShapeBound;
  /** Exact linear regions on [-1, 1] or [-1, 1]^2; undefined when the 2-D drawing is capped. */
  linearRegions: number | undefined;
  ms: number;
}

const DOMAIN: [number, number] = [-1, 1];
const BOX: [number, number, number, number] = [-1, 1, -1, 1];
const MAX_WIDTHS_IN_URL = 8;

function urlSchema(limits: BuilderLimits): UrlSchema {
  return {
    inputs: { type: 'integer', min: 1, max: 2 },
    seed: { type: 'integer', min: 0, max: 2 ** 31 },
    ...Object.fromEntries(
      Array.from({ length: Math.max(limits.layers, MAX_WIDTHS_IN_URL) }, (_, k) => [
        `D${k + 1}`,
        { type: 'integer', min: 1, max: limits.width },
      ]),
    ),
  };
}

const regionColor = (n: number) => `hsl(${(n * 137.508) % 360} 60% 62%)`;

export function mountNetworkBuilder(
  element: HTMLElement,
  initial: Partial<NetworkBuilderOptions> = {},
): WidgetHandle<NetworkBuilderOptions, NetworkBuilderState> {
  let options: NetworkBuilderOptions = {
    inputs: 1,
    widths: [4, 4, 4],
    seed: 1,
    limits: DEFAULT_LIMITS,
    localUpTo: 24,
    regions1d: localRegions1d,
    regions2d: localRegions2d,
    ...initial,
  };
  const store = createStore<NetworkBuilderState | undefined>(undefined);
  let request = 0;
  let destroyed = false;

  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-builder', 'data-widget': 'network-builder' },
    element,
  );
  const controls = createBuilderControls(root, (action) => apply(action));
  const notice = htmlElement(
    'p',
    { class: 'dn-notice', role: 'status', 'data-role': 'limit', hidden: 'hidden' },
    root,
  );
  const summary = htmlElement('p', { class: 'dn-summary', 'aria-live': 'polite' }, root);
  const figures = htmlElement('div', { class: 'dn-builder-figures' }, root);
  const diagram = createNetworkDiagram(figures, { width: 420, height: 300, edgeLimit: 0 });
  diagram.svg.setAttribute('tabindex', '0');
  diagram.svg.setAttribute(
    'aria-label',
    'Network diagram. Keys: arrow left or right select a layer, arrow up or down change its width, plus adds a layer, minus removes one.',
  );
  const plot1d = createPlot(figures, { width: 420, height: 300, xLabel: 'x', yLabel: 'y' });
  const plot2d = createPlot(figures, { width: 300, height: 300, xLabel: 'x₁', yLabel: 'x₂' });
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const toolbar = createToolbar(root, {
    name: 'network-builder',
    svg: () => (options.inputs === 1 ? plot1d.svg : plot2d.svg),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  let selected = 0;

  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(
      options.urlPrefix,
      urlSchema(options.limits),
      window.location.search,
    );
    const widths: number[] = [];
    for (let k = 1; values[`D${k}`] !== undefined; k++) widths.push(values[`D${k}`] as number);
    options = {
      ...options,
      ...(widths.length ? { widths } : {}),
      ...(values.inputs !== undefined ? { inputs: values.inputs as 1 | 2 } : {}),
      ...(values.seed !== undefined ? { seed: values.seed as number } : {}),
    };
    toolbar.notify(notices);
  }

  function say(text: string): void {
    notice.textContent = text;
    notice.hidden = text === '';
  }

  function apply(action: BuilderAction): void {
    const { limits } = options;
    let widths = [...options.widths];
    say('');
    switch (action.type) {
      case 'inputs':
        options = { ...options, inputs: action.inputs };
        break;
      case 'sample':
        options = { ...options, seed: options.seed + 1 };
        break;
      case 'add-layer':
        if (widths.length >= limits.layers) say(`At most ${limits.layers} hidden layers here.`);
        else widths.splice(selected + 1, 0, widths[selected] ?? 1);
        break;
      case 'remove-layer':
        if (widths.length <= 1) say('A network needs at least one hidden layer.');
        else widths.splice(Math.min(selected, widths.length - 1), 1);
        break;
      case 'width':
        if (action.width > limits.width) say(`At most ${limits.width} units per layer here.`);
        if (action.width < 1) say('A layer needs at least one unit.');
        widths[action.layer] = action.width;
        break;
    }
    widths = clampWidths(widths, limits);
    selected = Math.min(selected, widths.length - 1);
    options = { ...options, widths };
    if (options.urlPrefix) {
      const values: Record<string, number> = { inputs: options.inputs, seed: options.seed };
      widths.forEach((w, k) => {
        values[`D${k + 1}`] = w;
      });
      replaceUrlState(options.urlPrefix, values);
    }
    controls.sync(options, limits);
    void render();
  }

  diagram.svg.addEventListener('keydown', (event) => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => {
        selected = Math.max(0, selected - 1);
        markSelected();
      },
      ArrowRight: () => {
        selected = Math.min(options.widths.length - 1, selected + 1);
        markSelected();
      },
      ArrowUp: () => apply({ type: 'width', layer: selected, width: (options.widths[selected] ?? 1) + 1 }),
      ArrowDown: () => apply({ type: 'width', layer: selected, width: (options.widths[selected] ?? 1) - 1 }),
      '+': () => apply({ type: 'add-layer' }),
      '-': () => apply({ type: 'remove-layer' }),
      Insert: () => apply({ type: 'add-layer' }),
      Delete: () => apply({ type: 'remove-layer' }),
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  });

  function markSelected(): void {
    markSelectedQuietly();
    say(`Layer ${selected + 1} selected (${options.widths[selected]} units).`);
  }

  async function render(): Promise<void> {
    const id = ++request;
    const start = performance.now();
    const { inputs, widths, seed, limits } = options;
    const network = sampleNetwork(inputs, widths, seed);
    const parameters = shapeParameters(inputs, widths);
    const bound = shapeBound(inputs, widths);
    showSummary(inputs, widths, parameters, bound);
    diagram.draw(network);
    markSelectedQuietly();
    plot1d.svg.style.display = inputs === 1 ? '' : 'none';
    plot2d.svg.style.display = inputs === 2 ? '' : 'none';
    let linearRegions: number | undefined;
    let activationRegions = 0;
    const units = widths.reduce((a, b) => a + b, 0);
    if (inputs === 1) {
      const source = units <= options.localUpTo ? localRegions1d : options.regions1d;
      const r = await regions1dWithFallback(source, network, { domain: DOMAIN });
      if (destroyed || id !== request) return;
      draw1d(r);
      linearRegions = r.linearRegions;
      activationRegions = r.activationRegions;
    } else if (units <= limits.units2d) {
      const source = units <= options.localUpTo ? localRegions2d : options.regions2d;
      const r = await regions2dWithFallback(source, network, { box: BOX });
      if (destroyed || id !== request) return;
      draw2d(r);
      linearRegions = r.linearRegions;
      activationRegions = r.activationRegions;
    } else {
      plot2d.regions.replaceChildren();
      plot2d.curves.replaceChildren();
      status.textContent = `The 2-D drawing is limited to ${limits.units2d} hidden units in total (this network has ${units}); remove units or switch to a 1-D input.`;
    }
    if (linearRegions !== undefined) showCount(inputs, linearRegions, activationRegions, bound);
    const ms = performance.now() - start;
    root.dataset.ms = ms.toFixed(2);
    store.set({ inputs, widths, seed, network, parameters, bound, linearRegions, ms });
  }

  function markSelectedQuietly(): void {
    for (const [c, label] of diagram.svg.querySelectorAll('text.dn-label').entries()) {
      label.classList.toggle('dn-selected', c === selected + 1);
    }
  }

  function showSummary(inputs: number, widths: number[], parameters: number, bound: ShapeBound): void {
    summary.replaceChildren(
      `K = ${widths.length} hidden layer${widths.length === 1 ? '' : 's'} of widths ${widths.join(', ')}, Dᵢ = ${inputs}, one output: `,
    );
    htmlElement('strong', { 'data-parameters': parameters }, summary).textContent =
      `${parameters} parameters`;
    summary.append('. ');
    appendRegionSummary(summary, bound);
  }

  function showCount(inputs: number, count: number, activation: number, bound: ShapeBound): void {
    status.replaceChildren(`This random network has `);
    htmlElement('strong', { 'data-regions': count }, status).textContent = String(count);
    const pieces = inputs === 1 ? 'intervals' : 'polygons (thin lines)';
    // A share only against a proven maximum, never against a bound.
    const against = bound.exact
      ? `, ${((Number(count) / Number(bound.upper.value)) * 100).toPrecision(2)}% of the exact maximum over the whole input space`
      : '';
    status.append(
      ` ${linearRegionsWord(count)} on ${inputs === 1 ? '[−1, 1]' : '[−1, 1]², one colour each'}${against}`,
      activation > count
        ? `; its ${activation} activation ${pieces} merge into them where a whole layer is off or slopes agree.`
        : '.',
    );
    const svg = inputs === 1 ? plot1d : plot2d;
    svg.setTitle(`A random ${[inputs, ...options.widths, 1].join('-')} network: ${status.textContent}`);
  }

  function draw1d(r: Regions1D): void {
    const xs = Array.from(r.edges);
    const ys = xs.map((x, p) => {
      const q = Math.min(p, r.activationRegions - 1);
      return (r.slopes[q] as number) * x + (r.intercepts[q] as number);
    });
    const scale = plot1d.frame(DOMAIN, extentOf([ys]));
    plot1d.regions.replaceChildren();
    plot1d.curves.replaceChildren();
    plot1d.points.replaceChildren();
    drawBands(plot1d.regions, linearPieces1d(r), scale);
    drawPolyline(plot1d.curves, xs, ys, scale, { 'data-role': 'curve' });
    for (const x of r.breakpoints) {
      const p = xs.indexOf(x);
      svgElement(
        'circle',
        { cx: scale.x(x), cy: scale.y(ys[p] ?? 0), r: 3, class: 'dn-breakpoint', 'data-role': 'joint' },
        plot1d.points,
      );
    }
  }

  function draw2d(r: Regions2D): void {
    const scale = plot2d.frame([BOX[0], BOX[1]], [BOX[2], BOX[3]]);
    plot2d.regions.replaceChildren();
    plot2d.curves.replaceChildren();
    r.polygons.forEach((polygon, n) => {
      const v = polygon.vertices;
      let points = '';
      for (let i = 0; i < v.length; i += 2)
        points += `${scale.x(v[i] as number).toFixed(2)},${scale.y(v[i + 1] as number).toFixed(2)} `;
      svgElement(
        'polygon',
        {
          points,
          fill: regionColor(r.linearRegionOf[n] as number),
          class: 'dn-region-polygon',
          'data-role': 'region',
        },
        plot2d.regions,
      );
    });
  }

  controls.sync(options, options.limits);
  void render();

  return createHandle(root, store, {
    update(partial) {
      options = {
        ...options,
        ...partial,
        widths: clampWidths(partial.widths ?? options.widths, partial.limits ?? options.limits),
      };
      controls.sync(options, options.limits);
      void render();
    },
    cleanup() {
      destroyed = true;
    },
  });
}
