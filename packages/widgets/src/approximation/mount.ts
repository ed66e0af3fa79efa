/**
 * Widget `approximation`: both shallow and deep networks are universal approximators. The reader
 * picks a target (or draws one); a shallow network and a deep one with about the same number of
 * parameters are trained on it (in the worker, through the injected `train`), and the page shows
 * both fits, their linear regions (exact), their errors, and — on demand — the error as the budget
 * grows. Below, the identity construction: the shallow fit followed by identity layers
 * (ReLU[y] - ReLU[-y]) is the same function, checked point by point and region by region.
 */
import type { Network } from '@deepnets/core';
import { evaluateBatch } from '@deepnets/core';
import { formatBig } from '../depth-kit/bigint.ts';
import { button, intSlider, select } from '../depth-kit/controls.ts';
import { createLogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { createPlot } from '../kit/plot.ts';
import { type Regions1DSource, regions1dWithFallback } from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState, type UrlSchema } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import { fitBest, gridSamples, shapesForBudget, type TrainFunction } from './fit.ts';
import { maxDifference, withIdentityLayers } from './identity.ts';
import { DEFAULT_TARGETS, drawnTarget, type Targets } from './targets.ts';

export interface ApproximationOptions {
  /** Trains a network (the docs pass the worker runner's `api.train`). Without it nothing trains. */
  train?: TrainFunction;
  regions1d?: Regions1DSource;
  targets: Targets;
  target: string;
  /** Deep network: K hidden layers of width w. */
  layers: number;
  width: number;
  epochs: number;
  learningRate: number;
  seeds: number[];
  urlPrefix?: string;
}

export interface FitSummary {
  widths: number[];
  parameters: number;
  loss: number;
  regions: number;
  /** Interior edges of the activation regions (where the fit may bend). */
  breakpoints: number[];
  network: Network;
}

export interface ApproximationState {
  target: string;
  shallow?: FitSummary;
  deep?: FitSummary;
  sweep: {
    width: number;
    deepParameters: number;
    shallowParameters: number;
    deepLoss: number;
    shallowLoss: number;
  }[];
  identity: { extra: number; maxDifference: number; regions: number; baseRegions: number; widths: number[] };
  training: boolean;
}

const DOMAIN: [number, number] = [-1, 1];
const DRAW_POINTS = 33;

