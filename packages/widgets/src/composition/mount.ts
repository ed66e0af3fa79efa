/**
 * Widget `composition` (lecture section 1): network 1 (x -> y), network 2 (y -> y') and their
 * composition y' = network 2(network 1(x)) side by side. Every parameter has a slider, and the
 * joints of both networks can be dragged (pointer or arrow keys; the parameters are solved back,
 * see solve.ts). The composition's linear regions are counted exactly (@deepnets/regions) and
 * coloured by the piece of network 1 ("fold") they come from; a folding view animates how
 * network 1 folds the x axis so that network 2 is copied onto every fold; a shallow network with
 * six hidden units is fitted for comparison. With `urlPrefix`, the parameters live in the URL.
 */
import { htmlElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { paddedExtent } from '../kit/plot.ts';
import { leadingAndSettled } from '../kit/schedule.ts';
import { createSlider, type Slider } from '../kit/slider.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { shallowJoints } from '../shallow-network/joints.ts';
import {
  analyseComposition,
  type CompositionAnalysis,
  linearRegionBounds,
  linearRegionsWord,
  valueAt,
  valuesAtEdges,
} from './analysis.ts';
import { createComparisonPanel } from './comparison.ts';
import { createFoldingView } from './folding.ts';
import { createFunctionPanel, type PanelJoint } from './function-panel.ts';
import {
  clonePair,
  type NetworkPair,
  NINE_REGIONS,
  pairParameterSpecs,
  pairUrlSchema,
  pairUrlValues,
  readPairParameter,
  SIXTEEN_REGIONS,
  writePairParameter,
} from './params.ts';
import { dragJoint } from './solve.ts';

export interface CompositionOptions {
  pair: NetworkPair;
  /** The x interval, [-1, 1] by default. */
  domain: [number, number];
  /** Query-parameter prefix for sharing the state as a URL; no URL state when absent. */
  urlPrefix?: string;
}

export interface CompositionState extends CompositionAnalysis {
  pair: NetworkPair;
  /** Linear regions of the best 6-unit shallow network found (at most 7). */
  shallowRegions: number;
}

/** Colours of the pieces ("folds") of network 1. */
export const FOLD_COLORS = ['#e4572e', '#17bebb', '#a06cd5', '#d4a017', '#76b041', '#2e86ab'];
const foldColor = (fold: number) => FOLD_COLORS[fold % FOLD_COLORS.length] as string;
/** Quiet time after the last change before the shallow comparison is refitted during a drag. */
const SECONDARY_SETTLE_MS = 250;
const UNIT_NAMES = ['h₁', 'h₂', 'h₃', 'h₄', 'h₅', 'h₆'];

export function mountComposition(
  element: HTMLElement,
  initial: Partial<CompositionOptions> = {},
): WidgetHandle<CompositionOptions, CompositionState> {
  let options: CompositionOptions = { pair: clonePair(NINE_REGIONS), domain: [-1, 1], ...initial };
  const store = createStore<CompositionState | undefined>(undefined);
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-composition', 'data-widget': 'composition' },
    element,
  );
  const panels = htmlElement('div', { class: 'dn-cmp-panels' }, root);
  const moveJoint = (net: 1 | 2) => (unit: number, x: number, y: number) => {
    const { pair } = options;
    const domain = net === 1 ? options.domain : (store.get()?.regions2.domain ?? [-2, 2]);
    const at = Math.min(domain[1], Math.max(domain[0], x));
    const [theta, phi] = net === 1 ? [pair.theta1, pair.phi1] : [pair.theta2, pair.phi2];
    const next = dragJoint(theta, phi, unit, at, y);
    setPair(
      net === 1
        ? { ...pair, theta1: next.theta, phi1: next.phi }
        : { ...pair, theta2: next.theta, phi2: next.phi },
    );
  };
  const panel1 = createFunctionPanel(panels, {
    name: 'network-1',
    xLabel: 'x',
    yLabel: 'y',
    jointNames: UNIT_NAMES.slice(0, 3).map((h) => `${h} of network 1`),
    onJoint: moveJoint(1),
    onJointEnd: () => render(),
  });
  const panel2 = createFunctionPanel(panels, {
    name: 'network-2',
    xLabel: 'y',
    yLabel: 'y′',
    jointNames: UNIT_NAMES.slice(0, 3).map((h) => `${h}′ of network 2`),
    onJoint: moveJoint(2),
    onJointEnd: () => render(),
  });
  const panel3 = createFunctionPanel(panels, { name: 'composition', xLabel: 'x', yLabel: 'y′' });
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const folding = createFoldingView(root);
  const comparison = createComparisonPanel(root);

  const groups = htmlElement('div', { class: 'dn-cmp-groups' }, root);
  const specs = pairParameterSpecs();
  const sliders = new Map<string, Slider>();
  for (const [legend, list] of [
    ['Network 1: x → y (θ, φ)', specs.n1],
    ['Network 2: y → y′ (θ′, φ′)', specs.n2],
  ] as const) {
    const fieldset = htmlElement('fieldset', { class: 'dn-sliders' }, groups);
    htmlElement('legend', {}, fieldset).textContent = legend;
    for (const spec of list) {
      sliders.set(
        spec.key,
        createSlider(fieldset, spec, (value) => setPair(writePairParameter(options.pair, spec.key, value))),
      );
    }
  }
  const presets = htmlElement('div', { class: 'dn-buttons dn-cmp-presets' }, root);
  for (const [text, pair] of [
    ['9 regions (start)', NINE_REGIONS],
    ['16 regions', SIXTEEN_REGIONS],
  ] as const) {
    const button = htmlElement('button', { type: 'button', class: 'dn-button' }, presets);
    button.textContent = `Load: ${text}`;
    button.addEventListener('click', () => setPair(clonePair(pair)));
  }
  const toolbar = createToolbar(root, {
    name: 'composition',
    svg: () =>
      figureSvg(root, [panel1.plot, panel2.plot, panel3.plot, { svg: folding.svg }, { svg: comparison.svg }]),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });

  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, pairUrlSchema(), window.location.search);
    let pair = options.pair;
    for (const [key, value] of Object.entries(values)) pair = writePairParameter(pair, key, value as number);
    options = { ...options, pair };
    toolbar.notify(notices);
  }

  function setPair(pair: NetworkPair): void {
    options = { ...options, pair };
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, pairUrlValues(pair));
    render();
  }

  function joints(theta: number[][], r: CompositionAnalysis['regions1']): PanelJoint[] {
    return shallowJoints(theta, 'relu', r.domain).map((j) => ({ ...j, y: valueAt(r, j.x) }));
  }

  function render(): void {
    const { pair, domain } = options;
    const a = analyseComposition(pair, domain);
    for (const [key, slider] of sliders) slider.set(readPairParameter(pair, key));
    const folds = linearRegionBounds(a.regions1);
    const foldAt = (x: number) =>
      Math.max(
        0,
        folds.findIndex(([lo, hi]) => x >= lo && x <= hi),
      );
    const extent = (r: typeof a.regions1) => {
      const v = valuesAtEdges(r);
      return paddedExtent(v, [v[0]!, v[0]!]);
    };
    panel1.draw({
      regions: a.regions1,
      yExtent: extent(a.regions1),
      bands: folds.map(([lo, hi], i) => ({ lo, hi, color: foldColor(i) })),
      joints: joints(pair.theta1, a.regions1),
    });
    panel2.draw({
      regions: a.regions2,
      yExtent: extent(a.regions2),
      bands: [{ lo: a.reached[0], hi: a.reached[1], color: 'var(--dn-reached, rgba(128,128,128,0.18))' }],
      reached: a.reached,
      boundaries: linearRegionBounds(a.regions2)
        .slice(1)
        .map(([lo]) => lo),
      joints: joints(pair.theta2, a.regions2),
    });
    const composedBounds = linearRegionBounds(a.composedRegions);
    panel3.draw({
      regions: a.composedRegions,
      yExtent: extent(a.composedRegions),
      bands: composedBounds.map(([lo, hi], i) => ({ lo, hi, color: foldColor(a.foldOf[i] ?? 0) })),
      boundaries: composedBounds.slice(1).map(([lo]) => lo),
      colorAt: (x) => foldColor(foldAt(x)),
    });
    const n1 = a.regions1.linearRegions;
    const n3 = a.composedRegions.linearRegions;
    panel1.caption.textContent = `Network 1, x → y: ${n1} linear region${n1 === 1 ? '' : 's'} (folds) on [${domain.join(', ')}], coloured.`;
    panel2.caption.textContent = `Network 2, y → y′: ${a.regions2Reached} linear region${a.regions2Reached === 1 ? '' : 's'} over the y values network 1 reaches (shaded).`;
    panel3.caption.replaceChildren('Composition, x → y′: ');
    const count = htmlElement('strong', { 'data-regions': n3, 'data-of': 'composition' }, panel3.caption);
    count.textContent = String(n3);
    panel3.caption.append(` ${linearRegionsWord(n3)}, each coloured by the fold of network 1 it comes from.`);
    const summary = `Network 1 folds [${domain.join(', ')}] into ${n1} piece${n1 === 1 ? '' : 's'}; network 2 has ${a.regions2Reached} linear region${a.regions2Reached === 1 ? '' : 's'} over the y values they reach; the composition has ${n3} linear region${n3 === 1 ? '' : 's'}.`;
    status.textContent = summary;
    panel1.plot.setTitle(`Network 1: ${n1} ${linearRegionsWord(n1)}.`);
    panel2.plot.setTitle(
      `Network 2: ${a.regions2Reached} ${linearRegionsWord(a.regions2Reached)} over the reached y values.`,
    );
    panel3.plot.setTitle(`Composition: ${n3} ${linearRegionsWord(n3)}. ${summary}`);
    root.dataset.regions1 = String(n1);
    root.dataset.regions2 = String(a.regions2Reached);
    folding.draw(a, foldColor);
    latest = { ...a, pair };
    secondary.run();
    store.set({ ...a, pair, shallowRegions });
  }

  /** The best shallow fit (64 least-squares solves) follows at once, then again when a drag settles. */
  let latest: CompositionAnalysis & { pair: NetworkPair };
  const secondary = leadingAndSettled(() => {
    shallowRegions = comparison.draw(latest).regions;
  }, SECONDARY_SETTLE_MS);
  let shallowRegions = 0;

  render();

  return createHandle(root, store, {
    update(partial) {
      options = { ...options, ...partial };
      render();
    },
    cleanup() {
      secondary.cancel();
      panel1.destroy();
      panel2.destroy();
      folding.destroy();
    },
  });
}
