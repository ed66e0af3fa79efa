/**
 * Widget `approximation`: both shallow and deep networks are universal approximators, and on the
 * sawtooth depth wins. The reader picks a target (or draws one); a shallow network and a deep one
 * with about the same number of parameters are trained on it (in the worker, through the injected
 * `train`), the deep one also from starts near the sawtooth construction when the target is the
 * sawtooth, and the page shows the fits, their linear regions (exact), their errors, and — on
 * demand — the error as the budget grows. Below, the identity construction: the shallow fit
 * followed by identity layers (ReLU[y] - ReLU[-y]) is the same function, checked point by point
 * and region by region. State and texts: state.ts; drawing: view.ts.
 */
import type { Network } from '@deepnets/core';
import { intSlider, select } from '../depth-kit/controls.ts';
import { htmlElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { regions1dWithFallback } from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import { sawtoothStart } from './construction.ts';
import { drawTargetInput } from './draw-input.ts';
import { createFitExports } from './export.ts';
import { fitBest, gridSamples, shapesForBudget, sweepBudgets } from './fit.ts';
import { maxDifference, withIdentityLayers } from './identity.ts';
import {
  type ApproximationOptions,
  type ApproximationState,
  approximationUrlSchema,
  DEFAULT_APPROXIMATION,
  DOMAIN,
  DRAW_POINTS,
  type FitSummary,
  hasConstructionStart,
  initialApproximationState,
  MAX_LAYERS,
  MAX_WIDTH,
  MIN_LAYERS,
  MIN_WIDTH,
  resultText,
  sampleDrawn,
  targetFunction,
} from './state.ts';
import { createFitView, drawFits, drawIdentity } from './view.ts';

export type { ApproximationOptions, ApproximationState, FitSummary } from './state.ts';

export function mountApproximation(
  element: HTMLElement,
  initial: Partial<ApproximationOptions> = {},
): WidgetHandle<ApproximationOptions, ApproximationState> {
  let options: ApproximationOptions = { ...DEFAULT_APPROXIMATION, ...initial };
  const state = initialApproximationState(options.target);
  const store = createStore<ApproximationState | undefined>(undefined);
  let drawn = Array.from({ length: DRAW_POINTS }, (_, i) =>
    Math.sin(Math.PI * (-1 + (2 * i) / (DRAW_POINTS - 1))),
  );
  let drawIndex = Math.floor(DRAW_POINTS / 2);
  let abort: AbortController | undefined;
  let sweepAbort: AbortController | undefined;
  let destroyed = false;
  let request = 0;
  let lastScale: ReturnType<typeof drawFits> | undefined;

  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-approximation', 'data-widget': 'approximation' },
    element,
  );
  const controls = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const targetOptions = [
    ...Object.keys(options.targets).map((t) => ({ value: t, text: t })),
    { value: 'draw', text: 'draw your own' },
  ];
  const targetSelect = select(
    controls,
    { key: 't', label: 'target', value: options.target, options: targetOptions },
    (v) => {
      if (v === 'draw') drawn = sampleDrawn(currentTarget());
      options = { ...options, target: v };
      changed();
    },
  );
  const kSlider = intSlider(
    controls,
    { key: 'k', label: 'deep layers K', min: MIN_LAYERS, max: MAX_LAYERS, value: options.layers },
    (v) => {
      options = { ...options, layers: v };
      changed();
    },
  );
  const wSlider = intSlider(
    controls,
    { key: 'w', label: 'deep width', min: MIN_WIDTH, max: MAX_WIDTH, value: options.width },
    (v) => {
      options = { ...options, width: v };
      changed();
    },
  );
  const { view, status, sweepButton, removeButton } = createFitView(root, {
    sweep: () => void sweep(),
    addIdentity: () => void setIdentity(state.identity.extra + 1),
    removeIdentity: () => void setIdentity(Math.max(0, state.identity.extra - 1)),
  });
  const toolbar = createToolbar(root, {
    name: 'approximation',
    svg: () => figureSvg(root, [{ svg: view.plot.svg }, { svg: view.errPlot.svg }]),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  const exports = createFitExports(toolbar.element, state);
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(
      options.urlPrefix,
      approximationUrlSchema(options.targets),
      window.location.search,
    );
    options = {
      ...options,
      ...(typeof values.t === 'string' ? { target: values.t } : {}),
      ...(typeof values.k === 'number' ? { layers: values.k } : {}),
      ...(typeof values.w === 'number' ? { width: values.w } : {}),
    };
    showOptions();
    toolbar.notify(notices);
  }

  function showOptions(): void {
    targetSelect.value = options.target;
    kSlider.set(options.layers);
    wSlider.set(options.width);
  }
  const currentTarget = () => targetFunction(options, drawn);
  const data = () => gridSamples(currentTarget(), DOMAIN, 96);

  function changed(): void {
    state.target = options.target;
    if (options.urlPrefix)
      replaceUrlState(options.urlPrefix, { t: options.target, k: options.layers, w: options.width });
    state.sweep = [];
    sweepAbort?.abort();
    void fit();
  }

  async function summary(
    net: Network,
    widths: number[],
    parameters: number,
    loss: number,
  ): Promise<FitSummary> {
    const r = await regions1dWithFallback(options.regions1d, net, { domain: DOMAIN });
    const breakpoints = Array.from(r.edges.subarray(1, r.edges.length - 1));
    return { widths, parameters, loss, regions: r.linearRegions, breakpoints, network: net };
  }

  async function fit(): Promise<void> {
    const id = ++request;
    abort?.abort();
    state.shallow = state.deep = state.deepNearConstruction = undefined;
    draw();
    const train = options.train;
    if (!train) {
      status.textContent =
        'No trainer is connected to this widget (pass `train`, e.g. a worker runner’s api.train).';
      return;
    }
    abort = new AbortController();
    const signal = abort.signal;
    state.training = true;
    const shapes = shapesForBudget(options.layers, options.width);
    const samples = data();
    const o = { seeds: options.seeds, epochs: options.epochs, learningRate: options.learningRate, signal };
    const stale = () => destroyed || id !== request;
    try {
      status.textContent = `Training the shallow network (${shapes.shallow[1]} units) in the worker…`;
      const s = await fitBest(train, shapes.shallow, samples, o);
      if (stale()) return;
      state.shallow = await summary(s.network, shapes.shallow, shapes.shallowParameters, s.loss);
      draw();
      status.textContent = `Training the deep network (${options.layers} × ${options.width}) from random starts in the worker…`;
      const d = await fitBest(train, shapes.deep, samples, o);
      if (stale()) return;
      state.deep = await summary(d.network, shapes.deep, shapes.deepParameters, d.loss);
      if (hasConstructionStart(options)) {
        draw();
        status.textContent = 'Training the deep network from starts near the sawtooth construction…';
        const start = (seed: number) => sawtoothStart(options.layers, options.width, seed);
        const c = await fitBest(train, shapes.deep, samples, { ...o, start });
        if (stale()) return;
        state.deepNearConstruction = await summary(c.network, shapes.deep, shapes.deepParameters, c.loss);
      }
      state.training = false;
      status.textContent = `${resultText(state, options, samples.count)} Ticks mark where each fit's linear regions meet: shallow along the bottom, deep along the top.`;
      await setIdentity(state.identity.extra);
    } catch (error) {
      if (stale() || signal.aborted) return;
      state.training = false;
      status.textContent = `Training failed: ${(error as Error).message}`;
      draw();
    }
  }

  async function sweep(): Promise<void> {
    const train = options.train;
    if (!train) return;
    sweepAbort?.abort();
    sweepAbort = new AbortController();
    const signal = sweepAbort.signal;
    state.sweep = [];
    sweepButton.disabled = true;
    try {
      await sweepBudgets(train, options, data(), signal, (point) => {
        if (destroyed || signal.aborted) return;
        state.sweep = [...state.sweep, point];
        draw();
      });
    } catch {
      // aborted by a new target or budget
    } finally {
      sweepButton.disabled = false;
    }
  }

  async function setIdentity(extra: number): Promise<void> {
    const base = state.shallow?.network;
    if (!base) return;
    const deeper = withIdentityLayers(base, extra);
    const xs = Float64Array.from(
      { length: 1001 },
      (_, i) => DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / 1000,
    );
    const [a, b] = await Promise.all([
      regions1dWithFallback(options.regions1d, base, { domain: DOMAIN }),
      regions1dWithFallback(options.regions1d, deeper, { domain: DOMAIN }),
    ]);
    if (destroyed) return;
    const widths = [1, ...deeper.layers.map((l) => l.biases.length)];
    const difference = maxDifference(base, deeper, xs);
    state.identity = {
      extra,
      maxDifference: difference,
      regions: b.linearRegions,
      baseRegions: a.linearRegions,
      widths,
    };
    removeButton.disabled = extra === 0;
    drawIdentity(view.identityText, state.identity);
    draw();
  }

  function draw(): void {
    const input = { state, options, target: currentTarget(), samples: data(), drawn, drawIndex };
    lastScale = drawFits(view, input);
    exports.refresh();
    root.dataset.training = String(state.training);
    store.set({ ...state });
  }

  drawTargetInput(view.plot.svg, {
    active: () => options.target === 'draw',
    scale: () => lastScale,
    values: () => drawn,
    index: () => drawIndex,
    set(values, index) {
      drawn = values;
      drawIndex = index;
    },
    redraw: draw,
    commit: changed,
  });

  draw();
  void fit();

  return {
    update(partial) {
      options = { ...options, ...partial };
      showOptions();
      changed();
    },
    destroy() {
      destroyed = true;
      abort?.abort();
      sweepAbort?.abort();
      exports.destroy();
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
