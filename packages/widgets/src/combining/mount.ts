/**
 * Widget `combining` (lecture section 2, "Combine two networks into one"): the derivation with
 * the reader's numbers, step by step (MathML from the kit's LaTeX renderer); a plot of the
 * composition where the pointer (or the arrow keys) picks x and a table checks that network 2
 * after network 1 and the one combined network from core's `compose` agree there, unit by unit;
 * the rank of Psi; and a general two-layer network with free Psi for contrast. "Export network"
 * writes the combined network (or network 1, network 2, the free-Psi network) as a
 * `deepnets.network/v1` file. With `urlPrefix`, all parameters live in the URL.
 *
 * The wiring only: state.ts derives what is shown, view.ts draws it (see ARCHITECTURE.md).
 */

import { createNetworkExport } from '../kit/network-export.ts';
import {
  clonePair,
  type NetworkPair,
  PAIR_EXPORT_CHOICES,
  pairSliderGroups,
  pairUrlValues,
  writePairParameter,
} from '../kit/network-pair.ts';
import { leadingAndSettled } from '../kit/schedule.ts';
import { createSliderGroups } from '../kit/slider-groups.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { derivationSteps } from './derivation.ts';
import {
  type CombiningFigure,
  type CombiningOptions,
  type CombiningState,
  combiningFigure,
  cursorAt,
  DEFAULT_CURSOR,
  DEFAULT_FREE_PSI,
  DEFAULT_PAIR,
  optionsWithValues,
  shownNetworks,
  steppedCursor,
  URL_SCHEMA,
  urlValues,
} from './state.ts';
import { createCombiningView } from './view.ts';

export type { CombiningOptions, CombiningState } from './state.ts';

/** Quiet time after the last change before the derivation is rebuilt during a drag. */
const DERIVATION_SETTLE_MS = 250;

export function mountCombining(
  element: HTMLElement,
  initial: Partial<CombiningOptions> = {},
): WidgetHandle<CombiningOptions, CombiningState> {
  let options: CombiningOptions = {
    pair: clonePair(DEFAULT_PAIR),
    freePsi: DEFAULT_FREE_PSI.map((r) => [...r]),
    cursor: DEFAULT_CURSOR,
    ...initial,
  };
  const store = createStore<CombiningState | undefined>(undefined);
  const view = createCombiningView(element, {
    onPick: (x) => set({ cursor: x }),
    onStep: (dx) => set({ cursor: steppedCursor(options.cursor, dx) }),
    onPsi: (psi) => set({ freePsi: psi }),
  });
  const sliders = createSliderGroups(view.groups, pairSliderGroups(), (key, value) =>
    set({ pair: writePairParameter(options.pair, key, value) }),
  );
  const toolbar = createToolbar(view.root, {
    name: 'combining',
    svg: () => view.figureSvg(),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  let figure: CombiningFigure | undefined;
  const exporter = createNetworkExport(view.root, {
    name: 'combining',
    choices: [
      { value: 'combined', text: 'the combined network (1-3-3-1)' },
      ...PAIR_EXPORT_CHOICES,
      { value: 'free-psi', text: 'the general network (Ψ free)' },
    ],
    networks: () => figure && shownNetworks(figure, options.freePsi),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, URL_SCHEMA, window.location.search);
    options = optionsWithValues(options, values);
    toolbar.notify(notices);
  }

  function set(partial: Partial<CombiningOptions>): void {
    options = { ...options, ...partial };
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, urlValues(options));
    render();
  }

  /** The MathML derivation is the costly part to lay out: shown at once, then again when a drag settles. */
  const derivation = leadingAndSettled(
    () => view.drawDerivation(derivationSteps(options.pair)),
    DERIVATION_SETTLE_MS,
  );

  let drawnPair: NetworkPair | undefined;
  let drawnFree: number[][] | undefined;
  let freeResult: CombiningState['free'] | undefined;

  /** Redraws what changed: the pair's plot and derivation, the free network, the check at the cursor. */
  function render(): void {
    const { pair, cursor } = options;
    if (drawnPair !== pair || !figure) {
      figure = combiningFigure(pair);
      sliders.sync(pairUrlValues(pair));
      view.draw(figure);
      derivation.run();
      drawnPair = pair;
      exporter.refresh();
    }
    if (drawnFree !== options.freePsi) {
      freeResult = view.free.draw(options.freePsi);
      drawnFree = options.freePsi;
    }
    const { check, y } = cursorAt(figure, cursor);
    view.drawCheck(check, y);
    const { psi0, psi, rank } = figure;
    store.set({ pair, psi0, psi, rank, check, free: freeResult! });
  }

  render();

  return createHandle(view.root, store, {
    update(partial) {
      set(partial);
    },
    cleanup() {
      derivation.cancel();
      exporter.destroy();
      view.destroy();
    },
  });
}
