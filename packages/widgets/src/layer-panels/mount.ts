/**
 * Widget `layer-panels`: the book's Figure 4.5 made live for a 1-3-3-1 network, every one of its
 * 22 parameters on a slider, the output's linear regions counted exactly (`@deepnets/regions`,
 * through an injectable `regions1d`); the network travels as a `deepnets.network/v1` file
 * (export, or open a 1-3-3-1 ReLU file).
 *
 * The wiring only: state.ts derives what is shown, view.ts draws it (see ARCHITECTURE.md). Only
 * the newest answer is drawn, so fast slider moves never draw stale panels. With `urlPrefix`, the
 * parameters and the seed are read from and written to the page URL.
 */
import type { Network } from '@deepnets/core';
import { createNetworkFileControls } from '../kit/network-file.ts';
import { regions1dWithFallback } from '../kit/regions-source.ts';
import { createSliderGroups } from '../kit/slider-groups.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { DEFAULT_LAYER_PANELS, layerPanelsNetwork, layerPanelsSpecs, randomLayerPanels } from './params.ts';
import {
  DEFAULT_OPTIONS,
  type LayerPanelsOptions,
  type LayerPanelsState,
  layerPanelsState,
  layerPanelsUrlSchema,
  parametersOfNetwork,
  urlValues,
  withUrlValues,
} from './state.ts';
import { createLayerPanelsView } from './view.ts';

export type { LayerPanelsOptions, LayerPanelsState } from './state.ts';

export function mountLayerPanels(
  element: HTMLElement,
  initial: Partial<LayerPanelsOptions> = {},
): WidgetHandle<LayerPanelsOptions, LayerPanelsState> {
  let options: LayerPanelsOptions = { ...DEFAULT_OPTIONS, params: { ...DEFAULT_LAYER_PANELS }, ...initial };
  const store = createStore<LayerPanelsState | undefined>(undefined);
  let request = 0;
  let destroyed = false;
  /** The network whose panels are on show (what Export saves). */
  let shown: Network | undefined;

  const view = createLayerPanelsView(element);
  const toolbar = createToolbar(view.root, {
    name: 'layer-panels',
    svg: () => view.grid.svg,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  const files = createNetworkFileControls(view.root, {
    name: 'layer-panels-1-3-3-1',
    network: () => shown,
    check: (net) => void parametersOfNetwork(net),
    open(net) {
      options = { ...options, params: parametersOfNetwork(net) };
      changed();
    },
    dropTarget: view.root,
  });

  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(
      options.urlPrefix,
      layerPanelsUrlSchema(),
      window.location.search,
    );
    options = withUrlValues(options, values);
    toolbar.notify(notices);
  }
  const writeUrl = () => {
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, urlValues(options));
  };

  const sliders = createSliderGroups(view.controls, layerPanelsSpecs(), (key, value) => {
    options = { ...options, params: { ...options.params, [key]: value } };
    writeUrl();
    void render();
  });
  /** Sliders, URL and panels follow new parameters (a button, an update or an opened file). */
  function changed(): void {
    sliders.sync(options.params);
    writeUrl();
    void render();
  }
  view.randomButton.addEventListener('click', () => {
    options = { ...options, params: randomLayerPanels(options.seed), seed: options.seed + 1 };
    changed();
  });
  view.resetButton.addEventListener('click', () => {
    options = { ...options, params: { ...DEFAULT_LAYER_PANELS } };
    changed();
  });

  async function render(): Promise<void> {
    const id = ++request;
    const start = performance.now();
    const { params, domain } = options;
    const net = layerPanelsNetwork(params);
    const regions = await regions1dWithFallback(options.regions1d, net, { domain });
    if (destroyed || id !== request) return;
    const state = layerPanelsState(params, net, regions, 0);
    view.draw(state, domain);
    state.ms = performance.now() - start;
    view.root.dataset.ms = state.ms.toFixed(2);
    shown = net;
    files.refresh();
    store.set(state);
  }

  sliders.sync(options.params);
  void render();

  return createHandle(view.root, store, {
    update(partial) {
      options = { ...options, ...partial };
      sliders.sync(options.params);
      void render();
    },
    cleanup() {
      destroyed = true;
      files.destroy();
    },
  });
}
