/**
 * Widget `two-outputs`: the lecture's shallow network with one input, four hidden units and two
 * outputs. Both outputs are drawn; their joints sit at the same inputs x = -theta_d0 / theta_d1
 * (the hidden units are shared; only the output weights phi_od differ), marked on both curves.
 * The exact regions of the pair (y_1, y_2) and of each output come from `@deepnets/regions`;
 * "Export network" writes the 1-4-2 network as a `deepnets.network/v1` file.
 *
 * The wiring only: state.ts derives what is shown, view.ts draws it (see ARCHITECTURE.md).
 */
import { createNetworkExport } from '../kit/network-export.ts';
import { localRegions1d, regions1dWithFallback } from '../kit/regions-source.ts';
import { createSliderGroups } from '../kit/slider-groups.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { twoOutputSpecs } from './params.ts';
import {
  DEFAULT_DOMAIN,
  DEFAULT_TWO_OUTPUTS,
  shownNetwork,
  type TwoOutputsOptions,
  type TwoOutputsState,
  twoOutputNetwork,
  twoOutputsState,
  URL_SCHEMA,
} from './state.ts';
import { createTwoOutputsView } from './view.ts';

export type { TwoOutputsOptions, TwoOutputsState } from './state.ts';

export function mountTwoOutputs(
  element: HTMLElement,
  initial: Partial<TwoOutputsOptions> = {},
): WidgetHandle<TwoOutputsOptions, TwoOutputsState> {
  let options: TwoOutputsOptions = {
    params: { ...DEFAULT_TWO_OUTPUTS },
    domain: DEFAULT_DOMAIN,
    regions1d: localRegions1d,
    ...initial,
  };
  const store = createStore<TwoOutputsState | undefined>(undefined);
  let request = 0;
  let destroyed = false;

  const view = createTwoOutputsView(element);
  const toolbar = createToolbar(view.root, {
    name: 'two-outputs',
    svg: () => view.svg,
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  const exporter = createNetworkExport(view.root, {
    name: 'two-outputs-network',
    choices: [{ value: 'network', text: 'the 1-4-2 network' }],
    networks: () => ({ network: shownNetwork(options.params) }),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
    options = { ...options, params: { ...options.params, ...(values as Record<string, number>) } };
    toolbar.notify(notices);
  }
  const sliders = createSliderGroups(view.controls, twoOutputSpecs(), (key, value) => {
    options = { ...options, params: { ...options.params, [key]: value } };
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, options.params);
    void render();
  });

  /** Counts the pair's and each output's regions (worker or local), drops stale answers, draws. */
  async function render(): Promise<void> {
    const id = ++request;
    const start = performance.now();
    const { params, domain } = options;
    const [both, first, second] = await Promise.all([
      regions1dWithFallback(options.regions1d, twoOutputNetwork(params), { domain }),
      regions1dWithFallback(options.regions1d, twoOutputNetwork(params, 1), { domain }),
      regions1dWithFallback(options.regions1d, twoOutputNetwork(params, 2), { domain }),
    ]);
    if (destroyed || id !== request) return;
    const state = twoOutputsState(params, domain, { both, first, second });
    state.ms = performance.now() - start;
    view.draw(state, domain, [first, second]);
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
      exporter.destroy();
    },
  });
}
