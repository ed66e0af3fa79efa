/**
 * Widget `composition-2d` (lecture section 1, "Composing networks in 2D"; the book's Figure 4.2):
 * network 1 with two inputs and three hidden units, network 2 with one input, and their composition,
 * as canvas heat maps with the exact linear regions outlined and counted (@deepnets/regions), flat
 * regions hatched. Network 2's joints can be dragged; every parameter has a slider; a probe follows
 * the pointer or the arrow keys and reads y and y' at that point. With `urlPrefix`, the parameters
 * live in the URL.
 */
import { evaluateBatch } from '@deepnets/core';
import { linearRegionBounds, linearRegionsWord, valueAt, valuesAtEdges } from '../composition/analysis.ts';
import { createFunctionPanel } from '../composition/function-panel.ts';
import { dragJoint } from '../composition/solve.ts';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { paddedExtent } from '../kit/plot.ts';
import { createSlider, type Slider } from '../kit/slider.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { readUrlState, replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { shallowJoints } from '../shallow-network/joints.ts';
import { analyseComposition2d, type Composition2DAnalysis, flatPolygons } from './analysis.ts';
import { createHeatPanel } from './heat-panel.ts';
import {
  BOOK_2D,
  clonePair2D,
  type Pair2D,
  pair2dSpecs,
  pair2dUrlSchema,
  pair2dUrlValues,
  readPair2D,
  writePair2D,
} from './params.ts';

export interface Composition2DOptions {
  pair: Pair2D;
  /** The input square [x1 min, x1 max, x2 min, x2 max]; read once, at mount. */
  box: [number, number, number, number];
  urlPrefix?: string;
}

export interface Composition2DState extends Composition2DAnalysis {
  pair: Pair2D;
  /** The probed point and the values there, once the reader has probed. */
  probe?: { x: [number, number]; y: number; composed: number };
}

