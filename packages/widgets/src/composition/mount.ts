/**
 * Widget `composition` (lecture section 1): network 1 (x -> y), network 2 (y -> y') and their
 * composition y' = network 2(network 1(x)) side by side. Every parameter has a slider, and the
 * joints of both networks can be dragged (pointer or arrow keys; the parameters are solved back,
 * see solve.ts). The composition's linear regions are counted exactly (@deepnets/regions) and
 * coloured by the piece of network 1 ("fold") they come from; a folding view animates how
 * network 1 folds the x axis so that network 2 is copied onto every fold; a shallow network with
 * six hidden units is fitted for comparison. "Export network" writes network 1, network 2 or the
 * composition as a `deepnets.network/v1` file. With `urlPrefix`, the parameters live in the URL.
 *
 * The wiring only: state.ts derives what is shown, view.ts draws it (see ARCHITECTURE.md).
 */
import { button } from '../depth-kit/controls.ts';
import { createNetworkExport } from '../kit/network-export.ts';
import {
  clonePair,
  type NetworkPair,
  NINE_REGIONS,
  PAIR_EXPORT_CHOICES,
  pairSliderGroups,
  pairUrlValues,
  SIXTEEN_REGIONS,
  writePairParameter,
} from '../kit/network-pair.ts';
import { leadingAndSettled } from '../kit/schedule.ts';
import { createSliderGroups } from '../kit/slider-groups.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  type CompositionFigure,
  type CompositionOptions,
  type CompositionState,
  compositionFigure,
  DEFAULT_DOMAIN,
  DEFAULT_PAIR,
  pairAfterDrag,
  pairWithValues,
  shownNetworks,
  URL_SCHEMA,
} from './state.ts';
import { createCompositionView } from './view.ts';

export type { CompositionOptions, CompositionState } from './state.ts';
export { FOLD_COLORS } from './view.ts';

/** Quiet time after the last change before the shallow comparison is refitted during a drag. */
const SECONDARY_SETTLE_MS = 250;

export function mountComposition(
  element: HTMLElement,
  initial: Partial<CompositionOptions> = {},
): WidgetHandle<CompositionOptions, CompositionState> {
  let options: CompositionOptions = { pair: clonePair(DEFAULT_PAIR), domain: DEFAULT_DOMAIN, ...initial };
  const store = createStore<CompositionState | undefined>(undefined);
  let figure: CompositionFigure | undefined;
  let shallowRegions = 0;

  const view = createCompositionView(element, {
    onJoint: (net, unit, x, y) => {
      const domain = net === 1 ? options.domain : (figure?.analysis.regions2.domain ?? [-2, 2]);
      setPair(pairAfterDrag(options.pair, net, unit, [x, y], domain));
    },
    onJointEnd: () => render(),
  });
  const sliders = createSliderGroups(view.groups, pairSliderGroups(), (key, value) =>
    setPair(writePairParameter(options.pair, key, value)),
  );
  for (const [text, pair] of [
    ['9 regions (start)', NINE_REGIONS],
    ['16 regions', SIXTEEN_REGIONS],
  ] as const) {
    button(view.presets, `Load: ${text}`, () => setPair(clonePair(pair)));
  }
  const toolbar = createToolbar(view.root, {
    name: 'composition',
    svg: () => view.figureSvg(),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  const exporter = createNetworkExport(view.root, {
    name: 'composition',
    choices: [{ value: 'composition', text: 'the composition (1-3-3-1)' }, ...PAIR_EXPORT_CHOICES],
    networks: () => figure && shownNetworks(figure.analysis),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
    options = { ...options, pair: pairWithValues(options.pair, values) };
    toolbar.notify(notices);
  }

  function setPair(pair: NetworkPair): void {
    options = { ...options, pair };
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, pairUrlValues(pair));
    render();
  }

  function render(): void {
    const { pair, domain } = options;
    figure = compositionFigure(pair, domain);
    sliders.sync(pairUrlValues(pair));
    view.draw(figure);
    exporter.refresh();
    secondary.run();
    store.set({ ...figure.analysis, pair, shallowRegions });
  }

  /** The best shallow fit (64 least-squares solves) follows at once, then again when a drag settles. */
  const secondary = leadingAndSettled(() => {
    if (figure) shallowRegions = view.drawComparison(figure);
  }, SECONDARY_SETTLE_MS);

  render();

  return createHandle(view.root, store, {
    update(partial) {
      options = { ...options, ...partial };
      render();
    },
    cleanup() {
      secondary.cancel();
      exporter.destroy();
      view.destroy();
    },
  });
}
