/**
 * Drawing of the `network-builder` widget from its state: the summary (shape, parameters, what is
 * known about the maximum), the exact count of the sampled network, and its regions (1-D: the
 * function with its pieces and breakpoints; 2-D: the polygons, one colour per linear region).
 */
import type { Regions1D, Regions2D } from '@deepnets/regions';
import { linearPieces1d } from '@deepnets/regions';
import { appendRegionSummary } from '../depth-kit/region-summary-view.ts';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { linearRegionsWord } from '../kit/pieces-1d.ts';
import { drawBands, drawPolyline, extentOf } from '../kit/piecewise-draw.ts';
import type { Plot } from '../kit/plot.ts';
import type { ShapeBound } from './shape.ts';
import { BOX, DOMAIN } from './state.ts';

const regionColor = (n: number) => `hsl(${(n * 137.508) % 360} 60% 62%)`;

export function showSummary(
  summary: HTMLElement,
  inputs: number,
  widths: number[],
  parameters: number,
  bound: ShapeBound,
): void {
  summary.replaceChildren(
    `K = ${widths.length} hidden layer${widths.length === 1 ? '' : 's'} of widths ${widths.join(', ')}, Dᵢ = ${inputs}, one output: `,
  );
  htmlElement('strong', { 'data-parameters': parameters }, summary).textContent = `${parameters} parameters`;
  summary.append('. ');
  appendRegionSummary(summary, bound);
}

/** The exact count of the network shown; `source` names its file ('' for a random network). */
export function showCount(
  status: HTMLElement,
  inputs: number,
  count: number,
  activation: number,
  bound: ShapeBound,
  source = '',
): void {
  status.replaceChildren(source ? `The network of ${source} has ` : 'This random network has ');
  htmlElement('strong', { 'data-regions': count }, status).textContent = String(count);
  const pieces = inputs === 1 ? 'intervals' : 'polygons (thin lines)';
  // A share only against a proven maximum, never against a bound.
  const against = bound.exact
    ? `, ${((Number(count) / Number(bound.upper.value)) * 100).toPrecision(2)}% of the exact maximum over the whole input space`
    : '';
  status.append(
    ` ${linearRegionsWord(count)} on ${inputs === 1 ? '[−1, 1]' : '[−1, 1]², one colour each'}${against}`,
    activation > count
      ? `; its ${activation} activation ${pieces} merge into them where a whole layer is off or slopes agree.`
      : '.',
  );
}

export function draw1d(plot: Plot, r: Regions1D): void {
  const xs = Array.from(r.edges);
  const ys = xs.map((x, p) => {
    const q = Math.min(p, r.activationRegions - 1);
    return (r.slopes[q] as number) * x + (r.intercepts[q] as number);
  });
  const scale = plot.frame(DOMAIN, extentOf([ys]));
  plot.regions.replaceChildren();
  plot.curves.replaceChildren();
  plot.points.replaceChildren();
  drawBands(plot.regions, linearPieces1d(r), scale);
  drawPolyline(plot.curves, xs, ys, scale, { 'data-role': 'curve' });
  for (const x of r.breakpoints) {
    const p = xs.indexOf(x);
    svgElement(
      'circle',
      { cx: scale.x(x), cy: scale.y(ys[p] ?? 0), r: 3, class: 'dn-breakpoint', 'data-role': 'joint' },
      plot.points,
    );
  }
}

export function draw2d(plot: Plot, r: Regions2D): void {
  const scale = plot.frame([BOX[0], BOX[1]], [BOX[2], BOX[3]]);
  plot.regions.replaceChildren();
  plot.curves.replaceChildren();
  r.polygons.forEach((polygon, n) => {
    const v = polygon.vertices;
    let points = '';
    for (let i = 0; i < v.length; i += 2)
      points += `${scale.x(v[i] as number).toFixed(2)},${scale.y(v[i + 1] as number).toFixed(2)} `;
    const fill = regionColor(r.linearRegionOf[n] as number);
    svgElement('polygon', { points, fill, class: 'dn-region-polygon', 'data-role': 'region' }, plot.regions);
  });
}
