/**
 * Widget `layer-panels`: the book's Figure 4.5 made live for a 1-3-3-1 network. Rows, top to
 * bottom: the first-layer units h_d; the second layer's pre-activations psi_i0 + sum_j psi_ij h_j
 * (piecewise linear, joints where the h_d switch); their clipped versions h'_i (new joints where
 * they cross zero); the weighted terms phi'_i h'_i and the output y' with its linear regions
 * counted exactly (`@deepnets/regions`, through an injectable `regions1d`).
 */
import { linearPieces1d, type Regions1D } from '@deepnets/regions';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { createPanelGrid } from '../kit/panel-grid.ts';
import { drawBands, drawPolyline, drawVerticals, extentOf, unitColor } from '../kit/piecewise-draw.ts';
import type { Plot } from '../kit/plot.ts';
import { localRegions1d, type Regions1DSource, regions1dWithFallback } from '../kit/regions-source.ts';
import { subscript as sub } from '../kit/slider.ts';
import { createSliderGroups } from '../kit/slider-groups.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  DEFAULT_LAYER_PANELS,
  layerPanelsNetwork,
  layerPanelsSpecs,
  layerPanelsUrlSchema,
  type ParameterRecord,
  randomLayerPanels,
} from './params.ts';
import { type PanelsTrace, tracePanels } from './trace.ts';

export interface LayerPanelsOptions {
  /** The 22 parameters keyed `theta.d.j`, `psi.i.j`, `phi.j`. */
  params: ParameterRecord;
  /** Input interval, [0, 1] as in the book. */
  domain: [number, number];
  /** Exact regions of the network (default: `@deepnets/regions` on the main thread). */
  regions1d: Regions1DSource;
  /** Query-parameter prefix for URL state; none when absent. */
  urlPrefix?: string;
  /** Seed of the next "Random" press. */
  seed: number;
}

export interface LayerPanelsState {
  params: ParameterRecord;
  trace: PanelsTrace;
  regions: Regions1D;
  /** Exact linear regions of y' on the domain. */
  linearRegions: number;
  /** Milliseconds from the change to the finished drawing. */
  ms: number;
}

