/**
 * The playground: a 2-D classification playground in the spirit of the TensorFlow playground,
 * but exact. Its menus come from the worker it trains in (`worker`: the trainer's data sets and
 * optimizers, and the worker's plugins) and from the page's plugin registry (every 2-input
 * classification data set, every activation; re-read when a plugin registers); training runs in
 * that worker (or an injected `train`), and while it trains the widget shows the data,
 * the network's decision heat map, loss and accuracy per epoch and, for a piecewise-linear
 * activation, the exact linear regions of the current network (`@deepnets/regions`), outlined
 * and counted (`data-regions`), recomputed at a throttled interval.
 */
import {
  registry as defaultRegistry,
  evaluateBatch,
  getActivation,
  initNetwork,
  isPiecewiseLinear,
  type Network,
  type Registry,
} from '@deepnets/core';
import type { Regions2D } from '@deepnets/regions';
import { ObservableTrainingController } from '@deepnets/worker';
import type { TrainFunction } from '../approximation/fit.ts';
import { linearRegionOutline } from '../composition-2d/outline.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import {
  canvasUnderPlot,
  type HeatView,
  observeWidth,
  paintHeatMap,
  pixelGrid,
  rampCss,
} from '../kit/heatmap.ts';
import { createPlot } from '../kit/plot.ts';
import { type Regions2DSource, regions2dWithFallback } from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  activationMenu,
  type MenuItem,
  optimizerMenu,
  type PlaygroundDataset,
  parseHidden,
} from './menus.ts';
import { createPlaygroundSources, type PlaygroundWorker } from './sources.ts';

export const LEARNING_RATES = ['0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1'] as const;

export interface PlaygroundOptions {
  /**
   * The worker to train in: a runner's `api` (`(await createRunner(...)).api`). It trains, counts
   * regions off the main thread, and supplies the trainer's data sets and optimizers (and those of
   * plugins registered in the worker), so the playground needs no call on the page. Without it
   * (and without `train`) Train is disabled and a notice says why.
   */
  worker?: PlaygroundWorker;
  /** Trains a network; overrides `worker.train`. */
  train?: TrainFunction;
  /** Exact 2-D regions; `worker.regions2d`, else `@deepnets/regions` on this thread. */
  regions2d?: Regions2DSource;
  /** Registry the menus read (core's default one). Networks are evaluated with core's default. */
  registry?: Registry;
  dataset?: string;
  activation?: string;
  optimizer?: string;
  /** Hidden widths, e.g. [8, 8]. */
  hidden?: readonly number[];
  learningRate?: number;
  /** Epochs per press of Train (3000). */
  epochs?: number;
  /** Seed of the initial weights (Reset draws the next seed). */
  seed?: number;
  /** Send the network back every this many epochs (for the heat map and regions). */
  checkpointEvery?: number;
  /** At most one heat-map and region update per this many milliseconds while training. */
  redrawEveryMs?: number;
  /** Optimizers offered when neither the worker nor the page's registry lists any. */
  fallbackOptimizers?: readonly string[];
  /** With a prefix, the settings are read from and written to the page URL (`pg.dataset=...`). */
  urlPrefix?: string;
}

export interface PlaygroundPoint {
  epoch: number;
  loss: number;
  accuracy: number | undefined;
}

export interface PlaygroundState {
  dataset: string;
  activation: string;
  optimizer: string;
  hidden: number[];
  learningRate: number;
  status: 'idle' | 'training' | 'paused' | 'error';
  epoch: number;
  history: PlaygroundPoint[];
  network: Network | undefined;
  /** Exact linear regions on the data's box (piecewise-linear activations only). */
  regions: number | undefined;
  /** The network the region count belongs to. */
  regionsNetwork: Network | undefined;
  box: [number, number, number, number];
  menus: { datasets: string[]; activations: string[]; optimizers: string[] };
  error: string | undefined;
}

