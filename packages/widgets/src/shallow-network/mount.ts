/**
 * Widget `shallow-network`: the function y = phi_0 + sum_d phi_d a[theta_d0 + theta_d1 x] of a
 * shallow 1-D network, with a slider for every parameter and its joints marked; the network
 * travels as a `deepnets.network/v1` file (export, or open a 1-D-1 file).
 *
 * The wiring only: state.ts derives what is shown, view.ts draws it (see ARCHITECTURE.md).
 * Evaluation goes through an injected `evaluate` (the docs pass the worker runner's); only the
 * newest answer is drawn, so fast slider moves never draw stale curves. With `urlPrefix`, the
 * parameters are read from and written to the page URL.
 */
import { evaluateBatch, type Network } from '@deepnets/core';
import { createNetworkFileControls } from '../kit/network-file.ts';
import { readParameter, shallowParameterSpecs, writeParameter } from '../kit/shallow-parameters.ts';
import { createSlider, type Slider } from '../kit/slider.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  curveInputs,
  DEFAULT_OPTIONS,
  networkOf,
  parametersOf,
  type ShallowNetworkOptions,
  type ShallowNetworkState,
  shallowUrlSchema,
} from './state.ts';
import { createShallowView } from './view.ts';

export {
  type BatchEvaluator,
  DEFAULT_SHALLOW,
  NOTEBOOK_NETWORK_1,
  type ShallowNetworkOptions,
  type ShallowNetworkState,
} from './state.ts';

export function mountShallowNetwork(
  element: HTMLElement,
  initial: Partial<ShallowNetworkOptions> = {},
): WidgetHandle<ShallowNetworkOptions, ShallowNetworkState> {
  let options: ShallowNetworkOptions = { ...DEFAULT_OPTIONS, evaluate: evaluateBatch, ...initial };
  const units = options.theta.length;
  const store = createStore<ShallowNetworkState | undefined>(undefined);
  let request = 0;
  let destroyed = false;
  /** The network whose curve is on show (what Export saves). */
  let shown: Network | undefined;

  const view = createShallowView(element, units);
  const toolbar = createToolbar(view.root, {
    name: 'shallow-network',
    svg: () => view.plot.svg,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  const files = createNetworkFileControls(view.root, {
    name: 'shallow-network',
    network: () => shown,
    check: (net) => void parametersOf(net, units),
    open(net) {
      options = { ...options, ...parametersOf(net, units) };
      changed();
    },
    dropTarget: view.root,
  });

  const specs = shallowParameterSpecs(units);
  const urlValues = () =>
    Object.fromEntries(specs.map((s) => [s.key, readParameter(options.theta, options.phi, s.key)]));
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(
      options.urlPrefix,
      shallowUrlSchema(units),
      window.location.search,
    );
    for (const [key, value] of Object.entries(values)) {
      options = { ...options, ...writeParameter(options.theta, options.phi, key, value as number) };
    }
    toolbar.notify(notices);
  }

  const sliders = new Map<string, Slider>();
  for (const spec of specs) {
    sliders.set(
      spec.key,
      createSlider(view.fieldset, spec, (value) => {
        options = { ...options, ...writeParameter(options.theta, options.phi, spec.key, value) };
        if (options.urlPrefix) replaceUrlState(options.urlPrefix, urlValues());
        void render();
      }),
    );
  }

  function syncSliders(): void {
    for (const [key, slider] of sliders) slider.set(readParameter(options.theta, options.phi, key));
  }

  /** Sliders, URL and curve follow new options (an update or an opened file). */
  function changed(): void {
    syncSliders();
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, urlValues());
    void render();
  }

  async function render(): Promise<void> {
    const id = ++request;
    const { theta, phi } = options;
    const network = networkOf(options);
    const { joints, xs } = curveInputs(options);
    const ys = await options.evaluate(network, xs, xs.length);
    if (destroyed || id !== request) return;
    shown = network;
    files.refresh();
    const state: ShallowNetworkState = { theta, phi, joints, xs, ys };
    view.draw(state, options);
    store.set(state);
  }

  syncSliders();
  void render();

  return createHandle(view.root, store, {
    update(partial) {
      options = { ...options, ...partial };
      syncSliders();
      void render();
    },
    cleanup() {
      destroyed = true;
      files.destroy();
    },
  });
}
