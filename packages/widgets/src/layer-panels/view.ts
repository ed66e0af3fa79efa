/**
 * Layer panels widget, view: builds the book's Figure 4.5 grid once (rows: first-layer units h_d;
 * second-layer pre-activations psi_i0 + sum_j psi_ij h_j; clipped units h'_i; weighted terms
 * phi'_i h'_i and the output y'), the status line and the parameter controls' frame, and draws a
 * `LayerPanelsState`. No state of its own, no evaluation, no URL.
 */
import { linearPieces1d } from '@deepnets/regions';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { createPanelGrid, type PanelGrid } from '../kit/panel-grid.ts';
import { drawBands, drawPolyline, drawVerticals, extentOf, unitColor } from '../kit/piecewise-draw.ts';
import type { Plot } from '../kit/plot.ts';
import { subscript as sub } from '../kit/slider.ts';
import { jointsByLayer, type LayerPanelsState, statusParts } from './state.ts';

export interface LayerPanelsView {
  root: HTMLElement;
  grid: PanelGrid;
  /** The open "All 22 parameters" box, where the mount puts the sliders. */
  controls: HTMLDetailsElement;
  randomButton: HTMLButtonElement;
  resetButton: HTMLButtonElement;
  draw(state: LayerPanelsState, domain: [number, number]): void;
}

function button(parent: Element, action: string, text: string): HTMLButtonElement {
  const b = htmlElement('button', { type: 'button', class: 'dn-button', 'data-action': action }, parent);
  b.textContent = text;
  return b;
}

/** The horizontal line y = 0 across a panel. */
function zeroLine(plot: Plot, scale: ReturnType<Plot['frame']>, [lo, hi]: [number, number]): void {
  const y = scale.y(0);
  svgElement('line', { x1: scale.x(lo), x2: scale.x(hi), y1: y, y2: y, class: 'dn-zero' }, plot.regions);
}

export function createLayerPanelsView(element: HTMLElement): LayerPanelsView {
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-layer-panels', 'data-widget': 'layer-panels' },
    element,
  );
  const grid = createPanelGrid(root, { rows: 4, columns: 3 });
  const rows: Plot[][] = [
    [1, 2, 3].map((d, c) => grid.panel(0, c, `h${sub(d)} = a[θ${sub(d)}₀ + θ${sub(d)}₁x]`)),
    [1, 2, 3].map((i, c) => grid.panel(1, c, `ψ${sub(i)}₀ + Σⱼ ψ${sub(i)}ⱼ hⱼ`)),
    [1, 2, 3].map((i, c) => grid.panel(2, c, `h′${sub(i)} = a[ψ${sub(i)}₀ + Σⱼ ψ${sub(i)}ⱼ hⱼ]`)),
    [grid.panel(3, 0, 'φ′ᵢ h′ᵢ'), grid.panel(3, 1, 'y′ = φ′₀ + Σᵢ φ′ᵢ h′ᵢ', { span: 2, xLabel: 'x' })],
  ];
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const controls = htmlElement('details', { class: 'dn-details', open: 'open' }, root);
  htmlElement('summary', {}, controls).textContent = 'All 22 parameters';
  const buttons = htmlElement('div', { class: 'dn-row' }, controls);
  const randomButton = button(buttons, 'random', 'Random');
  const resetButton = button(buttons, 'reset', 'Reset');

  /** Rows 1-3: one panel per unit, first-layer joints solid, a clipped unit's own joints dotted. */
  function drawUnitRows(state: LayerPanelsState, domain: [number, number]): void {
    const { xs } = state.trace;
    const { first, second } = jointsByLayer(state.trace.joints);
    [state.trace.h1, state.trace.z2, state.trace.h2].forEach((units, r) => {
      const yDomain = extentOf(units);
      units.forEach((ys, u) => {
        const plot = rows[r]?.[u] as Plot;
        const scale = plot.frame(domain, yDomain);
        plot.regions.replaceChildren();
        plot.curves.replaceChildren();
        if (r > 0) zeroLine(plot, scale, domain);
        drawVerticals(
          plot.regions,
          first.map((j) => j.x),
          scale,
          (n) => ({ stroke: unitColor(first[n]?.unit ?? 0), 'data-layer': 1 }),
        );
        if (r === 2) {
          const own = second.filter((j) => j.unit === u).map((j) => j.x);
          drawVerticals(plot.regions, own, scale, () => ({
            stroke: unitColor(u + 3),
            'data-layer': 2,
            'stroke-dasharray': '2 3',
          }));
        }
        drawPolyline(plot.curves, xs, ys, scale, {
          stroke: unitColor(r === 0 ? u : u + 3),
          'data-role': `curve-${r}-${u}`,
        });
      });
    });
  }

  /** Row 4: the weighted terms, and the output with its linear regions and every joint. */
  function drawOutputRow(state: LayerPanelsState, domain: [number, number]): void {
    const { xs, joints, weighted, y } = state.trace;
    const [termsPlot, outputPlot] = rows[3] as [Plot, Plot];
    const termsScale = termsPlot.frame(domain, extentOf(weighted));
    termsPlot.curves.replaceChildren();
    termsPlot.regions.replaceChildren();
    weighted.forEach((ys, u) => {
      drawPolyline(termsPlot.curves, xs, ys, termsScale, {
        stroke: unitColor(u + 3),
        'data-role': `term-${u}`,
      });
    });
    const scale = outputPlot.frame(domain, extentOf([y]));
    outputPlot.regions.replaceChildren();
    outputPlot.curves.replaceChildren();
    outputPlot.points.replaceChildren();
    drawBands(outputPlot.regions, linearPieces1d(state.regions), scale);
    drawPolyline(outputPlot.curves, xs, y, scale, { 'data-role': 'curve' });
    for (const j of joints) {
      svgElement(
        'circle',
        {
          cx: scale.x(j.x),
          cy: scale.y(y[xs.indexOf(j.x)] ?? 0),
          r: 4,
          fill: unitColor(j.layer === 1 ? j.unit : j.unit + 3),
          'data-role': 'joint',
          'data-layer': j.layer,
        },
        outputPlot.points,
      );
    }
  }

  function draw(state: LayerPanelsState, domain: [number, number]): void {
    drawUnitRows(state, domain);
    drawOutputRow(state, domain);
    const [before, after] = statusParts(state, domain);
    status.replaceChildren(before);
    const count = htmlElement('strong', { 'data-regions': state.linearRegions }, status);
    count.textContent = String(state.linearRegions);
    status.append(after);
    grid.setTitle(
      `Figure 4.5 live: first-layer units, second-layer pre-activations, clipped units and output of a 1-3-3-1 network. ${status.textContent}`,
    );
  }

  return { root, grid, controls, randomButton, resetButton, draw };
}