/** The plot area inside the square viewBox (createPlot's margins). */
const VIEW: HeatView = { width: 320, height: 306, left: 44, top: 12, size: 260 };
const MAX_PIXELS = 128;

function control(parent: Element, text: string, kind = 'dn-select'): HTMLLabelElement {
  const label = htmlElement('label', { class: kind }, parent);
  htmlElement('span', {}, label).textContent = `${text} `;
  return label;
}

function fillSelect(select: HTMLSelectElement, items: readonly MenuItem[], value: string): string {
  select.replaceChildren();
  for (const item of items) {
    const option = htmlElement('option', { value: item.value }, select);
    option.textContent = item.text;
  }
  const chosen = items.some((i) => i.value === value) ? value : (items[0]?.value ?? '');
  select.value = chosen;
  return chosen;
}

/** [x0, x1, y0, y1] around the samples, padded by 10%. */
function boxOf(d: PlaygroundDataset): [number, number, number, number] {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  const x = d.train.x;
  for (let i = 0; i < d.train.count; i++) {
    const a = x[2 * i] as number;
    const b = x[2 * i + 1] as number;
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  if (!(x1 > x0)) [x0, x1] = [x0 - 1, x0 + 1];
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
  const px = 0.1 * (x1 - x0);
  const py = 0.1 * (y1 - y0);
  return [x0 - px, x1 + px, y0 - py, y1 + py];
}

export function mountPlayground(
  element: HTMLElement,
  initial: PlaygroundOptions = {},
): WidgetHandle<PlaygroundOptions, PlaygroundState> {
  let options: PlaygroundOptions = { ...initial };
  const registry = options.registry ?? defaultRegistry;
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-playground', 'data-widget': 'playground', role: 'group' },
    element,
  );
  root.setAttribute('aria-label', 'Training playground: a small network learning a 2-D classification');

  // Controls.
  const controls = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const datasetSelect = htmlElement('select', { 'data-param': 'dataset' }, control(controls, 'data set'));
  const activationSelect = htmlElement(
    'select',
    { 'data-param': 'activation' },
    control(controls, 'activation'),
  );
  const optimizerSelect = htmlElement(
    'select',
    { 'data-param': 'optimizer' },
    control(controls, 'optimizer'),
  );
  const hiddenLabel = control(controls, 'hidden widths', 'dn-field');
  const hiddenInput = htmlElement(
    'input',
    { type: 'text', 'data-param': 'hidden', inputmode: 'numeric', size: 8, spellcheck: 'false' },
    hiddenLabel,
  );
  const rateSelect = htmlElement(
    'select',
    { 'data-param': 'learningRate' },
    control(controls, 'learning rate'),
  );
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

  // State.
  let seed = options.seed ?? 1;
  let dataset: PlaygroundDataset | undefined;
  let datasetName = '';
  let pixels = 0;
  let datasetToken = 0;
  let job: { abort: AbortController; controller: ObservableTrainingController } | undefined;
  let epochOffset = 0;
  let regionsToken = 0;
  let regionsBusy = false;
  let regionsAgain = false;
  let dirty = false;
  let lastRedraw = 0;
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;
  /** True while the hidden-widths field holds text that is not a valid list of widths. */
  let hiddenInvalid = false;
  const store = createStore<PlaygroundState>({
    dataset: '',
    activation: options.activation ?? 'relu',
    optimizer: options.optimizer ?? 'adam',
    hidden: [...(options.hidden ?? [8, 8])],
    learningRate: options.learningRate ?? 0.03,
    status: 'idle',
    epoch: 0,
    history: [],
    network: undefined,
    regions: undefined,
    regionsNetwork: undefined,
    box: [-1, 1, -1, 1],
    menus: { datasets: [], activations: [], optimizers: [] },
    error: undefined,
  });
  const patch = (p: Partial<PlaygroundState>) => store.set({ ...store.get(), ...p });

  // URL state.
  const urlPrefix = options.urlPrefix;
  let urlHidden: number[] | undefined;
  let urlDataset: string | undefined;
  const notices: string[] = [];
  let urlValues: Record<string, number | string> = {};
  if (urlPrefix && typeof window !== 'undefined') {
    const params = new URLSearchParams(window.location.search);
    const rawHidden = params.get(`${urlPrefix}.hidden`);
    params.delete(`${urlPrefix}.hidden`);
    // Data set names are known once the worker's catalog arrives: checked in readMenus.
    urlDataset = params.get(`${urlPrefix}.dataset`) ?? undefined;
    params.delete(`${urlPrefix}.dataset`);
    if (rawHidden !== null) {
      try {
        urlHidden = parseHidden(rawHidden);
      } catch (e) {
        notices.push(`Ignored "${urlPrefix}.hidden": ${(e as Error).message}.`);
      }
    }
    // Menus are only known after the registry is read: accept any short name here, check below.
    const read = readUrlState(
      urlPrefix,
      {
        activation: { type: 'choice', values: registry.names('activation') },
        optimizer: {
          type: 'choice',
          values: optimizerMenu(registry, options.fallbackOptimizers).map((i) => i.value),
        },
        lr: { type: 'choice', values: LEARNING_RATES },
      },
      `?${params.toString()}`,
    );
    urlValues = read.values;
    notices.push(...read.notices);
  }
  let wantedDataset = options.dataset ?? '';
  patch({
    activation: (urlValues['activation'] as string | undefined) ?? store.get().activation,
    optimizer: (urlValues['optimizer'] as string | undefined) ?? store.get().optimizer,
    hidden: urlHidden ?? store.get().hidden,
    learningRate: urlValues['lr'] !== undefined ? Number(urlValues['lr']) : store.get().learningRate,
  });
  hiddenInput.value = store.get().hidden.join(',');
  rateSelect.value = String(store.get().learningRate);
  if (rateSelect.value === '') {
    const option = htmlElement('option', { value: String(store.get().learningRate) }, rateSelect);
    option.textContent = String(store.get().learningRate);
    rateSelect.value = option.value;
  }

  function writeUrl(): void {
    if (!urlPrefix) return;
    const s = store.get();
    replaceUrlState(urlPrefix, {
      dataset: s.dataset,
      activation: s.activation,
      optimizer: s.optimizer,
      hidden: s.hidden.join(','),
      lr: String(s.learningRate),
    });
  }

  /** Train's function: the injected `train`, else the worker's. */
  function trainFunction(): TrainFunction | undefined {
    const worker = options.worker;
    return options.train ?? (worker ? (o) => worker.train(o) : undefined);
  }

  /** Notices that say why the playground cannot do something, after the URL's. */
  function notify(): void {
    const lines = [...notices];
    if (!trainFunction()) {
      lines.push('Train needs a worker: mount the playground with { worker: runner.api } (see the README).');
    }
    if (sources.failure) lines.push(`Data sets: ${sources.failure}.`);
    else if (sources.ready && store.get().menus.datasets.length === 0) {
      lines.push('No 2-input classification data set is registered in the worker or on the page.');
    }
    toolbar.notify(lines);
  }

  /** The URL's data set, checked once every name is known (the worker's catalog has arrived). */
  function checkUrlDataset(datasets: readonly MenuItem[]): void {
    if (urlDataset === undefined || !sources.ready) return;
    const names = datasets.map((i) => i.value);
    if (names.includes(urlDataset)) wantedDataset = urlDataset;
    else {
      const shown = urlDataset.length > 40 ? `${urlDataset.slice(0, 40)}…` : urlDataset;
      notices.push(`Ignored "${urlPrefix}.dataset=${shown}": expected one of ${names.join(', ')}.`);
    }
    urlDataset = undefined;
  }

  // Menus from the worker's catalog and the page's registry.
  function readMenus(): void {
    const datasets = sources.datasets();
    checkUrlDataset(datasets);
    const activations = activationMenu(registry);
    const workerOptimizers = sources.optimizers();
    const optimizers = workerOptimizers
      ? workerOptimizers.map((name) => ({ value: name, text: name }))
      : optimizerMenu(registry, options.fallbackOptimizers);
    const s = store.get();
    const dataset = fillSelect(datasetSelect, datasets, s.dataset || wantedDataset);
    const activation = fillSelect(activationSelect, activations, s.activation);
    const optimizer = fillSelect(optimizerSelect, optimizers, s.optimizer);
    patch({
      activation,
      optimizer,
      menus: {
        datasets: datasets.map((i) => i.value),
        activations: activations.map((i) => i.value),
        optimizers: optimizers.map((i) => i.value),
      },
    });
    notify();
    // Until the worker's names are known, keep the choice open (the wanted set may be the worker's).
    if (!sources.ready) return;
    if (dataset !== datasetName) chooseDataset(dataset);
    else if (activation !== store.get().network?.activation) reset();
  }

  /** Makes the data set `name` (on the page, or in the worker: then the latest choice wins). */
  function chooseDataset(name: string): void {
    stop();
    datasetName = name;
    dataset = undefined;
    const token = ++datasetToken;
    const failed = (e: unknown) => {
      patch({ status: 'error', error: `data set ${name}: ${(e as Error).message}` });
      drawStatus();
    };
    const use = (made: PlaygroundDataset | undefined) => {
      dataset = made;
      patch({ dataset: name, box: made ? boxOf(made) : [-1, 1, -1, 1] });
      reset();
    };
    if (!name) {
      use(undefined);
      return;
    }
    try {
      const made = sources.make(name);
      if (!(made instanceof Promise)) {
        use(made);
        return;
      }
      use(undefined);
      const current = () => token === datasetToken && !destroyed;
      made.then(
        (d) => {
          if (current()) use(d);
        },
        (e: unknown) => {
          if (current()) failed(e);
        },
      );
    } catch (e) {
      use(undefined);
      failed(e);
    }
  }

  /** A fresh network for the current settings (He initialisation, seed `seed`). */
  function freshNetwork(): Network | undefined {
    const s = store.get();
    if (!dataset || !s.activation) return undefined;
    try {
      return initNetwork([2, ...s.hidden, dataset.outputs], {
        init: 'he-normal',
        rng: seed,
        activation: s.activation,
      });
    } catch (e) {
      patch({ error: (e as Error).message });
      return undefined;
    }
  }

  function stop(): void {
    if (!job) return;
    job.abort.abort();
    job = undefined;
  }

  function reset(): void {
    stop();
    epochOffset = 0;
    patch({
      status: 'idle',
      epoch: 0,
      history: [],
      network: freshNetwork(),
      regions: undefined,
      regionsNetwork: undefined,
      error: undefined,
    });
    drawAll();
    writeUrl();
  }

  // Drawing.
  function scales() {
    const [x0, x1, y0, y1] = store.get().box;
    return heat.frame([x0, x1], [y0, y1]);
  }

  function probabilities(net: Network, xs: Float64Array, count: number, outputs: number): Float64Array {
    const y = evaluateBatch(net, xs, count);
    const v = new Float64Array(count);
    for (let p = 0; p < count; p++) {
      if (outputs === 1) {
        v[p] = 1 / (1 + Math.exp(-(y[p] as number)));
        continue;
      }
      let best = 0;
      let max = -Infinity;
      for (let o = 0; o < outputs; o++) {
        const z = y[p * outputs + o] as number;
        if (z > max) [max, best] = [z, o];
      }
      if (outputs === 2) {
        // softmax probability of class 1
        v[p] = 1 / (1 + Math.exp((y[p * 2] as number) - (y[p * 2 + 1] as number)));
      } else v[p] = best / (outputs - 1);
    }
    return v;
  }

  function paintHeat(): void {
    const net = store.get().network;
    if (!net || !dataset || pixels < 2) {
      const context = canvas.getContext('2d');
      context?.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    const count = pixels * pixels;
    try {
      const values = probabilities(net, pixelGrid(store.get().box, pixels, pixels), count, dataset.outputs);
      paintHeatMap(canvas, values, pixels, pixels, [0, 1]);
    } catch (e) {
      patch({ error: (e as Error).message });
    }
  }

  function drawPoints(): void {
    const { x, y } = scales();
    for (const line of heat.svg.querySelectorAll('.dn-grid')) line.remove();
    heat.points.replaceChildren();
    if (!dataset) return;
    const k = Math.max(1, dataset.outputs - 1);
    const s = dataset.train;
    const g = svgElement('g', { 'data-role': 'data' }, heat.points);
    for (let i = 0; i < s.count; i++) {
      const label = s.y[i * s.targetWidth] as number;
      svgElement(
        'circle',
        {
          cx: x(s.x[2 * i] as number),
          cy: y(s.x[2 * i + 1] as number),
          r: 2.6,
          fill: rampCss(label / k),
          stroke: label / k > 0.5 ? '#222' : '#fff',
          'stroke-width': 0.8,
        },
        g,
      );
    }
  }

  function drawCurves(): void {
    const { history } = store.get();
    const last = history[history.length - 1];
    const maxEpoch = Math.max(10, last?.epoch ?? 0);
    const maxLoss = Math.max(1, ...history.map((h) => (Number.isFinite(h.loss) ? h.loss : 0)));
    const { x, y } = curves.frame([0, maxEpoch], [0, maxLoss]);
    curves.curves.replaceChildren();
    if (history.length === 0) return;
    const ex = history.map((h) => x(h.epoch));
    svgElement(
      'path',
      {
        class: 'dn-curve',
        fill: 'none',
        'data-role': 'loss',
        d: polylinePath(
          ex,
          history.map((h) => y(h.loss)),
        ),
      },
      curves.curves,
    );
    const acc = history.filter((h) => h.accuracy !== undefined);
    if (acc.length > 0) {
      svgElement(
        'path',
        {
          class: 'dn-curve',
          fill: 'none',
          'stroke-dasharray': '4 3',
          'data-role': 'accuracy',
          d: polylinePath(
            acc.map((h) => x(h.epoch)),
            acc.map((h) => y(h.accuracy as number)),
          ),
        },
        curves.curves,
      );
    }
  }

  function drawStatus(): void {
    const s = store.get();
    root.dataset.status = s.status;
    epochOut.dataset.epoch = String(s.epoch);
    epochOut.textContent = `Epoch ${s.epoch}. `;
    const last = s.history[s.history.length - 1];
    metricsOut.textContent = last
      ? `Loss ${last.loss.toPrecision(4)}${
          last.accuracy === undefined ? '' : `, accuracy ${(100 * last.accuracy).toFixed(1)}%`
        }. `
      : '';
    const act =
      s.activation && registry.has('activation', s.activation) ? getActivation(s.activation) : undefined;
    if (act && !isPiecewiseLinear(act)) {
      regionsEl.dataset.regions = '';
      regionsEl.textContent = `${act.name} is smooth: the network trains, but has no exact linear regions.`;
    } else if (s.regions !== undefined) {
      regionsEl.dataset.regions = String(s.regions);
      regionsEl.textContent = `${s.regions} linear regions (exact) on the data's box.`;
    } else {
      regionsEl.dataset.regions = '';
      regionsEl.textContent = '';
    }
    if (s.error) metricsOut.textContent += ` ${s.error}`;
    trainButton.disabled =
      !trainFunction() || !s.network || hiddenInvalid || s.status === 'training' || s.status === 'paused';
    pauseButton.disabled = !(s.status === 'training' || s.status === 'paused');
    pauseButton.textContent = s.status === 'paused' ? 'Resume' : 'Pause';
    pauseButton.setAttribute('aria-pressed', String(s.status === 'paused'));
    heatCaption.textContent = `${s.dataset || 'no data set'}: decision heat map (probability of class 1)${
      s.regions === undefined ? '' : ` with the ${s.regions} exact linear regions outlined`
    }.`;
    heat.setTitle(`${heatCaption.textContent} Epoch ${s.epoch}.`);
    curves.setTitle(`Loss and accuracy over ${s.epoch} epochs.`);
  }

  function drawRegions(r: Regions2D | undefined): void {
    heat.regions.replaceChildren();
    if (!r) return;
    const { x, y } = scales();
    for (const line of heat.svg.querySelectorAll('.dn-grid')) line.remove();
    const d = linearRegionOutline(r)
      .map(([a, b, c, e]) => `M${x(a)},${y(b)}L${x(c)},${y(e)}`)
      .join('');
    svgElement('path', { d, class: 'dn-cmp-outline', 'data-role': 'outline' }, heat.regions);
  }

  /**
   * Exact regions of the current network (piecewise-linear activations). One enumeration at a
   * time: a request while one runs is remembered and served (with the newest network) after it.
   */
  async function updateRegions(): Promise<void> {
    if (regionsBusy) {
      regionsAgain = true;
      return;
    }
    regionsBusy = true;
    try {
      await enumerateRegions();
    } finally {
      regionsBusy = false;
    }
    if (regionsAgain && !destroyed) {
      regionsAgain = false;
      await updateRegions();
    }
  }

  async function enumerateRegions(): Promise<void> {
    const s = store.get();
    const net = s.network;
    const token = ++regionsToken;
    const act = net && registry.has('activation', net.activation) ? getActivation(net.activation) : undefined;
    if (!net || !act || !isPiecewiseLinear(act)) {
      drawRegions(undefined);
      patch({ regions: undefined, regionsNetwork: undefined });
      drawStatus();
      return;
    }
    try {
      const worker = options.worker;
      const source: Regions2DSource | undefined =
        options.regions2d ?? (worker ? (n, o) => worker.regions2d(n, o) : undefined);
      const r = await regions2dWithFallback(source, net, { box: s.box });
      if (token !== regionsToken || destroyed) return;
      drawRegions(r);
      patch({ regions: r.linearRegions, regionsNetwork: net });
    } catch (e) {
      if (token !== regionsToken || destroyed) return;
      drawRegions(undefined);
      patch({ regions: undefined, regionsNetwork: undefined, error: (e as Error).message });
    }
    drawStatus();
  }

  function drawAll(): void {
    drawPoints();
    paintHeat();
    drawCurves();
    drawStatus();
    void updateRegions();
  }

  /** Heat map and regions at most once per `redrawEveryMs` while training. */
  function scheduleRedraw(): void {
    dirty = true;
    if (redrawTimer !== undefined) return;
    const every = options.redrawEveryMs ?? 250;
    const wait = Math.max(0, lastRedraw + every - performance.now());
    redrawTimer = setTimeout(() => {
      redrawTimer = undefined;
      if (!dirty || destroyed) return;
      dirty = false;
      lastRedraw = performance.now();
      paintHeat();
      void updateRegions();
    }, wait);
  }

  async function train(): Promise<void> {
    const s = store.get();
    const trainFn = trainFunction();
    if (!trainFn || !dataset || !s.network || hiddenInvalid || job) return;
    const current = { abort: new AbortController(), controller: new ObservableTrainingController() };
    job = current;
    const offset = epochOffset;
    patch({ status: 'training', error: undefined });
    drawStatus();
    try {
      const result = await trainFn({
        network: s.network,
        data: dataset as never,
        optimizer: s.optimizer,
        learningRate: s.learningRate,
        epochs: options.epochs ?? 3000,
        seed,
        keepHistory: false,
        checkpointEvery: options.checkpointEvery ?? 10,
        signal: current.abort.signal,
        controller: current.controller,
        onEpoch: (m) => {
          if (job !== current) return;
          const epoch = offset + m.epoch;
          patch({
            epoch,
            history: [...store.get().history, { epoch, loss: m.loss, accuracy: m.accuracy }],
          });
          drawCurves();
          drawStatus();
        },
        onCheckpoint: (c) => {
          if (job !== current) return;
          const { format: _format, ...network } = c.network;
          patch({ network });
          scheduleRedraw();
        },
      });
      if (job !== current) return;
      job = undefined;
      epochOffset = offset + result.epoch;
      patch({ status: 'idle', network: result.network, epoch: epochOffset });
      paintHeat();
      drawStatus();
      await updateRegions();
    } catch (e) {
      if (job !== current) return;
      job = undefined;
      const aborted = (e as Error).name === 'AbortError';
      patch({ status: aborted ? 'idle' : 'error', error: aborted ? undefined : (e as Error).message });
      drawStatus();
    }
  }

  // Events.
  datasetSelect.addEventListener('change', () => chooseDataset(datasetSelect.value));
  activationSelect.addEventListener('change', () => {
    patch({ activation: activationSelect.value });
    reset();
  });
  optimizerSelect.addEventListener('change', () => {
    patch({ optimizer: optimizerSelect.value });
    writeUrl();
  });
  rateSelect.addEventListener('change', () => {
    patch({ learningRate: Number(rateSelect.value) });
    writeUrl();
  });
  /** The widths typed so far, or undefined (with the notice shown and Train disabled) when invalid. */
  function checkHiddenField(): number[] | undefined {
    try {
      const hidden = parseHidden(hiddenInput.value);
      hiddenInput.removeAttribute('aria-invalid');
      hiddenError.hidden = true;
      hiddenInvalid = false;
      return hidden;
    } catch (e) {
      hiddenInput.setAttribute('aria-invalid', 'true');
      hiddenError.textContent = (e as Error).message;
      hiddenError.hidden = false;
      hiddenInvalid = true;
      return undefined;
    } finally {
      drawStatus();
    }
  }
  hiddenInput.addEventListener('input', () => void checkHiddenField());
  hiddenInput.addEventListener('change', () => {
    const hidden = checkHiddenField();
    if (!hidden) return;
    patch({ hidden });
    reset();
  });
  trainButton.addEventListener('click', () => void train());
  pauseButton.addEventListener('click', () => {
    if (!job) return;
    if (job.controller.paused) {
      job.controller.resume();
      patch({ status: 'training' });
    } else {
      job.controller.pause();
      patch({ status: 'paused' });
    }
    drawStatus();
  });
  resetButton.addEventListener('click', () => {
    seed++;
    reset();
  });

  const stopObserving = observeWidth(frame, (width) => {
    const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    pixels = Math.max(16, Math.min(MAX_PIXELS, Math.round(((width * VIEW.size) / VIEW.width) * dpr)));
    paintHeat();
  });
  const sources = createPlaygroundSources(registry, options.worker, () => {
    if (!destroyed) readMenus();
  });
  const unsubscribeRegistry = registry.subscribe(() => readMenus());
  readMenus();
  if (!datasetName) drawAll();

  return {
    update(partial) {
      options = { ...options, ...partial };
      if (partial.seed !== undefined) seed = partial.seed;
      const p: Partial<PlaygroundState> = {};
      if (partial.hidden) p.hidden = [...partial.hidden];
      if (partial.activation) p.activation = partial.activation;
      if (partial.optimizer) p.optimizer = partial.optimizer;
      if (partial.learningRate) p.learningRate = partial.learningRate;
      patch(p);
      hiddenInput.value = store.get().hidden.join(',');
      if (partial.hidden) checkHiddenField();
      if (partial.dataset && partial.dataset !== datasetName) {
        patch({ dataset: partial.dataset });
        readMenus();
      } else if (partial.activation || partial.hidden || partial.seed !== undefined) {
        readMenus();
        reset();
      } else drawStatus();
    },
    destroy() {
      destroyed = true;
      stop();
      if (redrawTimer !== undefined) clearTimeout(redrawTimer);
      unsubscribeRegistry();
      stopObserving();
      store.clear();
      root.remove();
    },
    subscribe: store.subscribe,
  };
}
