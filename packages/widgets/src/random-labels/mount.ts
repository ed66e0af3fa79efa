/**
 * Widget `random-labels`: fitting and generalisation (the book's Figure 20.2). Left: the curves of
 * the full experiment (4000 MNIST-1D examples with shuffled labels, full-batch gradient descent,
 * four MLPs of about 15,200 parameters), as committed by our CLI. Right: a scaled-down version the
 * reader runs in the page's worker pool (400 examples; a larger learning rate so it finishes in
 * seconds), which shows the same ordering: deeper models memorise the random labels in fewer
 * epochs. With true labels, the same models also report test accuracy: memorising is not
 * generalising. State and texts: state.ts; drawing: view.ts; the live run: live-run.ts.
 */
import { formatBig } from '../depth-kit/bigint.ts';
import { button, intSlider, select } from '../depth-kit/controls.ts';
import { createLogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { createNetworkExports } from '../kit/network-file.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import { FIGURE_20_2_MODELS, memorisationOrder } from './curves.ts';
import { runLiveModels } from './live-run.ts';
import {
  DEFAULT_RANDOM_LABELS,
  LIVE_EXAMPLES,
  liveDoneText,
  RANDOM_LABELS_URL_SCHEMA,
  type RandomLabelsOptions,
  type RandomLabelsWidgetState,
  untrainedModels,
} from './state.ts';
import { drawCurves, drawFullRun, drawTable } from './view.ts';

export {
  LIVE_EXAMPLES,
  type LiveModel,
  type RandomLabelsOptions,
  type RandomLabelsWidgetState,
} from './state.ts';

export function mountRandomLabels(
  element: HTMLElement,
  initial: Partial<RandomLabelsOptions> = {},
): WidgetHandle<RandomLabelsOptions, RandomLabelsWidgetState> {
  let options: RandomLabelsOptions = { ...DEFAULT_RANDOM_LABELS, ...initial };
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
  const reproduce = htmlElement('details', { class: 'dn-reproduce', 'data-role': 'reproduce' }, fullBox);
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
  // Each model's trained network, once it finished (a file `deepnets regions --plane` can count).
  const exports = createNetworkExports(
    liveBox,
    FIGURE_20_2_MODELS.map((m) => ({
      key: m.name,
      name: `random-labels-${m.name}`,
      label: `Export ${m.name}`,
      network: () => state.live.find((l) => l.name === m.name)?.network,
    })),
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
    const { values, notices } = readUrlState(
      options.urlPrefix,
      RANDOM_LABELS_URL_SCHEMA,
      window.location.search,
    );
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
  const drawFull = () => drawFullRun(full, fullNote, reproduce, shuffled(), options.command);

  function drawLive(): void {
    const maxEpoch = Math.max(10, ...state.live.map((m) => m.epoch));
    const series = state.live.map((m) => ({ name: m.name, curve: m.curve }));
    drawCurves(live, series, maxEpoch, state.labels === 'true');
    live.setTitle('Training error (and, with true labels, dashed: test error) of the live run.');
    drawTable(body, state, shuffled());
    exports.refresh(true);
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
    const { trainModel, mnist1d } = options;
    if (!trainModel || !mnist1d) {
      liveStatus.textContent = 'No worker is connected to this widget (pass `trainModel` and `mnist1d`).';
      return;
    }
    abort?.abort();
    abort = new AbortController();
    const signal = abort.signal;
    const o = { ...options, trainModel, mnist1d };
    const n = o.examples;
    Object.assign(state, { running: true, labels: o.labels, order: [], live: untrainedModels() });
    runButton.disabled = true;
    stopButton.disabled = false;
    liveStatus.textContent = 'Making MNIST-1D in the worker…';
    drawLive();
    const started = performance.now();
    try {
      await runLiveModels(o, state.live, signal, scheduleLive, () => {
        liveStatus.textContent = `Training four models on ${formatBig(n)} examples (${o.labels === 'true' ? 'true' : 'shuffled'} labels), full-batch gradient descent, learning rate ${o.learningRate}, until 100% training accuracy or ${formatBig(o.maxEpochs)} epochs…`;
      });
      if (destroyed || signal.aborted) {
        if (!destroyed && signal.aborted) liveStatus.textContent = 'Stopped.';
        return;
      }
      state.order = state.live.every((m) => m.epochsTo100 !== null) ? memorisationOrder(state.live) : [];
      liveStatus.textContent = liveDoneText(
        state.live,
        o,
        n,
        ((performance.now() - started) / 1000).toFixed(1),
      );
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