export function mountLayerPanels(
  element: HTMLElement,
  initial: Partial<LayerPanelsOptions> = {},
): WidgetHandle<LayerPanelsOptions, LayerPanelsState> {
  let options: LayerPanelsOptions = {
    params: { ...DEFAULT_LAYER_PANELS },
    domain: [0, 1],
    regions1d: localRegions1d,
    seed: 1,
    ...initial,
  };
  const store = createStore<LayerPanelsState | undefined>(undefined);
  let request = 0;
  let destroyed = false;

  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-layer-panels', 'data-widget': 'layer-panels' },
    element,
  );
  const grid = createPanelGrid(root, { rows: 4, columns: 3 });
  const rows: Plot[][] = [
    [1, 2, 3].map((d, c) => grid.panel(0, c, `h${sub(d)} = a[θ${sub(d)}₀ + θ${sub(d)}₁x]`)),
    [1, 2, 3].map((i, c) => grid.panel(1, c, `ψ${sub(i)}₀ + Σⱼ ψ${sub(i)}ⱼ hⱼ`)),
    [1, 2, 3].map((i, c) => grid.panel(2, c, `h′${sub(i)} = a[ψ${sub(i)}₀ + Σⱼ ψ${sub(i)}ⱼ hⱼ]`)),
    [grid.panel(3, 0, 'φ′ᵢ h′ᵢ'), grid.panel(3, 1, 'y′ = φ′₀ + Σᵢ φ′ᵢ h′ᵢ', { span: 2, xLabel: 'x' })],
  ];
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const controls = htmlElement('details', { class: 'dn-details', open: 'open' }, root);
  htmlElement('summary', {}, controls).textContent = 'All 22 parameters';
  const buttons = htmlElement('div', { class: 'dn-row' }, controls);
  const randomButton = htmlElement(
    'button',
    { type: 'button', class: 'dn-button', 'data-action': 'random' },
    buttons,
  );
  randomButton.textContent = 'Random';
  const resetButton = htmlElement(
    'button',
    { type: 'button', class: 'dn-button', 'data-action': 'reset' },
    buttons,
  );
  resetButton.textContent = 'Reset';
  const toolbar = createToolbar(root, {
    name: 'layer-panels',
    svg: () => grid.svg,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });

  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(
      options.urlPrefix,
      layerPanelsUrlSchema(),
      window.location.search,
    );
    const { seed, ...params } = values as Record<string, number>;
    options = {
      ...options,
      params: { ...options.params, ...params },
      ...(seed !== undefined ? { seed } : {}),
    };
    toolbar.notify(notices);
  }
  const writeUrl = () => {
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, { ...options.params, seed: options.seed });
  };

  const sliders = createSliderGroups(controls, layerPanelsSpecs(), (key, value) => {
    options = { ...options, params: { ...options.params, [key]: value } };
    writeUrl();
    void render();
  });
  const syncSliders = () => sliders.sync(options.params);
  randomButton.addEventListener('click', () => {
    options = { ...options, params: randomLayerPanels(options.seed), seed: options.seed + 1 };
    syncSliders();
    writeUrl();
    void render();
  });
  resetButton.addEventListener('click', () => {
    options = { ...options, params: { ...DEFAULT_LAYER_PANELS } };
    syncSliders();
    writeUrl();
    void render();
  });

  async function render(): Promise<void> {
    const id = ++request;
    const start = performance.now();
    const params = options.params;
    const net = layerPanelsNetwork(params);
    const regions = await regions1dWithFallback(options.regions1d, net, { domain: options.domain });
    if (destroyed || id !== request) return;
    const trace = tracePanels(net, regions);
    draw(trace, regions);
    const ms = performance.now() - start;
    root.dataset.ms = ms.toFixed(2);
    store.set({ params, trace, regions, linearRegions: regions.linearRegions, ms });
  }

  function draw(trace: PanelsTrace, regions: Regions1D): void {
    const { xs, joints } = trace;
    const first = joints.filter((j) => j.layer === 1);
    const second = joints.filter((j) => j.layer === 2);
    const series = [trace.h1, trace.z2, trace.h2];
    series.forEach((units, r) => {
      const yDomain = extentOf(units);
      units.forEach((ys, u) => {
        const plot = rows[r]?.[u] as Plot;
        const scale = plot.frame(options.domain, yDomain);
        plot.regions.replaceChildren();
        plot.curves.replaceChildren();
        if (r > 0)
          svgElement(
            'line',
            {
              x1: scale.x(options.domain[0]),
              x2: scale.x(options.domain[1]),
              y1: scale.y(0),
              y2: scale.y(0),
              class: 'dn-zero',
            },
            plot.regions,
          );
        drawVerticals(
          plot.regions,
          first.map((j) => j.x),
          scale,
          (n) => ({ stroke: unitColor(first[n]!.unit), 'data-layer': 1 }),
        );
        if (r === 2) {
          const own = second.filter((j) => j.unit === u);
          drawVerticals(
            plot.regions,
            own.map((j) => j.x),
            scale,
            () => ({ stroke: unitColor(u + 3), 'data-layer': 2, 'stroke-dasharray': '2 3' }),
          );
        }
        drawPolyline(plot.curves, xs, ys, scale, {
          stroke: unitColor(r === 0 ? u : u + 3),
          'data-role': `curve-${r}-${u}`,
        });
      });
    });
    const [termsPlot, outputPlot] = rows[3] as [Plot, Plot];
    const termsScale = termsPlot.frame(options.domain, extentOf(trace.weighted));
    termsPlot.curves.replaceChildren();
    termsPlot.regions.replaceChildren();
    trace.weighted.forEach((ys, u) => {
      drawPolyline(termsPlot.curves, xs, ys, termsScale, {
        stroke: unitColor(u + 3),
        'data-role': `term-${u}`,
      });
    });
    const scale = outputPlot.frame(options.domain, extentOf([trace.y]));
    outputPlot.regions.replaceChildren();
    outputPlot.curves.replaceChildren();
    outputPlot.points.replaceChildren();
    drawBands(outputPlot.regions, linearPieces1d(regions), scale);
    drawPolyline(outputPlot.curves, xs, trace.y, scale, { 'data-role': 'curve' });
    for (const j of joints) {
      const at = xs.indexOf(j.x);
      svgElement(
        'circle',
        {
          cx: scale.x(j.x),
          cy: scale.y(trace.y[at] ?? 0),
          r: 4,
          fill: unitColor(j.layer === 1 ? j.unit : j.unit + 3),
          'data-role': 'joint',
          'data-layer': j.layer,
        },
        outputPlot.points,
      );
    }
    const n = regions.linearRegions;
    status.replaceChildren(
      `${first.length} joint${first.length === 1 ? '' : 's'} from the first layer (solid lines), ${second.length} new from clipping the second layer (dotted). The output has `,
    );
    const count = htmlElement('strong', { 'data-regions': n }, status);
    count.textContent = String(n);
    status.append(` linear region${n === 1 ? '' : 's'} on [${options.domain.join(', ')}].`);
    grid.setTitle(
      `Figure 4.5 live: first-layer units, second-layer pre-activations, clipped units and output of a 1-3-3-1 network. ${status.textContent}`,
    );
  }

  syncSliders();
  void render();

  return createHandle(root, store, {
    update(partial) {
      options = { ...options, ...partial };
      syncSliders();
      void render();
    },
    cleanup() {
      destroyed = true;
    },
  });
}
