/**
 * Two-outputs widget, view: builds the two stacked plots, the status line and the parameter
 * drawer once, and draws a `TwoOutputsState` into them. No state of its own, no worker calls.
 */
import { linearPieces1d, type Regions1D } from '@deepnets/regions';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { createPanelGrid } from '../kit/panel-grid.ts';
import { linearRegionsWord } from '../kit/pieces-1d.ts';
import { drawBands, drawPolyline, drawVerticals, extentOf, unitColor } from '../kit/piecewise-draw.ts';
import { jointDots, jointsText, type TwoOutputsState } from './state.ts';

export interface TwoOutputsView {
  root: HTMLElement;
  /** The parameter drawer, where the mount puts the sliders. */
  controls: HTMLElement;
  svg: SVGSVGElement;
  draw(state: TwoOutputsState, domain: [number, number], alone: [Regions1D, Regions1D]): void;
}

export function createTwoOutputsView(element: HTMLElement): TwoOutputsView {
  const root = htmlElement(
    'div',
    { class: 'dn-widget dn-two-outputs', 'data-widget': 'two-outputs' },
    element,
  );
  const grid = createPanelGrid(root, { rows: 2, columns: 1, cellWidth: 560, cellHeight: 190 });
  const plots = [
    grid.panel(0, 0, 'y₁ = φ₁₀ + φ₁₁h₁ + φ₁₂h₂ + φ₁₃h₃ + φ₁₄h₄', { yLabel: 'y₁' }),
    grid.panel(1, 0, 'y₂ = φ₂₀ + φ₂₁h₁ + φ₂₂h₂ + φ₂₃h₃ + φ₂₄h₄', { xLabel: 'x', yLabel: 'y₂' }),
  ];
  const status = htmlElement('p', { class: 'dn-status', 'aria-live': 'polite' }, root);
  const controls = htmlElement('details', { class: 'dn-details', open: 'open' }, root);
  htmlElement('summary', {}, controls).textContent = 'Parameters (18)';

  function drawPlots(state: TwoOutputsState, domain: [number, number], alone: [Regions1D, Regions1D]): void {
    plots.forEach((plot, o) => {
      const values = state.ys[o] as number[];
      const scale = plot.frame(domain, extentOf([values]));
      plot.regions.replaceChildren();
      plot.curves.replaceChildren();
      plot.points.replaceChildren();
      drawBands(plot.regions, linearPieces1d(alone[o] as Regions1D), scale);
      drawVerticals(
        plot.regions,
        state.joints.map((j) => j.x),
        scale,
        (n) => ({ stroke: unitColor(state.joints[n]!.unit) }),
      );
      drawPolyline(plot.curves, state.xs, values, scale, { 'data-role': `curve-${o + 1}` });
      for (const dot of jointDots(state, (o + 1) as 1 | 2)) {
        svgElement(
          'circle',
          {
            cx: scale.x(dot.x),
            cy: scale.y(dot.y),
            r: 5,
            fill: unitColor(dot.unit),
            'data-role': 'joint',
            'data-output': dot.output,
            'data-unit': dot.unit + 1,
            'data-x': dot.x,
          },
          plot.points,
        );
      }
    });
  }

  function drawStatus(state: TwoOutputsState): void {
    const [first, second] = state.perOutput;
    status.replaceChildren(`Shared joints: ${jointsText(state.joints)}. Together the outputs have `);
    htmlElement('strong', { 'data-regions': state.linearRegions }, status).textContent = String(
      state.linearRegions,
    );
    status.append(` ${linearRegionsWord(state.linearRegions)}; y₁ alone has `);
    htmlElement('span', { 'data-output-regions': 1 }, status).textContent = String(first);
    status.append(', y₂ alone ');
    htmlElement('span', { 'data-output-regions': 2 }, status).textContent = String(second);
    status.append('.');
    grid.setTitle(`Two outputs of a shallow network with four hidden units. ${status.textContent}`);
  }

  return {
    root,
    controls,
    svg: grid.svg,
    draw(state, domain, alone) {
      drawPlots(state, domain, alone);
      drawStatus(state);
      root.dataset.ms = state.ms.toFixed(2);
    },
  };
}
