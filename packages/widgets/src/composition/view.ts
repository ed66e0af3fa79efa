/**
 * Composition widget, view: builds the three function panels (network 1, network 2, the
 * composition), the status line, the folding view, the shallow comparison and the places for the
 * sliders and presets once, and draws a `CompositionFigure` into them. No state of its own.
 */
import { htmlElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { createFunctionPanel } from '../kit/function-panel.ts';
import { linearRegionsWord } from '../kit/pieces-1d.ts';
import { createComparisonPanel } from './comparison.ts';
import { createFoldingView } from './folding.ts';
import { type CompositionFigure, foldAt } from './state.ts';

/** Colours of the pieces ("folds") of network 1. */
export const FOLD_COLORS = ['#e4572e', '#17bebb', '#a06cd5', '#d4a017', '#76b041', '#2e86ab'];
const foldColor = (fold: number) => FOLD_COLORS[fold % FOLD_COLORS.length] as string;
const UNIT_NAMES = ['h₁', 'h₂', 'h₃'];

export interface CompositionViewHandlers {
  /** A joint of network `net` was dragged or keyed to (x, y). */
  onJoint(net: 1 | 2, unit: number, x: number, y: number): void;
  onJointEnd(): void;
}

export interface CompositionView {
  root: HTMLElement;
  /** Where the mount puts the slider groups and the preset buttons. */
  groups: HTMLElement;
  presets: HTMLElement;
  draw(figure: CompositionFigure): void;
  /** Fits and draws the 6-unit shallow comparison; returns its exact region count. */
  drawComparison(figure: CompositionFigure): number;
  /** Every picture of the widget in one SVG, for the toolbar's export. */
  figureSvg(): SVGSVGElement;
  destroy(): void;
}

export function createCompositionView(element: HTMLElement, on: CompositionViewHandlers): CompositionView {
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-composition', 'data-widget': 'composition' },
    element,
  );
  const panels = htmlElement('div', { class: 'dn-cmp-panels' }, root);
  const panel1 = createFunctionPanel(panels, {
    name: 'network-1',
    xLabel: 'x',
    yLabel: 'y',
    jointNames: UNIT_NAMES.map((h) => `${h} of network 1`),
    onJoint: (unit, x, y) => on.onJoint(1, unit, x, y),
    onJointEnd: on.onJointEnd,
  });
  const panel2 = createFunctionPanel(panels, {
    name: 'network-2',
    xLabel: 'y',
    yLabel: 'y′',
    jointNames: UNIT_NAMES.map((h) => `${h}′ of network 2`),
    onJoint: (unit, x, y) => on.onJoint(2, unit, x, y),
    onJointEnd: on.onJointEnd,
  });
  // Padded like network 1's panel, so that the two x axes line up.
  const panel3 = createFunctionPanel(panels, { name: 'composition', xLabel: 'x', yLabel: 'y′', padX: true });
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const folding = createFoldingView(root);
  const comparison = createComparisonPanel(root);
  const groups = htmlElement('div', { class: 'dn-cmp-groups' }, root);
  const presets = htmlElement('div', { class: 'dn-buttons dn-cmp-presets' }, root);

  function draw(f: CompositionFigure): void {
    const a = f.analysis;
    const domain = a.domain.join(', ');
    panel1.draw({
      regions: a.regions1,
      yExtent: f.extents.net1,
      bands: f.folds.map(([lo, hi], i) => ({ lo, hi, color: foldColor(i) })),
      joints: f.joints1,
    });
    panel2.draw({
      regions: a.regions2,
      yExtent: f.extents.net2,
      bands: [{ lo: a.reached[0], hi: a.reached[1], color: 'var(--dn-reached, rgba(128,128,128,0.18))' }],
      reached: a.reached,
      boundaries: f.boundaries2,
      joints: f.joints2,
    });
    panel3.draw({
      regions: a.composedRegions,
      yExtent: f.extents.composed,
      bands: f.composedBounds.map(([lo, hi], i) => ({ lo, hi, color: foldColor(a.foldOf[i] ?? 0) })),
      boundaries: f.composedBounds.slice(1).map(([lo]) => lo),
      colorAt: (x) => foldColor(foldAt(f.folds, x)),
    });
    const { net1, net2, composed } = f.counts;
    panel1.caption.textContent = `Network 1, x → y: ${net1} ${linearRegionsWord(net1)} (folds) on [${domain}], coloured.`;
    panel2.caption.textContent = `Network 2, y → y′: ${net2} ${linearRegionsWord(net2)} over the y values network 1 reaches (shaded).`;
    panel3.caption.replaceChildren('Composition, x → y′: ');
    const count = htmlElement(
      'strong',
      { 'data-regions': composed, 'data-of': 'composition' },
      panel3.caption,
    );
    count.textContent = String(composed);
    panel3.caption.append(
      ` ${linearRegionsWord(composed)}, each coloured by the fold of network 1 it comes from.`,
    );
    status.textContent = f.summary;
    panel1.plot.setTitle(`Network 1: ${net1} ${linearRegionsWord(net1)}.`);
    panel2.plot.setTitle(`Network 2: ${net2} ${linearRegionsWord(net2)} over the reached y values.`);
    panel3.plot.setTitle(`Composition: ${composed} ${linearRegionsWord(composed)}. ${f.summary}`);
    root.dataset.regions1 = String(net1);
    root.dataset.regions2 = String(net2);
    folding.draw(a, foldColor);
  }

  return {
    root,
    groups,
    presets,
    draw,
    drawComparison: (f) => comparison.draw(f.analysis).regions,
    figureSvg: () =>
      figureSvg(root, [panel1.plot, panel2.plot, panel3.plot, { svg: folding.svg }, { svg: comparison.svg }]),
    destroy() {
      panel1.destroy();
      panel2.destroy();
      folding.destroy();
    },
  };
}
