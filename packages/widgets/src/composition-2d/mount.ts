/**
 * Widget `composition-2d` (lecture section 1, "Composing networks in 2D"; the book's Figure 4.2):
 * network 1 with two inputs and three hidden units, network 2 with one input, and their composition,
 * as canvas heat maps with the exact linear regions outlined and counted (@deepnets/regions), flat
 * regions hatched. Network 2's joints can be dragged; every parameter has a slider; a probe follows
 * the pointer or the arrow keys and reads y and y' at that point. "Export network" writes network 1,
 * network 2 or the composition as a `deepnets.network/v1` file. With `urlPrefix`, the parameters
 * live in the URL.
 *
 * The wiring only: state.ts derives what is shown, view.ts draws it (see ARCHITECTURE.md).
 */

import { button } from '../depth-kit/controls.ts';
import { createNetworkExport } from '../kit/network-export.ts';
import { clonePair, writePairParameter } from '../kit/network-pair.ts';
import { createSliderGroups } from '../kit/slider-groups.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { type Pair2D, pair2dSpecs, pair2dUrlValues } from './params.ts';
import {
  type Composition2DFigure,
  type Composition2DOptions,
  type Composition2DState,
  composition2dFigure,
  DEFAULT_BOX,
  DEFAULT_PAIR,
  pairAfterDrag,
  pairWithValues,
  probeAt,
  shownNetworks,
  URL_SCHEMA,
} from './state.ts';
import { createComposition2dView } from './view.ts';

export type { Composition2DOptions, Composition2DState } from './state.ts';

export function mountComposition2d(
  element: HTMLElement,
  initial: Partial<Composition2DOptions> = {},
): WidgetHandle<Composition2DOptions, Composition2DState> {
  let options: Composition2DOptions = { pair: clonePair(DEFAULT_PAIR), box: DEFAULT_BOX, ...initial };
  let figure: Composition2DFigure | undefined;
  let probe: [number, number] | undefined;
  const store = createStore<Composition2DState | undefined>(undefined);
  const view = createComposition2dView(element, options.box, {
    onProbe: (point) => {
      probe = point;
      showProbe();
    },
    onJoint: (unit, x, y) =>
      setPair(pairAfterDrag(options.pair, unit, [x, y], figure?.analysis.regions2.domain ?? [-2, 2])),
    onJointEnd: () => render(),
  });
  const specs = pair2dSpecs();
  const sliders = createSliderGroups(
    view.groups,
    [
      { group: 'Network 1: (x₁, x₂) → y (θ, φ)', specs: specs.n1 },
      { group: 'Network 2: y → y′ (θ′, φ′)', specs: specs.n2 },
    ],
    (key, value) => setPair(writePairParameter(options.pair, key, value)),
  );
  button(view.presets, 'Load: the book’s example (7 → 13 regions)', () => setPair(clonePair(DEFAULT_PAIR)));
  const toolbar = createToolbar(view.root, {
    name: 'composition-2d',
    svg: () => view.figureSvg(),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  const exporter = createNetworkExport(view.root, {
    name: 'composition-2d',
    choices: [
      { value: 'composition', text: 'the composition (2-3-2-1)' },
      { value: 'network-1', text: 'network 1 ((x₁, x₂) → y)' },
      { value: 'network-2', text: 'network 2 (y → y′)' },
    ],
    networks: () => figure && shownNetworks(figure.analysis),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
    options = { ...options, pair: pairWithValues(options.pair, values) };
    toolbar.notify(notices);
  }

  function setPair(pair: Pair2D): void {
    options = { ...options, pair };
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, pair2dUrlValues(pair));
    render();
  }

  function showProbe(): void {
    if (!figure) return;
    const p = probe ? probeAt(figure.analysis, probe) : undefined;
    view.drawProbe(figure, p);
    store.set({ ...figure.analysis, pair: options.pair, ...(p ? { probe: p } : {}) });
  }

  function render(): void {
    figure = composition2dFigure(options.pair, options.box);
    sliders.sync(pair2dUrlValues(options.pair));
    view.draw(figure);
    exporter.refresh();
    showProbe();
  }

  render();

  return createHandle(view.root, store, {
    update(partial) {
      options = { ...options, ...partial };
      render();
    },
    cleanup() {
      exporter.destroy();
      view.destroy();
    },
  });
}
