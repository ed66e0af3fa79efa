/**
 * 2-D composition widget, view: builds the two heat-map panels (network 1, the composition),
 * network 2's function panel with its draggable joints, the probe's read-out, the status line and
 * the places for the sliders and the preset once, and draws a `Composition2DFigure` and a probe
 * into them. No state of its own.
 */
import { evaluateBatch } from '@deepnets/core';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { figureSvg } from '../kit/figure.ts';
import { createFunctionPanel } from '../kit/function-panel.ts';
import { linearRegionsWord, valueAt } from '../kit/pieces-1d.ts';
import { createHeatPanel } from './heat-panel.ts';
import type { Composition2DFigure, Probe } from './state.ts';

export interface Composition2DViewHandlers {
  /** The pointer or the arrow keys probed a point of a heat map. */
  onProbe(point: [number, number]): void;
  /** A joint of network 2 was dragged or keyed to (y, y'). */
  onJoint(unit: number, x: number, y: number): void;
  onJointEnd(): void;
}

export interface Composition2DView {
  root: HTMLElement;
  groups: HTMLElement;
  presets: HTMLElement;
  draw(figure: Composition2DFigure): void;
  /** Marks the probe on both heat maps and on network 2's graph, and reads the values out. */
  drawProbe(figure: Composition2DFigure, probe: Probe | undefined): void;
  figureSvg(): SVGSVGElement;
  destroy(): void;
}

const fixed = (v: number) => v.toFixed(3);

export function createComposition2dView(
  element: HTMLElement,
  box: [number, number, number, number],
  on: Composition2DViewHandlers,
): Composition2DView {
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-composition-2d', 'data-widget': 'composition-2d' },
    element,
  );
  const panels = htmlElement('div', { class: 'dn-cmp-panels' }, root);
  const heat1 = createHeatPanel(panels, {
    name: 'network-1',
    box,
    label: 'Heat map of network 1, y over (x₁, x₂)',
    onProbe: on.onProbe,
  });
  const panel2 = createFunctionPanel(panels, {
    name: 'network-2',
    xLabel: 'y',
    yLabel: 'y′',
    jointNames: ['h₁′ of network 2', 'h₂′ of network 2'],
    onJoint: on.onJoint,
    onJointEnd: on.onJointEnd,
  });
  const marker = svgElement(
    'circle',
    { r: 4.5, class: 'dn-cmp-cursor-dot', visibility: 'hidden' },
    panel2.plot.points,
  );
  const heatC = createHeatPanel(panels, {
    name: 'composition',
    box,
    label: 'Heat map of the composition, y′ over (x₁, x₂)',
    onProbe: on.onProbe,
  });
  const readout = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite', 'data-role': 'probe' }, root);
  readout.textContent = 'Point at a heat map (or focus it and use the arrow keys) to read y and y′ there.';
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const groups = htmlElement('div', { class: 'dn-cmp-groups' }, root);
  const presets = htmlElement('div', { class: 'dn-buttons dn-cmp-presets' }, root);

  /** A caption with its count in `<strong data-regions data-of>`. */
  const caption = (el: HTMLElement, before: string, n: number, of: string, after: string) => {
    el.replaceChildren(before);
    htmlElement('strong', { 'data-regions': n, 'data-of': of }, el).textContent = String(n);
    el.append(after);
  };
  const flatText = (n: number) => (n ? `, ${n} flat (hatched)` : '');

  function draw(f: Composition2DFigure): void {
    const a = f.analysis;
    heat1.draw({
      regions: a.regions1,
      evaluate: (xs, n) => evaluateBatch(a.net1, xs, n),
      range: a.range1,
      flat: f.flat1,
    });
    heatC.draw({
      regions: a.composedRegions,
      evaluate: (xs, n) => evaluateBatch(a.composed, xs, n),
      range: a.rangeComposed,
      flat: f.flatComposed,
    });
    panel2.draw({
      regions: a.regions2,
      yExtent: f.extent2,
      bands: [{ lo: a.range1[0], hi: a.range1[1], color: 'rgba(128, 128, 128, 0.35)' }],
      reached: a.range1,
      boundaries: f.boundaries2,
      joints: f.joints2,
    });
    const { net1, net2, composed } = f.counts;
    caption(
      heat1.caption,
      'Network 1, (x₁, x₂) → y: ',
      net1,
      'network-1',
      ` ${linearRegionsWord(net1)}${flatText(a.flat1)}.`,
    );
    panel2.caption.textContent = `Network 2, y → y′: ${net2} ${linearRegionsWord(net2)} over the y values network 1 reaches (shaded).`;
    caption(
      heatC.caption,
      'Composition, (x₁, x₂) → y′: ',
      composed,
      'composition',
      ` ${linearRegionsWord(composed)}${flatText(a.flatComposed)}.`,
    );
    status.textContent = f.summary;
    heat1.plot.setTitle(`Network 1: ${net1} ${linearRegionsWord(net1)}, ${a.flat1} flat.`);
    heatC.plot.setTitle(`Composition: ${composed} ${linearRegionsWord(composed)}, ${a.flatComposed} flat.`);
    panel2.plot.setTitle(`Network 2: ${net2} ${linearRegionsWord(net2)} over the reached y values.`);
  }

  function drawProbe(f: Composition2DFigure, p: Probe | undefined): void {
    heat1.setProbe(p?.x);
    heatC.setProbe(p?.x);
    const scales = panel2.scales();
    if (!p || !scales) return;
    marker.setAttribute('cx', String(scales.x(p.y)));
    marker.setAttribute('cy', String(scales.y(p.composed)));
    marker.setAttribute('visibility', 'visible');
    readout.textContent = `At (x₁, x₂) = (${fixed(p.x[0])}, ${fixed(p.x[1])}): network 1 gives y = ${fixed(p.y)}; network 2 turns it into y′ = ${fixed(valueAt(f.analysis.regions2, p.y))}, the composition's value there (${fixed(p.composed)}).`;
  }

  return {
    root,
    groups,
    presets,
    draw,
    drawProbe,
    figureSvg: () => figureSvg(root, [heat1.exportPanel(), { svg: panel2.plot.svg }, heatC.exportPanel()]),
    destroy() {
      heat1.destroy();
      heatC.destroy();
      panel2.destroy();
    },
  };
}
