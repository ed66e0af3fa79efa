/**
 * Widget `construction-explorer`: the network with K hidden layers of D units whose function has
 * exactly (D + 1)^K linear regions on [0, 1] (a zig-zag with D + 1 teeth, composed K times; regions'
 * `maxRegionsNetwork`). The exact count (enumerated, `data-regions`) stands next to the exact
 * maximum (D + 1)^K; the reader zooms into the function (d3-zoom: wheel, drag, pinch; buttons; keys + -
 * arrows 0) to see the tiny regions. Beside it: random He networks of the same shapes, counted
 * exactly on [-1, 1], with a number of regions that grows about linearly with the hidden units.
 */
import { type Network, parametersForWidths } from '@deepnets/core';
import { maxRegionsNetwork, type Regions1D, udlMaxRegions } from '@deepnets/regions';
import { formatBig, shortBig } from '../depth-kit/bigint.ts';
import { button, intSlider } from '../depth-kit/controls.ts';
import { createLogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { createNetworkFileControls } from '../kit/network-file.ts';
import { drawBands } from '../kit/piecewise-draw.ts';
import { createPlot } from '../kit/plot.ts';
import { regions1dWithFallback } from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import { type DepthSample, sampleDepth } from './random.ts';
import {
  type ConstructionExplorerOptions,
  type ConstructionExplorerState,
  MAX_LAYERS,
  URL_SCHEMA,
} from './state.ts';
import { clampView, drawing, FULL, fmt, piecesInView, smallestView, type View, zoom } from './view.ts';
import { drawSide } from './view-side.ts';
import { attachZoomInput } from './zoom-input.ts';

export type { ConstructionExplorerOptions, ConstructionExplorerState } from './state.ts';

export function mountConstructionExplorer(
  element: HTMLElement,
  initial: Partial<ConstructionExplorerOptions> = {},
): WidgetHandle<ConstructionExplorerOptions, ConstructionExplorerState> {
  let options: ConstructionExplorerOptions = {
    layers: 3,
    width: 4,
    view: FULL,
    networks: 20,
    seed: 1,
    ...initial,
  };
  const store = createStore<ConstructionExplorerState | undefined>(undefined);
  let regions: Regions1D | undefined;
  /** The construction whose regions are on show (what Export saves). */
  let shown: Network | undefined;
  let random: DepthSample[] = [];
  let request = 0;
  let destroyed = false;

  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-construction', 'data-widget': 'construction-explorer' },
    element,
  );
  const controls = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const kSlider = intSlider(
    controls,
    { key: 'k', label: 'layers K', min: 1, max: MAX_LAYERS, value: options.layers },
    (v) => {
      options = { ...options, layers: v, view: FULL };
      void compute();
    },
  );
  const dSlider = intSlider(
    controls,
    { key: 'd', label: 'units D', min: 3, max: 12, value: options.width },
    (v) => {
      options = { ...options, width: v, view: FULL };
      void compute();
    },
  );
  const summary = htmlElement('p', { class: 'dn-summary', 'aria-live': 'polite' }, root);
  const panels = htmlElement('div', { class: 'dn-depth-panels' }, root);
  const left = htmlElement('div', {}, panels);
  const plot = createPlot(left, { xLabel: 'x', yLabel: 'y', height: 300 });
  plot.svg.setAttribute('tabindex', '0');
  plot.svg.setAttribute('aria-label', 'The function; + and - zoom, arrow keys pan, 0 resets');
  plot.svg.classList.add('dn-zoomable');
  const zoomInput = attachZoomInput(plot.svg, {
    view: () => options.view,
    preview(view) {
      options = { ...options, view };
      draw();
    },
    commit: setView,
    end: writeUrl,
  });
  const zoomRow = htmlElement('div', { class: 'dn-buttons' }, left);
  button(zoomRow, 'Zoom in', () => setView(zoom(options.view, 4)), { 'data-action': 'zoom-in' });
  button(zoomRow, 'Zoom out', () => setView(zoom(options.view, 1 / 4)), { 'data-action': 'zoom-out' });
  button(zoomRow, 'Smallest region', () => setView(regions ? smallestView(regions) : FULL), {
    'data-action': 'zoom-smallest',
  });
  button(zoomRow, 'Reset', () => setView(FULL), { 'data-action': 'zoom-reset' });
  const viewStatus = htmlElement(
    'p',
    { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'view' },
    left,
  );
  const right = htmlElement('div', {}, panels);
  const side = createLogPlot(right, {
    xLabel: 'layers K',
    yLabel: 'regions',
    yLog: true,
    height: 300,
    heading: 'construction vs random He',
  });
  const sideStatus = htmlElement('p', { class: 'dn-status', 'data-role': 'random' }, right);
  const toolbar = createToolbar(root, {
    name: 'construction-explorer',
    svg: () => figureSvg(root, [{ svg: plot.svg }, { svg: side.svg }]),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });

  // Export only: the widget shows its construction, an opened file would have nowhere to go.
  const files = createNetworkFileControls(root, {
    name: 'construction-network',
    network: () => shown,
  });
  files.exportButton.title =
    'Save the construction as a deepnets.network/v1 file (deepnets regions FILE --domain 0,1 counts it)';

  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
    const v = values as Partial<Record<'k' | 'd' | 'x0' | 'x1', number>>;
    options = {
      ...options,
      layers: v.k ?? options.layers,
      width: v.d ?? options.width,
      ...(v.x0 !== undefined && v.x1 !== undefined && v.x1 > v.x0
        ? { view: clampView({ x0: v.x0, x1: v.x1 }) }
        : {}),
    };
    kSlider.set(options.layers);
    dSlider.set(options.width);
    toolbar.notify(notices);
  }

  function writeUrl(): void {
    if (!options.urlPrefix) return;
    const { layers: k, width: d, view } = options;
    replaceUrlState(options.urlPrefix, { k, d, ...(view.x0 === 0 && view.x1 === 1 ? {} : view) });
  }

  function setView(view: View): void {
    options = { ...options, view: clampView(view) };
    zoomInput.sync(options.view);
    writeUrl();
    draw();
  }

  async function compute(): Promise<void> {
    const id = ++request;
    const { layers, width } = options;
    zoomInput.sync(options.view);
    writeUrl();
    summary.textContent = `Enumerating the regions of K = ${layers}, D = ${width}…`;
    root.dataset.busy = 'true';
    shown = undefined;
    files.refresh();
    const net = maxRegionsNetwork({ layers, width });
    const r = await regions1dWithFallback(options.regions1d, net, { domain: [0, 1] });
    if (destroyed || id !== request) return;
    regions = r;
    shown = net;
    files.refresh();
    draw();
    // Random networks: one depth per turn of the event loop, so the page keeps responding.
    random = [];
    for (let k = 1; k <= MAX_LAYERS; k++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (destroyed || id !== request) return;
      random.push(sampleDepth(k, width, options.networks, options.seed));
    }
    delete root.dataset.busy;
    draw();
  }

  function draw(): void {
    const r = regions;
    if (!r) return;
    const { layers, width, view } = options;
    const bound = udlMaxRegions({ inputs: 1, width, layers });
    const parameters = parametersForWidths([1, ...Array<number>(layers).fill(width), 1]);
    summary.replaceChildren();
    summary.append(`K = ${layers} layers of D = ${width} units (${formatBig(parameters)} parameters): `);
    htmlElement('strong', { 'data-regions': r.linearRegions }, summary).textContent = formatBig(
      r.linearRegions,
    );
    summary.append(' linear regions on [0, 1], counted exactly; the exact maximum (D + 1)');
    htmlElement('sup', {}, summary).textContent = 'K';
    summary.append(' = ');
    htmlElement('strong', { 'data-bound': bound.toString() }, summary).textContent = formatBig(bound);
    summary.append(BigInt(r.linearRegions) === bound ? ', reached.' : '.');

    const inView = piecesInView(r, view);
    // Deep zooms: the axis shows x - x0 (ticks like 2e-9), so its labels stay readable.
    const width0 = view.x1 - view.x0;
    const offset = width0 < 1e-3 ? view.x0 : 0;
    const frame = plot.frame([view.x0 - offset, view.x1 - offset], [-0.08, 1.08]);
    const scale = { x: Object.assign((x: number) => frame.x(x - offset), frame.x), y: frame.y };
    plot.regions.replaceChildren();
    if (inView.count <= 300) {
      const bands = [];
      for (let p = inView.first; p <= inView.last; p++) {
        bands.push({
          lo: Math.max(view.x0, r.edges[p] as number),
          hi: Math.min(view.x1, r.edges[p + 1] as number),
        });
      }
      drawBands(plot.regions, bands, scale);
    }
    plot.curves.replaceChildren();
    const d = drawing(r, view, 420);
    let path = '';
    if (d.envelope) {
      d.xs.forEach((x, c) => {
        const a = scale.y(d.ys[2 * c] as number);
        const b = scale.y(d.ys[2 * c + 1] as number);
        path += `M${scale.x(x).toFixed(2)},${a.toFixed(2)}L${scale.x(x).toFixed(2)},${(b - 0.5).toFixed(2)}`;
      });
    } else path = polylinePath(d.xs.map(scale.x), d.ys.map(scale.y));
    svgElement(
      'path',
      { d: path, fill: 'none', class: 'dn-curve', 'data-role': 'curve', 'data-envelope': String(d.envelope) },
      plot.curves,
    );
    if (offset) {
      svgElement(
        'text',
        { x: 464, y: 10, 'text-anchor': 'end', class: 'dn-tick', 'data-role': 'offset' },
        plot.curves,
      ).textContent = `axis: x − ${fmt(offset, width0)}`;
    }
    const zoomFactor = 1 / (view.x1 - view.x0);
    viewStatus.textContent = `View [${fmt(view.x0, width0)}, ${fmt(view.x1, width0)}] (×${shortBig(Math.round(zoomFactor))}): ${formatBig(inView.count)} region${inView.count === 1 ? '' : 's'} in view, the narrowest ${inView.smallest.toExponential(2)} wide.`;
    viewStatus.dataset.inView = String(inView.count);
    plot.setTitle(
      `The (D+1)^K construction for K = ${layers}, D = ${width}: ${r.linearRegions} regions. ${viewStatus.textContent}`,
    );
    drawSide(side, sideStatus, {
      layers: options.layers,
      width: options.width,
      networks: options.networks,
      bound,
      random,
    });
    root.dataset.regions = String(r.linearRegions);
    store.set({
      layers,
      width,
      parameters,
      bound,
      regions: r.linearRegions,
      view,
      inView: inView.count,
      smallest: inView.smallest,
      random,
    });
  }

  void compute();

  return {
    update(partial) {
      const reshape =
        partial.layers !== undefined || partial.width !== undefined || partial.seed !== undefined;
      options = { ...options, ...partial };
      zoomInput.sync(options.view);
      kSlider.set(options.layers);
      dSlider.set(options.width);
      if (reshape) void compute();
      else draw();
    },
    destroy() {
      destroyed = true;
      zoomInput.destroy();
      files.destroy();
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