export function mountApproximation(
  element: HTMLElement,
  initial: Partial<ApproximationOptions> = {},
): WidgetHandle<ApproximationOptions, ApproximationState> {
  let options: ApproximationOptions = {
    targets: DEFAULT_TARGETS,
    target: 'sin',
    layers: 3,
    width: 4,
    epochs: 1500,
    learningRate: 0.01,
    seeds: [1, 2, 3],
    ...initial,
  };
  const state: ApproximationState = {
    target: options.target,
    sweep: [],
    identity: { extra: 1, maxDifference: 0, regions: 0, baseRegions: 0, widths: [] },
    training: false,
  };
  const store = createStore<ApproximationState | undefined>(undefined);
  let drawn = Array.from({ length: DRAW_POINTS }, (_, i) =>
    Math.sin(Math.PI * (-1 + (2 * i) / (DRAW_POINTS - 1))),
  );
  let abort: AbortController | undefined;
  let sweepAbort: AbortController | undefined;
  let destroyed = false;
  let request = 0;

  const schema = (): UrlSchema => ({
    t: { type: 'choice', values: [...Object.keys(options.targets), 'draw'] },
    k: { type: 'integer', min: 2, max: 4 },
    w: { type: 'integer', min: 2, max: 8 },
  });
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-approximation', 'data-widget': 'approximation' },
    element,
  );
  const controls = htmlElement('div', { class: 'dn-row dn-depth-controls' }, root);
  const targetSelect = select(
    controls,
    {
      key: 't',
      label: 'target',
      value: options.target,
      options: [
        ...Object.keys(options.targets).map((t) => ({ value: t, text: t })),
        { value: 'draw', text: 'draw your own' },
      ],
    },
    (v) => {
      if (v === 'draw') drawn = sampleDrawn(currentTarget());
      options = { ...options, target: v };
      changed();
    },
  );
  const kSlider = intSlider(
    controls,
    { key: 'k', label: 'deep layers K', min: 2, max: 4, value: options.layers },
    (v) => {
      options = { ...options, layers: v };
      changed();
    },
  );
  const wSlider = intSlider(
    controls,
    { key: 'w', label: 'deep width', min: 2, max: 8, value: options.width },
    (v) => {
      options = { ...options, width: v };
      changed();
    },
  );
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'status' }, root);
  const table = htmlElement('table', { class: 'dn-depth-table' }, root);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const h of ['network', 'parameters', 'mean squared error', 'linear regions on [-1, 1]'])
    htmlElement('th', { scope: 'col' }, head).textContent = h;
  const body = htmlElement('tbody', {}, table);
  const panels = htmlElement('div', { class: 'dn-depth-panels' }, root);
  const fitBox = htmlElement('div', {}, panels);
  const plot = createPlot(fitBox, { xLabel: 'x', yLabel: 'y', height: 300 });
  const drawHint = htmlElement('p', { class: 'dn-caption', hidden: 'hidden' }, fitBox);
  drawHint.textContent =
    'Draw on the plot with a mouse or finger, or focus it and use ←/→ to pick a point and ↑/↓ to move it.';
  const errBox = htmlElement('div', {}, panels);
  const errPlot = createLogPlot(errBox, {
    xLabel: 'parameters',
    yLabel: 'error',
    yLog: true,
    height: 300,
    heading: 'error as the budget grows',
  });
  const sweepButton = button(errBox, 'Train every budget (w = 2…8)', () => void sweep(), {
    'data-action': 'sweep',
  });
  const identity = htmlElement('fieldset', { class: 'dn-depth-form', 'data-role': 'identity' }, root);
  htmlElement('legend', {}, identity).textContent = 'Deeper layers can compute the identity';
  const identityText = htmlElement('p', { 'aria-live': 'polite' }, identity);
  const identityButtons = htmlElement('div', { class: 'dn-buttons' }, identity);
  button(identityButtons, 'Add an identity layer', () => setIdentity(state.identity.extra + 1), {
    'data-action': 'add-identity',
  });
  button(identityButtons, 'Remove one', () => setIdentity(Math.max(0, state.identity.extra - 1)), {
    'data-action': 'remove-identity',
  });
  const toolbar = createToolbar(root, {
    name: 'approximation',
    svg: () => figureSvg(root, [{ svg: plot.svg }, { svg: errPlot.svg }]),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, schema(), window.location.search);
    options = {
      ...options,
      ...(typeof values.t === 'string' ? { target: values.t } : {}),
      ...(typeof values.k === 'number' ? { layers: values.k } : {}),
      ...(typeof values.w === 'number' ? { width: values.w } : {}),
    };
    targetSelect.value = options.target;
    kSlider.set(options.layers);
    wSlider.set(options.width);
    toolbar.notify(notices);
  }

  function currentTarget(): (x: number) => number {
    if (options.target === 'draw') return drawnTarget(drawn, DOMAIN);
    return options.targets[options.target] ?? (() => 0);
  }
  function sampleDrawn(f: (x: number) => number): number[] {
    return Array.from({ length: DRAW_POINTS }, (_, i) =>
      f(DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / (DRAW_POINTS - 1)),
    );
  }

  function changed(): void {
    state.target = options.target;
    if (options.urlPrefix)
      replaceUrlState(options.urlPrefix, { t: options.target, k: options.layers, w: options.width });
    state.sweep = [];
    sweepAbort?.abort();
    void fit();
  }

  const data = () => gridSamples(currentTarget(), DOMAIN, 96);

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
    state.shallow = undefined;
    state.deep = undefined;
    draw();
    if (!options.train) {
      status.textContent =
        'No trainer is connected to this widget (pass `train`, e.g. a worker runner’s api.train).';
      return;
    }
    abort = new AbortController();
    const signal = abort.signal;
    state.training = true;
    const shapes = shapesForBudget(options.layers, options.width);
    const samples = data();
    const fitOptions = {
      seeds: options.seeds,
      epochs: options.epochs,
      learningRate: options.learningRate,
      signal,
    };
    try {
      status.textContent = `Training the shallow network (${shapes.shallow[1]} units) in the worker…`;
      const s = await fitBest(options.train, shapes.shallow, samples, fitOptions);
      if (destroyed || id !== request) return;
      state.shallow = await summary(s.network, shapes.shallow, shapes.shallowParameters, s.loss);
      draw();
      status.textContent = `Training the deep network (${options.layers} × ${options.width}) in the worker…`;
      const d = await fitBest(options.train, shapes.deep, samples, fitOptions);
      if (destroyed || id !== request) return;
      state.deep = await summary(d.network, shapes.deep, shapes.deepParameters, d.loss);
      state.training = false;
      status.textContent = `Trained both with Adam (learning rate ${options.learningRate}, ${formatBig(options.epochs)} full-batch epochs, best of ${options.seeds.length} seeds) on the ${samples.count} points shown. Ticks mark where each fit's linear regions meet: shallow along the bottom, deep along the top.`;
      await setIdentity(state.identity.extra);
    } catch (error) {
      if (destroyed || id !== request || signal.aborted) return;
      state.training = false;
      status.textContent = `Training failed: ${(error as Error).message}`;
      draw();
    }
  }

  async function sweep(): Promise<void> {
    if (!options.train) return;
    sweepAbort?.abort();
    sweepAbort = new AbortController();
    const signal = sweepAbort.signal;
    const samples = data();
    state.sweep = [];
    sweepButton.disabled = true;
    try {
      for (let w = 2; w <= 8; w++) {
        const shapes = shapesForBudget(options.layers, w);
        const o = {
          seeds: options.seeds,
          epochs: options.epochs,
          learningRate: options.learningRate,
          signal,
        };
        const s = await fitBest(options.train, shapes.shallow, samples, o);
        const d = await fitBest(options.train, shapes.deep, samples, o);
        if (destroyed || signal.aborted) return;
        state.sweep = [
          ...state.sweep,
          {
            width: w,
            deepParameters: shapes.deepParameters,
            shallowParameters: shapes.shallowParameters,
            deepLoss: d.loss,
            shallowLoss: s.loss,
          },
        ];
        draw();
      }
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
    state.identity = {
      extra,
      maxDifference: maxDifference(base, deeper, xs),
      regions: b.linearRegions,
      baseRegions: a.linearRegions,
      widths,
    };
    identityText.replaceChildren();
    identityText.append(
      `The shallow fit followed by ${extra} identity layer${extra === 1 ? '' : 's'} (widths ${widths.join('-')}) differs from it by at most ${state.identity.maxDifference} on 1,001 points and has `,
    );
    htmlElement(
      'strong',
      { 'data-regions': b.linearRegions, 'data-role': 'identity-regions' },
      identityText,
    ).textContent = formatBig(b.linearRegions);
    identityText.append(
      ` linear regions, as the shallow network (${formatBig(a.linearRegions)}): each extra layer computes y = ReLU[y] − ReLU[−y].`,
    );
    draw();
  }

  function draw(): void {
    const f = currentTarget();
    const xs = Float64Array.from({ length: 401 }, (_, i) => DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / 400);
    const target = Array.from(xs, f);
    const fits = [state.shallow, state.deep].map((s) =>
      s ? Array.from(evaluateBatch(s.network, xs, xs.length)) : undefined,
    );
    const all = [...target, ...fits.flatMap((v) => v ?? [])];
    const lo = Math.min(...all, -0.2);
    const hi = Math.max(...all, 1.2);
    const pad = 0.08 * (hi - lo);
    const scale = plot.frame(DOMAIN, [lo - pad, hi + pad]);
    plot.curves.replaceChildren();
    plot.points.replaceChildren();
    plot.regions.replaceChildren();
    svgElement(
      'path',
      {
        d: polylinePath(Array.from(xs, scale.x), target.map(scale.y)),
        fill: 'none',
        class: 'dn-curve dn-depth-target',
        'data-role': 'target',
      },
      plot.curves,
    );
    const samples = data();
    for (let i = 0; i < samples.count; i++) {
      svgElement(
        'circle',
        {
          cx: scale.x(samples.x[i] as number),
          cy: scale.y(samples.y[i] as number),
          r: 1.8,
          class: 'dn-depth-sample',
        },
        plot.regions,
      );
    }
    [state.shallow, state.deep].forEach((s, i) => {
      const ys = fits[i];
      if (!s || !ys) return;
      const color = unitColor(i === 0 ? 1 : 0);
      // Region boundaries as ticks: shallow along the bottom, deep along the top.
      const y0 = i === 0 ? scale.y(lo - pad) : scale.y(hi + pad);
      const dy = i === 0 ? -8 : 8;
      for (const b of s.breakpoints) {
        svgElement(
          'line',
          {
            x1: scale.x(b),
            x2: scale.x(b),
            y1: y0,
            y2: y0 + dy,
            style: `stroke: ${color}`,
            'stroke-width': 1.5,
            'data-role': `${i === 0 ? 'shallow' : 'deep'}-breakpoint`,
          },
          plot.regions,
        );
      }
      svgElement(
        'path',
        {
          d: polylinePath(Array.from(xs, scale.x), ys.map(scale.y)),
          fill: 'none',
          style: `stroke: ${color}`,
          class: 'dn-curve',
          'data-role': i === 0 ? 'shallow' : 'deep',
        },
        plot.curves,
      );
    });
    if (options.target === 'draw') {
      drawn.forEach((v, i) => {
        const x = DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / (DRAW_POINTS - 1);
        svgElement(
          'circle',
          {
            cx: scale.x(x),
            cy: scale.y(v),
            r: i === drawIndex ? 5 : 2.5,
            class: 'dn-depth-handle',
            'data-role': 'drawn',
          },
          plot.points,
        );
      });
    }
    drawHint.hidden = options.target !== 'draw';
    plot.svg.classList.toggle('dn-drawable', options.target === 'draw');
    lastScale = scale;
    plot.setTitle(
      `Target ${options.target} with the shallow (${state.shallow ? 'trained' : 'training'}) and deep (${state.deep ? 'trained' : 'training'}) fits.`,
    );

    body.replaceChildren();
    const shapes = shapesForBudget(options.layers, options.width);
    const rows = [
      ['shallow', `shallow, ${shapes.shallow[1]} units`, state.shallow, shapes.shallowParameters],
      ['deep', `deep, ${options.layers} × ${options.width}`, state.deep, shapes.deepParameters],
    ] as const;
    for (const [key, name, s, params] of rows) {
      const tr = htmlElement('tr', { 'data-network': key }, body);
      htmlElement('th', { scope: 'row' }, tr).textContent = name;
      htmlElement('td', { 'data-parameters': params }, tr).textContent = formatBig(params);
      htmlElement('td', {}, tr).textContent = s ? s.loss.toExponential(2) : '…';
      const cell = htmlElement('td', {}, tr);
      if (s) htmlElement('span', { 'data-regions': s.regions }, cell).textContent = formatBig(s.regions);
      else cell.textContent = '…';
    }

    const sw = state.sweep;
    const losses = sw.flatMap((p) => [p.deepLoss, p.shallowLoss]).filter((v) => v > 0);
    const maxP = Math.max(200, ...sw.map((p) => Math.max(p.deepParameters, p.shallowParameters)));
    const ly = losses.length
      ? [Math.floor(Math.log10(Math.min(...losses))), Math.ceil(Math.log10(Math.max(...losses)))]
      : [-4, 0];
    const e = errPlot.frame(
      [0, maxP * 1.05],
      [ly[0] as number, Math.max(ly[1] as number, (ly[0] as number) + 1)],
    );
    errPlot.curves.replaceChildren();
    errPlot.points.replaceChildren();
    const series = [
      ['shallow', unitColor(1), sw.map((p) => [p.shallowParameters, p.shallowLoss] as const)],
      ['deep', unitColor(0), sw.map((p) => [p.deepParameters, p.deepLoss] as const)],
    ] as const;
    series.forEach(([name, color, pts], i) => {
      const valid = pts.filter(([, l]) => l > 0);
      svgElement(
        'path',
        {
          d: polylinePath(
            valid.map(([p]) => e.x(p)),
            valid.map(([, l]) => e.y(Math.log10(l))),
          ),
          fill: 'none',
          style: `stroke: ${color}`,
          class: 'dn-curve',
          'data-role': `sweep-${name}`,
        },
        errPlot.curves,
      );
      for (const [p, l] of valid)
        svgElement('circle', { cx: e.x(p), cy: e.y(Math.log10(l)), r: 3, fill: color }, errPlot.points);
      svgElement(
        'text',
        { x: 62, y: 40 + 14 * i, class: 'dn-tick', style: `fill: ${color}` },
        errPlot.curves,
      ).textContent = name;
    });
    if (!sw.length) {
      svgElement(
        'text',
        { x: 240, y: 150, 'text-anchor': 'middle', class: 'dn-tick' },
        errPlot.curves,
      ).textContent = 'press the button below to train every budget';
    }
    errPlot.setTitle('Mean squared error of the shallow and deep fits against their parameter count.');
    root.dataset.training = String(state.training);
    store.set({ ...state });
  }

  // Drawing a target: pointer (mouse, pen, touch) or keyboard on the plot.
  let lastScale: ReturnType<typeof plot.frame> | undefined;
  let drawIndex = Math.floor(DRAW_POINTS / 2);
  let drawing = false;
  const setDrawn = (event: PointerEvent) => {
    if (!lastScale) return;
    const box = plot.svg.getBoundingClientRect();
    const vb = plot.svg.viewBox.baseVal;
    const px = ((event.clientX - box.left) / box.width) * vb.width;
    const py = ((event.clientY - box.top) / box.height) * vb.height;
    const x = lastScale.x.invert(px);
    const i = Math.round(((x - DOMAIN[0]) / (DOMAIN[1] - DOMAIN[0])) * (DRAW_POINTS - 1));
    if (i < 0 || i >= DRAW_POINTS) return;
    drawIndex = i;
    drawn = drawn.map((v, j) => (j === i ? Math.max(-3, Math.min(3, lastScale?.y.invert(py) ?? v)) : v));
    draw();
  };
  plot.svg.setAttribute('tabindex', '0');
  plot.svg.addEventListener('pointerdown', (event) => {
    if (options.target !== 'draw') return;
    drawing = true;
    plot.svg.setPointerCapture?.(event.pointerId);
    setDrawn(event);
  });
  plot.svg.addEventListener('pointermove', (event) => {
    if (drawing) {
      event.preventDefault();
      setDrawn(event);
    }
  });
  const stop = () => {
    if (!drawing) return;
    drawing = false;
    changed();
  };
  plot.svg.addEventListener('pointerup', stop);
  plot.svg.addEventListener('pointercancel', stop);
  plot.svg.addEventListener('keydown', (event) => {
    if (options.target !== 'draw') return;
    const step = event.shiftKey ? 0.25 : 0.05;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => {
        drawIndex = Math.max(0, drawIndex - 1);
      },
      ArrowRight: () => {
        drawIndex = Math.min(DRAW_POINTS - 1, drawIndex + 1);
      },
      ArrowUp: () => {
        drawn = drawn.map((v, j) => (j === drawIndex ? v + step : v));
      },
      ArrowDown: () => {
        drawn = drawn.map((v, j) => (j === drawIndex ? v - step : v));
      },
      Enter: () => changed(),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
    draw();
  });
  plot.svg.addEventListener('keyup', (event) => {
    if (options.target === 'draw' && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) changed();
  });

  draw();
  void fit();

  return {
    update(partial) {
      options = { ...options, ...partial };
      targetSelect.value = options.target;
      kSlider.set(options.layers);
      wSlider.set(options.width);
      changed();
    },
    destroy() {
      destroyed = true;
      abort?.abort();
      sweepAbort?.abort();
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
