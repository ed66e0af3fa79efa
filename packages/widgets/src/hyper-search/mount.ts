/**
 * Widget `hyper-search`: hyper-parameter search, live. Grid or random search over the depth K,
 * the widths D_k and the learning rate alpha on a 2-D data set, every trial trained in the worker
 * pool with the same validation split; a sortable table of trials, each trial's validation curve,
 * the best network (lowest validation loss) drawn with its exact linear regions, and the cost in
 * trials x epochs. Cancel aborts every trial in flight.
 */
import type { Network } from '@deepnets/core';
import { htmlElement } from '../kit/dom.ts';
import { createNetworkFileControls } from '../kit/network-file.ts';
import { type Regions2DSource, regions2dWithFallback } from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import type { TrialRow } from '../kit/trials.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import type { Dataset, MakeSearchDataset, TrainFunction } from '../kit/worker-services.ts';
import { createSearchPictures } from './pictures.ts';
import { runSearch } from './run.ts';
import {
  bestRow,
  DEFAULT_SETTINGS,
  type HyperSearchSettings,
  planTrials,
  searchCost,
  URL_SCHEMA,
} from './state.ts';
import { createTrialTable } from './table.ts';
import { createControls } from './view.ts';

export interface HyperSearchOptions extends Partial<HyperSearchSettings> {
  /** Makes a data set (the worker's `makeDataset`). */
  makeDataset?: MakeSearchDataset;
  /** Trains one trial (a worker pool's `api.train`). Without it nothing trains. */
  train?: TrainFunction;
  /** Trials in flight at once (the pool's size). */
  concurrency?: number;
  regions2d?: Regions2DSource;
  urlPrefix?: string;
}

export interface HyperSearchState {
  running: boolean;
  settings: HyperSearchSettings;
  rows: TrialRow[];
  /** The best finished trial, its trained network, its drawn box and its exact region count. */
  best?: { trial: number; regions: number; network: Network; box: [number, number, number, number] };
}