export function mountComposition2d(
  element: HTMLElement,
  initial: Partial<Composition2DOptions> = {},
): WidgetHandle<Composition2DOptions, Composition2DState> {
  let options: Composition2DOptions = { pair: clonePair2D(BOOK_2D), box: [-1, 1, -1, 1], ...initial };
  let analysis: Composition2DAnalysis | undefined;
  let probe: [number, number] | undefined;
  const store = createStore<Composition2DState | undefined>(undefined);
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-composition-2d', 'data-widget': 'composition-2d' },
    element,
  );
  const panels = htmlElement('div', { class: 'dn-cmp-panels' }, root);
  const onProbe = (point: [number, number]) => {
    probe = point;
    showProbe();
  };
  const heat1 = createHeatPanel(panels, {
    name: 'network-1',
    box: options.box,
    label: 'Heat map of network 1, y over (x₁, x₂)',
    onProbe,
  });
  const panel2 = createFunctionPanel(panels, {
    name: 'network-2',
    xLabel: 'y',
    yLabel: 'y′',
    jointNames: ['h₁′ of network 2', 'h₂′ of network 2'],
    onJoint: (unit, x, y) => {
      const domain = analysis?.regions2.domain ?? [-2, 2];
      const next = dragJoint(
        options.pair.theta2,
        options.pair.phi2,
        unit,
        Math.min(domain[1], Math.max(domain[0], x)),
        y,
        {
          theta: [-3, 3],
          phi: [-5, 5],
        },
      );
      setPair({ ...options.pair, theta2: next.theta, phi2: next.phi });
    },
    onJointEnd: () => render(),
  });
  const marker = svgElement(
    'circle',
    { r: 4.5, class: 'dn-cmp-cursor-dot', visibility: 'hidden' },
    panel2.plot.points,
  );
  const heatC = createHeatPanel(panels, {
    name: 'composition',
    box: options.box,
    label: 'Heat map of the composition, y′ over (x₁, x₂)',
    onProbe,
  });
  const readout = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'probe' }, root);
  readout.textContent = 'Point at a heat map (or focus it and use the arrow keys) to read y and y′ there.';
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const groups = htmlElement('div', { class: 'dn-cmp-groups' }, root);
  const specs = pair2dSpecs();
  const sliders = new Map<string, Slider>();
  for (const [legend, list] of [
    ['Network 1: (x₁, x₂) → y (θ, φ)', specs.n1],
    ['Network 2: y → y′ (θ′, φ′)', specs.n2],
  ] as const) {
    const fieldset = htmlElement('fieldset', { class: 'dn-sliders' }, groups);
    htmlElement('legend', {}, fieldset).textContent = legend;
    for (const spec of list)
      sliders.set(
        spec.key,
        createSlider(fieldset, spec, (v) => setPair(writePair2D(options.pair, spec.key, v))),
      );
  }
  const presets = htmlElement('div', { class: 'dn-buttons dn-cmp-presets' }, root);
  const reset = htmlElement('button', { type: 'button', class: 'dn-button' }, presets);
  reset.textContent = 'Load: the book’s example (7 → 13 regions)';
  reset.addEventListener('click', () => setPair(clonePair2D(BOOK_2D)));
  const toolbar = createToolbar(root, {
    name: 'composition-2d',
    svg: () => figureSvg(root, [heat1.exportPanel(), { svg: panel2.plot.svg }, heatC.exportPanel()]),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  if (options.urlPrefix && typeof window !== 'undefined') {
    const { values, notices } = readUrlState(options.urlPrefix, pair2dUrlSchema(), window.location.search);
    let pair = options.pair;
    for (const [key, value] of Object.entries(values)) pair = writePair2D(pair, key, value as number);
    options = { ...options, pair };
    toolbar.notify(notices);
  }

  function setPair(pair: Pair2D): void {
    options = { ...options, pair };
    if (options.urlPrefix) replaceUrlState(options.urlPrefix, pair2dUrlValues(pair));
    render();
  }

  function probeState(a: Composition2DAnalysis) {
    if (!probe) return undefined;
    const y = evaluateBatch(a.net1, Float64Array.from(probe), 1)[0]!;
    const composed = evaluateBatch(a.composed, Float64Array.from(probe), 1)[0]!;
    return { x: probe, y, composed };
  }

  function showProbe(): void {
    if (!analysis) return;
    heat1.setProbe(probe);
    heatC.setProbe(probe);
    const p = probeState(analysis);
    const scales = panel2.scales();
    if (p && scales) {
      marker.setAttribute('cx', String(scales.x(p.y)));
      marker.setAttribute('cy', String(scales.y(p.composed)));
      marker.setAttribute('visibility', 'visible');
      const f = (v: number) => v.toFixed(3);
      readout.textContent = `At (x₁, x₂) = (${f(p.x[0])}, ${f(p.x[1])}): network 1 gives y = ${f(p.y)}; network 2 turns it into y′ = ${f(valueAt(analysis.regions2, p.y))}, the composition's value there (${f(p.composed)}).`;
    }
    store.set({ ...analysis, pair: options.pair, ...(p ? { probe: p } : {}) });
  }

  function render(): void {
    const { pair } = options;
    const a = analyseComposition2d(pair, options.box);
    analysis = a;
    for (const [key, slider] of sliders) slider.set(readPair2D(pair, key));
    heat1.draw({
      regions: a.regions1,
      evaluate: (xs, n) => evaluateBatch(a.net1, xs, n),
      range: a.range1,
      flat: flatPolygons(a.regions1),
    });
    heatC.draw({
      regions: a.composedRegions,
      evaluate: (xs, n) => evaluateBatch(a.composed, xs, n),
      range: a.rangeComposed,
      flat: flatPolygons(a.composedRegions),
    });
    const values2 = valuesAtEdges(a.regions2);
    panel2.draw({
      regions: a.regions2,
      yExtent: paddedExtent(values2, [values2[0]!, values2[0]!]),
      bands: [{ lo: a.range1[0], hi: a.range1[1], color: 'rgba(128, 128, 128, 0.35)' }],
      reached: a.range1,
      boundaries: linearRegionBounds(a.regions2)
        .slice(1)
        .map(([lo]) => lo),
      joints: shallowJoints(pair.theta2, 'relu', a.regions2.domain).map((j) => ({
        ...j,
        y: valueAt(a.regions2, j.x),
      })),
    });
    const n1 = a.regions1.linearRegions;
    const nc = a.composedRegions.linearRegions;
    const caption = (el: HTMLElement, before: string, n: number, of: string, after: string) => {
      el.replaceChildren(before);
      const strong = htmlElement('strong', { 'data-regions': n, 'data-of': of }, el);
      strong.textContent = String(n);
      el.append(after);
    };
    const flat = (n: number) => (n ? `, ${n} flat (hatched)` : '');
    caption(
      heat1.caption,
      'Network 1, (x₁, x₂) → y: ',
      n1,
      'network-1',
      ` ${linearRegionsWord(n1)}${flat(a.flat1)}.`,
    );
    panel2.caption.textContent = `Network 2, y → y′: ${a.regions2Reached} linear region${a.regions2Reached === 1 ? '' : 's'} over the y values network 1 reaches (shaded).`;
    caption(
      heatC.caption,
      'Composition, (x₁, x₂) → y′: ',
      nc,
      'composition',
      ` ${linearRegionsWord(nc)}${flat(a.flatComposed)}.`,
    );
    const text = `Network 1 has ${n1} ${linearRegionsWord(n1)} on the square (${a.flat1} flat); network 2 has ${a.regions2Reached} over the y values they reach; the composition has ${nc} (${a.flatComposed} flat).`;
    status.textContent = text;
    heat1.plot.setTitle(`Network 1: ${n1} ${linearRegionsWord(n1)}, ${a.flat1} flat.`);
    heatC.plot.setTitle(`Composition: ${nc} ${linearRegionsWord(nc)}, ${a.flatComposed} flat.`);
    panel2.plot.setTitle(
      `Network 2: ${a.regions2Reached} ${linearRegionsWord(a.regions2Reached)} over the reached y values.`,
    );
    showProbe();
  }

  render();

  return createHandle(root, store, {
    update(partial) {
      options = { ...options, ...partial };
      render();
    },
    cleanup() {
      heat1.destroy();
      heatC.destroy();
      panel2.destroy();
    },
  });
}
