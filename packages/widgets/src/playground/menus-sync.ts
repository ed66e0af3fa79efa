/**
 * Fills the playground's menus from the worker's catalog and the page's registry, checks the
 * URL's data set once every name is known, and shows the notices that say why something cannot
 * be done (no worker, no data set, ignored URL parameters).
 */
import type { Registry } from '@deepnets/core';
import type { createStore } from '../kit/widget.ts';
import { activationMenu, type MenuItem, optimizerMenu } from './menus.ts';
import type { PlaygroundSources } from './sources.ts';
import type { PlaygroundState } from './state.ts';
import { fillSelect, type PlaygroundView } from './view.ts';

export interface MenusSyncOptions {
  registry: Registry;
  view: PlaygroundView;
  store: ReturnType<typeof createStore<PlaygroundState>>;
  sources(): PlaygroundSources;
  fallbackOptimizers(): readonly string[] | undefined;
  canTrain(): boolean;
  /** The URL prefix, the URL's data set (undefined when none) and the notices about the URL. */
  urlPrefix: string | undefined;
  urlDataset: string | undefined;
  notices: string[];
  /** The data set asked for by the options. */
  wantedDataset: string;
}

/** Returns `{ read, notify }`: `read()` refills the menus and returns the chosen data set and activation. */
export function createMenusSync(o: MenusSyncOptions) {
  let urlDataset = o.urlDataset;
  let wanted = o.wantedDataset;

  function notify(): void {
    const sources = o.sources();
    const lines = [...o.notices];
    if (!o.canTrain()) {
      lines.push('Train needs a worker: mount the playground with { worker: runner.api } (see the README).');
    }
    if (sources.failure) lines.push(`Data sets: ${sources.failure}.`);
    else if (sources.ready && o.store.get().menus.datasets.length === 0) {
      lines.push('No 2-input classification data set is registered in the worker or on the page.');
    }
    o.view.toolbar.notify(lines);
  }

  function checkUrlDataset(datasets: readonly MenuItem[]): void {
    if (urlDataset === undefined || !o.sources().ready) return;
    const names = datasets.map((i) => i.value);
    if (names.includes(urlDataset)) wanted = urlDataset;
    else {
      const shown = urlDataset.length > 40 ? `${urlDataset.slice(0, 40)}…` : urlDataset;
      o.notices.push(`Ignored "${o.urlPrefix}.dataset=${shown}": expected one of ${names.join(', ')}.`);
    }
    urlDataset = undefined;
  }

  function read(): { dataset: string; activation: string } {
    const sources = o.sources();
    const datasets = sources.datasets();
    checkUrlDataset(datasets);
    const activations = activationMenu(o.registry);
    const workerOptimizers = sources.optimizers();
    const optimizers = workerOptimizers
      ? workerOptimizers.map((name) => ({ value: name, text: name }))
      : optimizerMenu(o.registry, o.fallbackOptimizers());
    const s = o.store.get();
    // A page data set (CSV, drawn, function) shows as an extra choice, not one of the menu's sets.
    const page = s.source === 'menu' ? [] : [{ value: s.dataset, text: s.dataset }];
    const dataset = fillSelect(o.view.datasetSelect, [...datasets, ...page], s.dataset || wanted);
    const activation = fillSelect(o.view.activationSelect, activations, s.activation);
    const optimizer = fillSelect(o.view.optimizerSelect, optimizers, s.optimizer);
    o.store.set({
      ...o.store.get(),
      activation,
      optimizer,
      menus: {
        datasets: datasets.map((i) => i.value),
        activations: activations.map((i) => i.value),
        optimizers: optimizers.map((i) => i.value),
      },
    });
    notify();
    return { dataset, activation };
  }
  return { read, notify };
}
