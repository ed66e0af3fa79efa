/**
 * Widget `depth-demo`: "harder to train beyond about 20 layers", live. Plain ReLU networks of
 * growing depth (width 8, He init, full-batch gradient descent) train on the same two-moons task
 * for the same number of epochs in the worker pool, a few seeds each; the picture shows where
 * runs stop learning (final loss stuck at ln 2). Cancel aborts every run in flight; every trained
 * network can be exported as a `deepnets.network/v1` file.
 */
import type { Network } from '@deepnets/core';
import { button } from '../depth-kit/controls.ts';
import { htmlElement } from '../kit/dom.ts';
import { createNetworkExport } from '../kit/network-export.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { runTrials, type TrialPlan, type TrialRow } from '../kit/trials.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import type { MakeSearchDataset, TrainFunction } from '../kit/worker-services.ts';
import {
  DEFAULT_DEPTH_DEMO,
  type DepthDemoSettings,
  type DepthSummary,
  depthPlans,
  runChoice,
  stallDepth,
  summariseDepths,
} from './state.ts';
import { createDepthDemoView } from './view.ts';

export interface DepthDemoOptions extends Partial<DepthDemoSettings> {
  makeDataset?: MakeSearchDataset;
  train?: TrainFunction;
  concurrency?: number;
}

export interface DepthDemoState {
  running: boolean;
  rows: TrialRow[];
  summary: DepthSummary[];
  /** The smallest depth from which fewer than half of the runs trained (once all finished). */
  stall?: number;
}

export function mountDepthDemo(
  element: HTMLElement,
  options: DepthDemoOptions = {},
): WidgetHandle<DepthDemoOptions, DepthDemoState> {
  const settings: DepthDemoSettings = { ...DEFAULT_DEPTH_DEMO, ...options };
  const store = createStore<DepthDemoState | undefined>(undefined);
  let state: DepthDemoState = { running: false, rows: [], summary: summariseDepths([], settings.depths) };
  let abort: AbortController | undefined;
  const root = htmlElement('div', { class: 'dn-widget dn-depth-demo', 'data-widget': 'depth-demo' }, element);
  const buttons = htmlElement('div', { class: 'dn-buttons' }, root);
  const run = button(
    buttons,
    `Train ${settings.depths.length * settings.seeds} networks`,
    () => void start(),
    { 'data-action': 'run' },
  );
  const cancel = button(buttons, 'Cancel', () => abort?.abort(), { 'data-action': 'cancel' });
  cancel.disabled = true;
  run.disabled = !options.train || !options.makeDataset;
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'status' }, root);
  status.textContent = `K = ${settings.depths.join(', ')} hidden layers of ${settings.width} units, ${settings.seeds} seeds each, ${settings.epochs} epochs at learning rate ${settings.learningRate} on ${settings.dataset}.`;
  const view = createDepthDemoView(root);
  createToolbar(root, { name: 'depth-demo', svg: () => view.svg });
  const plans = depthPlans(settings);
  /** Trained networks by run (`runChoice` value), for Export network. */
  const trained = new Map<string, Network>();
  const exporter = createNetworkExport(root, {
    name: 'depth-demo',
    choices: plans.map(runChoice),
    networks: () => (trained.size > 0 ? Object.fromEntries(trained) : undefined),
  });

  const publish = (change: Partial<DepthDemoState>) => {
    state = { ...state, ...change };
    view.draw(state.rows, state.summary, settings.depths);
    store.set(state);
  };

  async function start(): Promise<void> {
    if (!options.train || !options.makeDataset || state.running) return;
    abort = new AbortController();
    run.disabled = true;
    cancel.disabled = false;
    const { stall: _old, ...rest } = state;
    state = rest;
    trained.clear();
    exporter.refresh();
    publish({ running: true, rows: [] });
    try {
      const data = await options.makeDataset(settings.dataset, { seed: 1, samples: 200 });
      const rows = await runTrials(
        plans,
        { epochs: settings.epochs, validation: 0, seed: 1 },
        data,
        { train: options.train, concurrency: options.concurrency ?? 2 },
        abort.signal,
        {
          onRows: (r) => publish({ rows: r, summary: summariseDepths(r, settings.depths) }),
          onNetwork: (trial, network) => {
            trained.set(runChoice(plans[trial] as TrialPlan).value, network);
            exporter.refresh();
          },
        },
      );
      const summary = summariseDepths(rows, settings.depths);
      const stall = abort.signal.aborted ? undefined : stallDepth(summary);
      status.textContent = abort.signal.aborted
        ? 'Cancelled: every run in flight was stopped.'
        : stall === undefined
          ? 'Every depth trained in at least half of its runs this time (measured, one draw of seeds).'
          : `From K = ${stall} on, fewer than half of the runs trained (measured over ${settings.seeds} seeds per depth).`;
      publish({ running: false, rows, summary, ...(stall === undefined ? {} : { stall }) });
    } catch (error) {
      status.textContent = `Stopped: ${(error as Error).message.slice(0, 160)}`;
      publish({ running: false });
    } finally {
      run.disabled = false;
      cancel.disabled = true;
    }
  }

  publish({});
  return createHandle(root, store, {
    update() {},
    cleanup: () => {
      abort?.abort();
      exporter.destroy();
    },
  });
}
