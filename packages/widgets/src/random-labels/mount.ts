/**
 * Widget `random-labels`: fitting and generalisation (the book's Figure 20.2). Left: the curves of
 * the full experiment (4000 MNIST-1D examples with shuffled labels, full-batch gradient descent,
 * four MLPs of about 15,200 parameters), as committed by our CLI. Right: a scaled-down version the
 * reader runs in the page's worker pool (400 examples; a larger learning rate so it finishes in
 * seconds), which shows the same ordering: deeper models memorise the random labels in fewer
 * epochs. With true labels, the same models also report test accuracy: memorising is not
 * generalising.
 */
import type { RandomLabelsState, RemoteRandomLabelsOptions } from '@deepnets/worker';
import { formatBig } from '../depth-kit/bigint.ts';
import { button, intSlider, select } from '../depth-kit/controls.ts';
import { createLogPlot, type LogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, polylinePath, svgElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState, type UrlSchema } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  type CurvePoint,
  type CurvesDocument,
  FIGURE_20_2_MODELS,
  isComplete,
  memorisationOrder,
  modelParameters,
  orderSentence,
} from './curves.ts';

/** The MNIST-1D examples (train and test), e.g. from the worker's `makeMnist1d`. */
export type Mnist1dSource = (options: {
  seed?: number;
  randomLabels?: { mode: 'shuffle' };
}) => Promise<{ x: Float64Array; y: Int32Array; xTest: Float64Array; yTest: Int32Array; length: number }>;
/** Trains one model (the worker pool's `trainRandomLabelsModel`). */
export type TrainModel = (options: RemoteRandomLabelsOptions) => Promise<RandomLabelsState>;

export interface RandomLabelsOptions {
  /** Committed curves of the full run(s): shuffled labels, and true labels if present. */
  curves: CurvesDocument[];
  /** Text naming the command that made the curves. */
  command?: string;
  mnist1d?: Mnist1dSource;
  trainModel?: TrainModel;
  /** Live run: examples, learning rate, epoch cap, labels. */
  examples: number;
  learningRate: number;
  maxEpochs: number;
  labels: 'shuffle' | 'true';
  kernel?: 'ts' | 'wasm';
  urlPrefix?: string;
}

export interface LiveModel {
  name: string;
  parameters: number;
  epoch: number;
  epochsTo100: number | null;
  trainError: number;
  testError?: number;
  curve: { epoch: number; trainError: number; testError?: number }[];
  done: boolean;
}

export interface RandomLabelsWidgetState {
  running: boolean;
  labels: 'shuffle' | 'true';
  live: LiveModel[];
  /** Model names ordered by epochs to 100% in the live run (once finished). */
  order: string[];
}

/** The live run's training-set sizes: one range for the slider and the URL. */
export const LIVE_EXAMPLES = { min: 100, max: 1000 } as const;

const SCHEMA: UrlSchema = {
  n: { type: 'integer', ...LIVE_EXAMPLES },
  labels: { type: 'choice', values: ['shuffle', 'true'] },
};

