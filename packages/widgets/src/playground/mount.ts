/**
 * The playground, in the spirit of the TensorFlow playground but exact: trains in the worker on its
 * data sets or yours, and shows the decision map, loss and accuracy, the network (weights on hover,
 * export/open as a file) and the exact linear regions (`data-regions`). This file only wires
 * `state.ts`, `view.ts`/`draw.ts`, `training.ts`, `regions-job.ts`, `user-data.ts`, `sources.ts`.
 */
import { registry as defaultRegistry, type Network } from '@deepnets/core';
import { replaceUrlState } from '../kit/url-state.ts';
import { createStore, type WidgetHandle } from '../kit/widget.ts';
import type { TrainFunction } from '../kit/worker-services.ts';
import { createDatasetChoice } from './dataset-choice.ts';
import { drawCurves, drawPoints, drawRegions, drawStatus, paintHeat } from './draw.ts';
import type { PlaygroundDataset } from './menus.ts';
import { createMenusSync } from './menus-sync.ts';
import { createNetworkPanel } from './network-panel.ts';
import { createRegionsJob, regionsSourceOf } from './regions-job.ts';
import { bindSettings } from './settings.ts';
import { createPlaygroundSources } from './sources.ts';
import {
  boxOf,
  checkPlayableNetwork,
  freshNetwork,
  hiddenWidths,
  initialState,
  type PlaygroundOptions,
  type PlaygroundState,
  settingsOf,
} from './state.ts';
import { playgroundUrlValues, readPlaygroundUrl } from './state-url.ts';
import { createThrottle } from './throttle.ts';
import { createTrainingControl } from './training.ts';
import { bindUserData } from './user-data.ts';
import { buildPlaygroundView, observeResolution, shapeMap } from './view.ts';

