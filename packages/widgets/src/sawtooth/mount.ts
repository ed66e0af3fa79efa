/**
 * Widget `sawtooth`: depth efficiency. K hidden layers of 2 units make a sawtooth with 2^K linear
 * regions on [0, 1] (counted exactly); the shallow network equal to it needs 2^K hidden units
 * (built from the deep network's pieces, checked equal on a grid, counted exactly too). The
 * reader changes K and sees both counts, both sizes and both functions.
 *
 * Export network saves either network as a `deepnets.network/v1` file (`deepnets regions` counts
 * it). The wiring only: state.ts derives what is shown, view.ts draws it (see ARCHITECTURE.md).
 */

import type { Network } from '@deepnets/core';
import { intSlider } from '../depth-kit/controls.ts';
import { figureSvg } from '../kit/figure.ts';
import { createNetworkExport } from '../kit/network-export.ts';
import { regions1dWithFallback } from '../kit/regions-source.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  DEFAULT_LAYERS,
  deepNetwork,
  MAX_LAYERS,
  type SawtoothOptions,
  type SawtoothState,
  sawtoothState,
  shallowNetwork,
  URL_SCHEMA,
} from './state.ts';
import { createSawtoothView } from './view.ts';

export type { SawtoothOptions, SawtoothState } from './state.ts';

/** Lets the browser paint and handle input between the stages of a large computation. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function mountSawtooth(
  element: HTMLElement,
  initial: Partial<SawtoothOptions> = {},
): WidgetHandle<SawtoothOptions, SawtoothState> {
  let options: SawtoothOptions = { layers: DEFAULT_LAYERS, ...initial };
  const store = createStore<SawtoothState | undefined>(undefined);
  let request = 0;
  let destroyed = false;
  /** The two networks on show and their K (what Export saves). */
  let shown: { layers: number; networks: { deep: Network; shallow: Network } } | undefined;

  const view = createSawtoothView(element);
  const slider = intSlider(
    view.controls,
    { key: 'k', label: 'layers K', min: 1, max: MAX_LAYERS, value: options.layers },
    (v) => {
      options = { ...options, layers: v };
      if (options.urlPrefix) replaceUrlState(options.urlPrefix, { k: v });
      void compute();
    },
  );
  const toolbar = createToolbar(view.root, {
    name: 'sawtooth',
    svg: () =>
      figureSvg(
        view.root,
        view.svgs().map((svg) => ({ svg })),
      ),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  const exporter = createNetworkExport(view.root, {
    get name() {
      return `sawtooth-k${shown?.layers ?? options.layers}`;
    },
    choices: [
      { value: 'deep', text: 'deep (K layers of 2 units)' },
      { value: 'shallow', text: 'shallow (one hidden layer)' },
    ],
    networks: () => shown?.networks,
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
    if (typeof values.k === 'number') options = { ...options, layers: values.k };
    slider.set(options.layers);
    toolbar.notify(notices);
  }

  /** Counts both networks' regions (worker or local), drops stale answers, draws the newest. */
  async function compute(): Promise<void> {
    const id = ++request;
    const layers = options.layers;
    const deep = deepNetwork(layers);
    const deepRegions = await regions1dWithFallback(options.regions1d, deep, { domain: [0, 1] });
    await yieldToPage();
    if (destroyed || id !== request) return;
    const shallow = shallowNetwork(deepRegions);
    const shallowRegions = await regions1dWithFallback(options.regions1d, shallow, { domain: [0, 1] });
    await yieldToPage();
    if (destroyed || id !== request) return;
    const { state, series } = sawtoothState(
      layers,
      { deep, shallow },
      { deep: deepRegions, shallow: shallowRegions },
    );
    view.draw(state, series);
    shown = { layers, networks: { deep, shallow } };
    exporter.refresh();
    store.set(state);
  }

  void compute();

  return createHandle(view.root, store, {
    update(partial) {
      options = { ...options, ...partial };
      slider.set(options.layers);
      void compute();
    },
    cleanup() {
      destroyed = true;
      exporter.destroy();
    },
  });
}
