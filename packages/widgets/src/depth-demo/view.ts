/**
 * The depth demonstration's drawing: each run's final training loss against the depth K (log
 * axis), the chance loss ln 2 as a dashed line, and a table per depth.
 */
import { createLogPlot } from '../depth-kit/log-plot.ts';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import type { TrialRow } from '../kit/trials.ts';
import { CHANCE_LOSS, type DepthSummary } from './state.ts';

export interface DepthDemoView {
  svg: SVGSVGElement;
  draw(rows: readonly TrialRow[], summary: readonly DepthSummary[], depths: readonly number[]): void;
}

export function createDepthDemoView(parent: HTMLElement): DepthDemoView {
  const plot = createLogPlot(parent, {
    xLabel: 'hidden layers K',
    yLabel: 'final training loss',
    xLog: true,
    height: 280,
    heading: 'each run after the same number of epochs',
  });
  const scroll = htmlElement('div', { class: 'dn-table-scroll' }, parent);
  const table = htmlElement('table', { class: 'dn-trials', 'data-role': 'depths' }, scroll);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const h of ['K', 'params', 'runs done', 'trained (loss < ln 2 / 2)', 'stuck at ln 2', 'median loss'])
    htmlElement('th', { scope: 'col' }, head).textContent = h;
  const body = htmlElement('tbody', {}, table);
  return {
    svg: plot.svg,
    draw(rows, summary, depths) {
      const losses = rows.filter((r) => r.trainLoss !== undefined).map((r) => r.trainLoss as number);
      const top = Math.max(1, ...losses.filter(Number.isFinite)) * 1.05;
      const s = plot.frame([0, Math.log10(Math.max(...depths) * 1.3)], [0, top]);
      plot.curves.replaceChildren();
      plot.points.replaceChildren();
      svgElement(
        'line',
        {
          x1: s.x(0),
          x2: s.x(Math.log10(Math.max(...depths) * 1.3)),
          y1: s.y(CHANCE_LOSS),
          y2: s.y(CHANCE_LOSS),
          stroke: 'currentColor',
          'stroke-dasharray': '5 4',
          opacity: 0.6,
        },
        plot.curves,
      );
      svgElement(
        'text',
        { x: s.x(0) + 4, y: s.y(CHANCE_LOSS) - 4, class: 'dn-label' },
        plot.curves,
      ).textContent = 'chance: ln 2';
      for (const r of rows) {
        if (r.trainLoss === undefined || !Number.isFinite(r.trainLoss)) continue;
        const jitter = ((r.seed % 10) - 1) * 0.012;
        svgElement(
          'circle',
          {
            cx: s.x(Math.log10(r.hidden.length) + jitter),
            cy: s.y(Math.min(top, r.trainLoss)),
            r: r.status === 'done' ? 4.5 : 3,
            fill: r.status === 'done' ? unitColor(depths.indexOf(r.hidden.length)) : 'none',
            stroke: unitColor(depths.indexOf(r.hidden.length)),
            'data-depth': r.hidden.length,
          },
          plot.points,
        );
      }
      plot.setTitle('Final training loss of plain ReLU networks against depth');
      body.replaceChildren();
      for (const d of summary) {
        const tr = htmlElement('tr', { 'data-depth': d.depth }, body);
        const cells = [
          d.depth,
          d.parameters,
          d.finished,
          d.trained,
          d.atChance,
          Number.isNaN(d.medianLoss) ? '' : d.medianLoss.toFixed(3),
        ];
        for (const c of cells) htmlElement('td', {}, tr).textContent = String(c);
      }
    },
  };
}