export function mountPlayground(
  element: HTMLElement,
  initial: PlaygroundOptions = {},
): WidgetHandle<PlaygroundOptions, PlaygroundState> {
  let options: PlaygroundOptions = { ...initial };
  const registry = options.registry ?? defaultRegistry;
  const view = buildPlaygroundView(element);
  let seed = options.seed ?? 1;
  let dataset: PlaygroundDataset | undefined;
  let pixels = 0;
  let destroyed = false;
  // URL state: data set names are known once the worker's catalog arrives (checked in readMenus).
  const urlPrefix = options.urlPrefix;
  const url =
    urlPrefix && typeof window !== 'undefined'
      ? readPlaygroundUrl(urlPrefix, window.location.search, registry, options.fallbackOptimizers)
      : { notices: [] };
  const store = createStore<PlaygroundState>(initialState(options, url));
  const patch = (p: Partial<PlaygroundState>) => store.set({ ...store.get(), ...p });

  const shape = (box: PlaygroundState['box']) => shapeMap(view, box);
  function writeUrl(): void {
    if (urlPrefix) replaceUrlState(urlPrefix, playgroundUrlValues(store.get()));
  }

  /** Train's function: the injected `train`, else the worker's. */
  function trainFunction(): TrainFunction | undefined {
    const worker = options.worker;
    return options.train ?? (worker ? (o) => worker.train(o) : undefined);
  }

  const settings = bindSettings(view, store, {
    changed: (what) => (what === 'activation' || what === 'hidden' ? reset() : writeUrl()),
    redraw: () => redrawStatus(),
  });

  function redrawStatus(): void {
    drawStatus(view, store.get(), {
      registry,
      canTrain: trainFunction() !== undefined,
      hiddenInvalid: settings.hiddenInvalid(),
      regression: dataset?.task === 'regression',
    });
  }

  const menus = createMenusSync({
    registry,
    view,
    store,
    sources: () => sources,
    fallbackOptimizers: () => options.fallbackOptimizers,
    canTrain: () => trainFunction() !== undefined,
    urlPrefix,
    urlDataset: url.dataset === 'function' || url.dataset === 'drawn' ? undefined : url.dataset,
    notices: [...url.notices],
    wantedDataset: options.dataset ?? '',
  });

  /** Refills the menus; once the worker's names are known, makes the chosen data set. */
  function readMenus(): void {
    const { dataset: chosen, activation } = menus.read();
    // Until the worker's names are known, keep the choice open (the wanted set may be the worker's).
    if (!sources.ready) return;
    if (store.get().source !== 'menu') {
      if (activation !== store.get().network?.activation) reset();
      return;
    }
    if (chosen !== choice.name) chooseDataset(chosen);
    else if (activation !== store.get().network?.activation) reset();
  }

  const choice = createDatasetChoice(
    () => sources,
    (name, made) => {
      dataset = made;
      userData.tools.setDrawing(false);
      patch({ source: 'menu', dataset: name, box: shape(made ? boxOf(made) : [-1, 1, -1, 1]) });
      reset();
    },
    (name, e) => {
      patch({ status: 'error', error: `data set ${name}: ${(e as Error).message}` });
      redrawStatus();
    },
  );

  function chooseDataset(name: string): void {
    stop();
    dataset = undefined;
    choice.choose(name);
  }

  /** A fresh network for the current settings (He initialisation, seed `seed`). */
  function fresh(): Network | undefined {
    const made = freshNetwork(store.get(), dataset, seed);
    if (made.error) patch({ error: made.error });
    return made.network;
  }

  const stop = () => training.stop();

  /** Back to epoch 0 with `net` (an opened network) or a fresh one. */
  function reset(net?: Network): void {
    stop();
    patch({
      status: 'idle',
      epoch: 0,
      history: [],
      network: net ?? fresh(),
      regions: undefined,
      regionsNetwork: undefined,
      error: undefined,
    });
    drawAll();
    writeUrl();
  }

  function repaint(): void {
    const error = paintHeat(view, store.get(), dataset, pixels);
    if (error) patch({ error });
  }

  const updateRegions = createRegionsJob({
    registry,
    current: () => store.get(),
    source: () => regionsSourceOf(options),
    done: (r, network, error) => {
      drawRegions(view, store.get().box, r);
      patch({ regions: r?.linearRegions, regionsNetwork: network, ...(error ? { error } : {}) });
      redrawStatus();
    },
    destroyed: () => destroyed,
  });

  function drawAll(): void {
    drawPoints(view, store.get(), dataset);
    repaint();
    network.draw(store.get().network);
    drawCurves(view, store.get().history);
    redrawStatus();
    void updateRegions();
  }

  /** Heat map and regions at most once per `redrawEveryMs` while training. */
  const redraw = createThrottle(
    () => {
      repaint();
      network.draw(store.get().network);
      void updateRegions();
    },
    () => options.redrawEveryMs ?? 250,
  );

  const training = createTrainingControl({
    store,
    options: () => options,
    trainFunction,
    dataset: () => dataset,
    seed: () => seed,
    allowed: () => !settings.hiddenInvalid(),
    onPoint: () => {
      drawCurves(view, store.get().history);
      redrawStatus();
    },
    onNetwork: () => redraw.schedule(),
    onEnd: (net) => {
      redrawStatus();
      if (!net) return;
      repaint();
      network.draw(net);
      void updateRegions();
    },
  });

  /** Shows an opened network: its widths and activation become the settings; training starts from it. */
  function openNetwork(net: Network): void {
    patch({ hidden: hiddenWidths(net), activation: net.activation });
    settings.show();
    settings.checkHidden();
    view.activationSelect.value = net.activation;
    reset(net);
  }
  const network = createNetworkPanel(view.panels, view.root, {
    network: () => store.get().network,
    open: openNetwork,
    check: (net) => checkPlayableNetwork(net, dataset?.outputs),
  });
  const userData = bindUserData({
    view,
    store,
    use(source, name, made, box) {
      choice.cancel();
      dataset = made;
      patch({ source, dataset: name, box: shape(box) });
      menus.read();
      reset();
    },
    update(made) {
      const outputs = dataset?.outputs;
      dataset = made;
      if (!store.get().network || made?.outputs !== outputs) return reset();
      drawPoints(view, store.get(), dataset);
      redrawStatus();
      writeUrl();
    },
    openNetwork: (name, text) => network.files.openFile(name, text),
  });

  // Events.
  view.datasetSelect.addEventListener('change', () => chooseDataset(view.datasetSelect.value));
  view.trainButton.addEventListener('click', () => {
    void training.train();
    redrawStatus();
  });
  view.pauseButton.addEventListener('click', () => {
    training.togglePause();
    redrawStatus();
  });
  view.resetButton.addEventListener('click', () => {
    seed++;
    reset();
  });

  const stopObserving = observeResolution(view, (n) => {
    pixels = n;
    repaint();
  });
  const sources = createPlaygroundSources(registry, options.worker, () => {
    if (!destroyed) readMenus();
  });
  const unsubscribeRegistry = registry.subscribe(() => readMenus());
  const pageUrlData = userData.fromUrl(url.dataset, url.points);
  readMenus();
  if (!choice.name && !pageUrlData) drawAll();

  return {
    update(partial) {
      options = { ...options, ...partial };
      if (partial.seed !== undefined) seed = partial.seed;
      patch(settingsOf(partial));
      settings.show();
      if (partial.hidden) settings.checkHidden();
      if (partial.dataset && partial.dataset !== choice.name) {
        patch({ dataset: partial.dataset });
        readMenus();
      } else if (partial.activation || partial.hidden || partial.seed !== undefined) {
        readMenus();
        reset();
      } else redrawStatus();
    },
    destroy() {
      destroyed = true;
      choice.cancel();
      stop();
      redraw.cancel();
      unsubscribeRegistry();
      stopObserving();
      network.destroy();
      userData.destroy();
      store.clear();
      view.root.remove();
    },
    subscribe: store.subscribe,
  };
}