export function mountHyperSearch(
  element: HTMLElement,
  initial: HyperSearchOptions = {},
): WidgetHandle<HyperSearchOptions, HyperSearchState> {
  let options = initial;
  const store = createStore<HyperSearchState | undefined>(undefined);
  let state: HyperSearchState = { running: false, settings: { ...DEFAULT_SETTINGS, ...initial }, rows: [] };
  let abort: AbortController | undefined;
  let data: Dataset | undefined;
  const networks = new Map<number, Network>();
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-hyper-search', 'data-widget': 'hyper-search' },
    element,
  );
  const controls = createControls(root, state.settings, {
    run: () => void run(),
    cancel: () => abort?.abort(),
    change: preview,
  });
  const table = createTrialTable(root);
  const pictures = createSearchPictures(root);
  const toolbar = createToolbar(root, { name: 'hyper-search', svg: () => pictures.mapSvg });
  /** Export best network: the trained network of the best trial, whose regions are drawn. */
  const files = createNetworkFileControls(root, {
    get name() {
      return `hyper-search-best-trial-${(state.best?.trial ?? 0) + 1}`;
    },
    label: 'Export best network',
    network: () => state.best?.network,
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
    const s = state.settings;
    state.settings = {
      ...s,
      dataset: (values.data as HyperSearchSettings['dataset'] | undefined) ?? s.dataset,
      strategy: (values.strategy as HyperSearchSettings['strategy'] | undefined) ?? s.strategy,
      epochs: (values.epochs as number | undefined) ?? s.epochs,
      randomTrials: (values.trials as number | undefined) ?? s.randomTrials,
    };
    controls.set(state.settings);
    toolbar.notify(notices);
  }

  const publish = (change: Partial<HyperSearchState>) => {
    state = { ...state, ...change };
    const best = bestRow(state.rows);
    table.render(state.rows, best?.trial);
    pictures.drawCurves(state.rows, state.settings.epochs, best?.trial);
    if (state.rows.length > 0) {
      const cost = searchCost(state.rows, state.settings.epochs);
      controls.cost.textContent = `Cost: ${state.rows.length} trials x ${state.settings.epochs} epochs = ${cost.planned} epochs of training (${cost.done} done).`;
    }
    (controls.regions.parentElement as HTMLElement).hidden = state.best === undefined;
    files.refresh();
    store.set(state);
  };

  /** Shows the planned trials and their cost before anything runs; reports a bad list. */
  function preview(): void {
    if (state.running) return;
    try {
      const settings = controls.read();
      const n = planTrials(settings).length;
      controls.status.textContent = `${n} trials planned (${settings.strategy}).`;
      controls.cost.textContent = `Cost of this plan: ${n} trials x ${settings.epochs} epochs = ${n * settings.epochs} epochs of training.`;
      controls.run.disabled = !options.train;
      state = { ...state, settings };
      if (options.urlPrefix) {
        replaceUrlState(options.urlPrefix, {
          data: settings.dataset,
          strategy: settings.strategy,
          epochs: settings.epochs,
          trials: settings.randomTrials,
        });
      }
    } catch (error) {
      controls.status.textContent = (error as Error).message;
      controls.run.disabled = true;
    }
  }

  async function drawBest(): Promise<void> {
    const best = bestRow(state.rows);
    const net = best && networks.get(best.trial);
    if (!best || !net || !data) return;
    const xs = data.train.x;
    let m = 0;
    for (const v of xs) m = Math.max(m, Math.abs(v));
    const r = Math.ceil(m * 11) / 10;
    const box: [number, number, number, number] = [-r, r, -r, r];
    const regions = await regions2dWithFallback(options.regions2d, net, { box });
    if (bestRow(state.rows)?.trial !== best.trial) return;
    controls.regions.dataset.regions = String(regions.linearRegions);
    controls.regions.textContent = String(regions.linearRegions);
    pictures.drawBest(
      net,
      regions,
      data.train,
      `Best so far: trial ${best.trial + 1}, K = ${best.hidden.length}, D = ${best.hidden.join(', ')}, alpha = ${best.learningRate}; validation loss ${best.validationLoss?.toFixed(4)}; ${regions.linearRegions} linear regions (exact).`,
    );
    publish({ best: { trial: best.trial, regions: regions.linearRegions, network: net, box } });
  }

  async function run(): Promise<void> {
    if (!options.train || !options.makeDataset || state.running) return;
    let settings: HyperSearchSettings;
    try {
      settings = controls.read();
      planTrials(settings);
    } catch (error) {
      controls.status.textContent = (error as Error).message;
      return;
    }
    abort = new AbortController();
    networks.clear();
    controls.setRunning(true);
    controls.status.textContent = 'Making the data set…';
    controls.regions.textContent = '';
    controls.regions.dataset.regions = '';
    pictures.drawBest(undefined, undefined, undefined, '');
    const { best: _old, ...rest } = state;
    state = rest;
    publish({ running: true, settings, rows: [] });
    try {
      data = await options.makeDataset(settings.dataset, { seed: settings.seed });
      controls.status.textContent = `Training on ${data.train.count} examples (${Math.round(settings.validation * 100)}% held out for validation)…`;
      const rows = await runSearch(
        settings,
        data,
        { train: options.train, concurrency: options.concurrency ?? 2 },
        abort.signal,
        {
          onRows: (r) => publish({ rows: r }),
          onNetwork: (trial, net) => {
            networks.set(trial, net);
            void drawBest();
          },
        },
      );
      const cancelled = rows.filter((r) => r.status === 'cancelled').length;
      const failed = rows.filter((r) => r.status === 'failed').length;
      controls.status.textContent = cancelled
        ? `Cancelled: ${rows.length - cancelled} of ${rows.length} trials finished; every trial in flight was stopped.`
        : `Done: ${rows.length} trials${failed ? `, ${failed} failed` : ''}.`;
      publish({ running: false, rows });
    } catch (error) {
      controls.status.textContent = `The search stopped: ${(error as Error).message.slice(0, 160)}`;
      publish({ running: false });
    } finally {
      controls.setRunning(false);
    }
    await drawBest();
  }

  preview();
  publish({});
  return createHandle(root, store, {
    update(change) {
      options = { ...options, ...change };
      preview();
    },
    cleanup: () => {
      abort?.abort();
      files.destroy();
    },
  });
}