export function mountRandomLabels(
  element: HTMLElement,
  initial: Partial<RandomLabelsOptions> = {},
): WidgetHandle<RandomLabelsOptions, RandomLabelsWidgetState> {
  let options: RandomLabelsOptions = {
    curves: [],
    examples: 400,
    learningRate: 0.1,
    maxEpochs: 3000,
    labels: 'shuffle',
    kernel: 'wasm',
    ...initial,
  };
  const state: RandomLabelsWidgetState = { running: false, labels: options.labels, live: [], order: [] };
  const store = createStore<RandomLabelsWidgetState | undefined>(undefined);
  let abort: AbortController | undefined;
  let destroyed = false;
  let frame = 0;

  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-random-labels', 'data-widget': 'random-labels' },
    element,
  );
  const panels = htmlElement('div', { class: 'dn-depth-panels' }, root);
  const fullBox = htmlElement('div', {}, panels);
  const full = createLogPlot(fullBox, {
    xLabel: 'epochs',
    yLabel: 'training error',
    xLog: true,
    height: 300,
    heading: 'full run: 4000 examples, lr 0.0025',
  });
  const fullNote = htmlElement('p', { class: 'dn-caption', 'data-role': 'full-status' }, fullBox);
  const liveBox = htmlElement('div', {}, panels);
  const live = createLogPlot(liveBox, {
    xLabel: 'epochs',
    yLabel: 'error',
    xLog: true,
    height: 300,
    heading: 'live, in your browser',
  });
  const controls = htmlElement('div', { class: 'dn-row dn-depth-controls' }, liveBox);
  const examples = intSlider(
    controls,
    { key: 'n', label: 'examples', ...LIVE_EXAMPLES, value: options.examples },
    (v) => {
      options = { ...options, examples: v };
      writeUrl();
    },
  );
  const labels = select(
    controls,
    {
      key: 'labels',
      label: 'labels',
      value: options.labels,
      options: [
        { value: 'shuffle', text: 'random (shuffled)' },
        { value: 'true', text: 'true' },
      ],
    },
    (v) => {
      options = { ...options, labels: v as 'shuffle' | 'true' };
      writeUrl();
    },
  );
  const buttons = htmlElement('div', { class: 'dn-buttons' }, liveBox);
  const runButton = button(buttons, 'Run the four models', () => void run(), { 'data-action': 'run' });
  const stopButton = button(buttons, 'Stop', () => abort?.abort(), { 'data-action': 'stop' });
  stopButton.disabled = true;
  const liveStatus = htmlElement(
    'p',
    { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'live-status' },
    liveBox,
  );
  const table = htmlElement('table', { class: 'dn-depth-table' }, root);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const h of [
    'model',
    'parameters',
    'full run: epochs to 100%',
    'live: epoch',
    'live: epochs to 100%',
    'live: train / test accuracy',
  ]) {
    htmlElement('th', { scope: 'col' }, head).textContent = h;
  }
  const body = htmlElement('tbody', {}, table);
  const toolbar = createToolbar(root, {
    name: 'random-labels',
    svg: () => figureSvg(root, [{ svg: full.svg }, { svg: live.svg }]),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, SCHEMA, window.location.search);
    if (typeof values.n === 'number') options = { ...options, examples: values.n };
    if (values.labels === 'shuffle' || values.labels === 'true')
      options = { ...options, labels: values.labels };
    examples.set(options.examples);
    labels.value = options.labels;
    toolbar.notify(notices);
  }
  function writeUrl(): void {
    if (options.urlPrefix)
      replaceUrlState(options.urlPrefix, { n: options.examples, labels: options.labels });
  }

  const shuffled = () => options.curves.find((c) => c.labels !== 'true');

  function drawCurves(
    plot: LogPlot,
    series: { name: string; curve: CurvePoint[] | LiveModel['curve'] }[],
    maxEpoch: number,
    test: boolean,
  ): void {
    const s = plot.frame([0, Math.max(1, Math.log10(Math.max(10, maxEpoch)))], [0, 1]);
    plot.curves.replaceChildren();
    series.forEach(({ name, curve }, i) => {
      const color = unitColor(i);
      const pts = curve.filter((p) => p.epoch >= 1);
      svgElement(
        'path',
        {
          d: polylinePath(
            pts.map((p) => s.x(Math.log10(p.epoch))),
            pts.map((p) => s.y(p.trainError)),
          ),
          fill: 'none',
          style: `stroke: ${color}`,
          class: 'dn-curve',
          'data-model': name,
        },
        plot.curves,
      );
      if (test) {
        const tp = pts.filter((p) => p.testError !== undefined);
        svgElement(
          'path',
          {
            d: polylinePath(
              tp.map((p) => s.x(Math.log10(p.epoch))),
              tp.map((p) => s.y(p.testError as number)),
            ),
            fill: 'none',
            style: `stroke: ${color}`,
            class: 'dn-curve dn-depth-dashed',
            'data-model-test': name,
          },
          plot.curves,
        );
      }
      svgElement(
        'text',
        { x: 62, y: 200 - 14 * (series.length - 1 - i), class: 'dn-tick', style: `fill: ${color}` },
        plot.curves,
      ).textContent = name;
    });
  }

  function drawFull(): void {
    const doc = shuffled();
    const models = doc?.models ?? [];
    const maxEpoch = Math.max(10, ...models.map((m) => m.epoch));
    drawCurves(
      full,
      models.map((m) => ({ name: m.name, curve: m.curve })),
      maxEpoch,
      false,
    );
    if (!doc) {
      fullNote.textContent =
        'The full run has not written its curves yet (it trains for hours on this machine); run `pnpm exec deepnets experiment random-labels` to make them.';
      fullNote.dataset.complete = 'false';
    } else {
      const complete = isComplete(doc);
      const reached = models
        .filter((m) => m.epochsTo100 !== null)
        .map((m) => `${m.name} at epoch ${formatBig(m.epochsTo100 as number)}`);
      fullNote.textContent = `${complete ? 'Complete' : 'Still running — a snapshot'}: ${doc.models.length} models, full-batch gradient descent, learning rate ${doc.learningRate}, labels ${doc.labels}. ${reached.length ? `100% training accuracy: ${reached.join(', ')}.` : 'No model has reached 100% training accuracy yet.'}${complete ? ` Order: ${memorisationOrder(models).join(' < ')}.` : ` Furthest epoch so far: ${formatBig(Math.max(0, ...models.map((m) => m.epoch)))}.`}${options.command ? ` Made by: ${options.command}.` : ''}`;
      fullNote.dataset.complete = String(complete);
    }
    full.setTitle('Training error of the four models of Figure 20.2 (full run) against epochs, log scale.');
  }

  function drawLive(): void {
    const maxEpoch = Math.max(10, ...state.live.map((m) => m.epoch));
    drawCurves(
      live,
      state.live.map((m) => ({ name: m.name, curve: m.curve })),
      maxEpoch,
      state.labels === 'true',
    );
    live.setTitle('Training error (and, with true labels, dashed: test error) of the live run.');
    body.replaceChildren();
    const doc = shuffled();
    FIGURE_20_2_MODELS.forEach((model) => {
      const tr = htmlElement('tr', { 'data-model': model.name }, body);
      htmlElement('th', { scope: 'row' }, tr).textContent = `${model.hidden.length} × ${model.hidden[0]}`;
      htmlElement('td', { 'data-parameters': modelParameters(model.hidden) }, tr).textContent = formatBig(
        modelParameters(model.hidden),
      );
      const f = doc?.models.find((m) => m.name === model.name);
      htmlElement('td', {}, tr).textContent = f
        ? f.epochsTo100 === null
          ? `not yet (epoch ${formatBig(f.epoch)})`
          : formatBig(f.epochsTo100)
        : '—';
      const m = state.live.find((x) => x.name === model.name);
      htmlElement('td', { 'data-live-epoch': m?.epoch ?? 0 }, tr).textContent = m ? formatBig(m.epoch) : '—';
      htmlElement('td', { 'data-epochs-to-100': m?.epochsTo100 ?? '' }, tr).textContent = m?.epochsTo100
        ? formatBig(m.epochsTo100)
        : m?.done
          ? 'cap reached'
          : '—';
      const acc = (e: number | undefined) => (e === undefined ? '—' : `${(100 * (1 - e)).toFixed(1)}%`);
      htmlElement('td', {}, tr).textContent = m ? `${acc(m.trainError)} / ${acc(m.testError)}` : '—';
    });
    root.dataset.running = String(state.running);
    store.set({ ...state, live: state.live.map((m) => ({ ...m })) });
  }

  /** Redraws at most once per animation frame while training streams epochs. */
  function scheduleLive(): void {
    if (frame || typeof requestAnimationFrame === 'undefined') {
      if (!frame) drawLive();
      return;
    }
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!destroyed) drawLive();
    });
  }

  async function run(): Promise<void> {
    if (!options.trainModel || !options.mnist1d) {
      liveStatus.textContent = 'No worker is connected to this widget (pass `trainModel` and `mnist1d`).';
      return;
    }
    abort?.abort();
    abort = new AbortController();
    const signal = abort.signal;
    const n = options.examples;
    state.running = true;
    state.labels = options.labels;
    state.order = [];
    state.live = FIGURE_20_2_MODELS.map((m) => ({
      name: m.name,
      parameters: modelParameters(m.hidden),
      epoch: 0,
      epochsTo100: null,
      trainError: 1,
      curve: [],
      done: false,
    }));
    runButton.disabled = true;
    stopButton.disabled = false;
    liveStatus.textContent = 'Making MNIST-1D in the worker…';
    drawLive();
    const started = performance.now();
    try {
      const d = await options.mnist1d({
        seed: 42,
        ...(options.labels === 'shuffle' ? { randomLabels: { mode: 'shuffle' } } : {}),
      });
      if (destroyed || signal.aborted) return;
      const L = d.length;
      const data = {
        count: n,
        inputs: L,
        targetWidth: 1,
        x: d.x.slice(0, n * L),
        y: Float64Array.from(d.y.subarray(0, n)),
      };
      const test = {
        count: d.yTest.length,
        inputs: L,
        targetWidth: 1,
        x: d.xTest,
        y: Float64Array.from(d.yTest),
      };
      liveStatus.textContent = `Training four models on ${formatBig(n)} examples (${options.labels === 'true' ? 'true' : 'shuffled'} labels), full-batch gradient descent, learning rate ${options.learningRate}, until 100% training accuracy or ${formatBig(options.maxEpochs)} epochs…`;
      await Promise.all(
        FIGURE_20_2_MODELS.map(async (model, i) => {
          const entry = state.live[i] as LiveModel;
          const result = await (options.trainModel as TrainModel)({
            model: { name: model.name, hidden: [...model.hidden] },
            data,
            ...(options.labels === 'true' ? { test } : {}),
            maxEpochs: options.maxEpochs,
            learningRate: options.learningRate,
            curveEvery: 10,
            checkpointEvery: 1_000_000,
            ...(options.kernel ? { kernel: options.kernel } : {}),
            signal,
            throttleMs: 100,
            onEpoch: (m) => {
              entry.epoch = m.epoch;
              entry.trainError = 1 - (m.accuracy ?? 0);
              if (m.validationAccuracy !== undefined) entry.testError = 1 - m.validationAccuracy;
              entry.curve.push({
                epoch: m.epoch,
                trainError: entry.trainError,
                ...(entry.testError === undefined ? {} : { testError: entry.testError }),
              });
              if (entry.trainError === 0 && entry.epochsTo100 === null) entry.epochsTo100 = m.epoch;
              scheduleLive();
            },
          });
          entry.epoch = result.epoch;
          entry.epochsTo100 = result.epochsTo100;
          const last = result.curve.at(-1);
          if (last) {
            entry.trainError = last.trainError;
            if (last.testError !== undefined) entry.testError = last.testError;
          }
          entry.done = true;
          scheduleLive();
        }),
      );
      if (destroyed) return;
      state.order = state.live.every((m) => m.epochsTo100 !== null) ? memorisationOrder(state.live) : [];
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      liveStatus.textContent =
        options.labels === 'true'
          ? `Done in ${seconds} s. With true labels ${state.live.filter((m) => m.epochsTo100 !== null).length} of 4 models fit all ${formatBig(n)} training examples; test accuracy on 1,000 unseen examples: ${state.live.map((m) => `${m.name} ${(100 * (1 - (m.testError ?? 1))).toFixed(1)}%`).join(', ')} (chance is 10%).`
          : `Done in ${seconds} s. Epochs to memorise ${formatBig(n)} random labels: ${state.live.map((m) => `${m.name} ${m.epochsTo100 === null ? `not within ${formatBig(options.maxEpochs)}` : formatBig(m.epochsTo100)}`).join(', ')}. ${orderSentence(state.live, options.maxEpochs)}`;
    } catch (error) {
      if (!destroyed)
        liveStatus.textContent = signal.aborted ? 'Stopped.' : `Training failed: ${(error as Error).message}`;
    } finally {
      state.running = false;
      if (!destroyed) {
        runButton.disabled = false;
        stopButton.disabled = true;
        drawLive();
      }
    }
  }

  drawFull();
  drawLive();

  return {
    update(partial) {
      options = { ...options, ...partial };
      examples.set(options.examples);
      labels.value = options.labels;
      drawFull();
      drawLive();
    },
    destroy() {
      destroyed = true;
      abort?.abort();
      if (frame) cancelAnimationFrame(frame);
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
