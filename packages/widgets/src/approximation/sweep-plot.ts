/**
 * The error chart of the `approximation` widget: mean squared error of the shallow and deep fits
 * (log scale) against their parameter count, one point per budget w = 2..8.
 */
import { createLogPlot } from '../depth-kit/log-plot.ts';
import { polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import type { ApproximationState } from './state.ts';

export type ErrorPlot = ReturnType<typeof createLogPlot>;

export function createErrorPlot(parent: Element): ErrorPlot {
  return createLogPlot(parent, {
    xLabel: 'parameters',
    yLabel: 'error',
    yLog: true,
    height: 300,
    heading: 'error as the budget grows',
  });
}

/** Draws the sweep points of `sw` (or a hint while there are none). */
export function drawErrorPlot(errPlot: ErrorPlot, sw: ApproximationState['sweep']): void {
  const losses = sw.flatMap((p) => [p.deepLoss, p.shallowLoss]).filter((v) => v > 0);
  const maxP = Math.max(200, ...sw.map((p) => Math.max(p.deepParameters, p.shallowParameters)));
  const ly = losses.length
    ? [Math.floor(Math.log10(Math.min(...losses))), Math.ceil(Math.log10(Math.max(...losses)))]
    : [-4, 0];
  const e = errPlot.frame(
    [0, maxP * 1.05],
    [ly[0] as number, Math.max(ly[1] as number, (ly[0] as number) + 1)],
  );
  errPlot.curves.replaceChildren();
  errPlot.points.replaceChildren();
  const series = [
    ['shallow', unitColor(1), sw.map((p) => [p.shallowParameters, p.shallowLoss] as const)],
    ['deep', unitColor(0), sw.map((p) => [p.deepParameters, p.deepLoss] as const)],
  ] as const;
  series.forEach(([name, color, pts], i) => {
    const valid = pts.filter(([, l]) => l > 0);
    svgElement(
      'path',
      {
        d: polylinePath(
          valid.map(([p]) => e.x(p)),
          valid.map(([, l]) => e.y(Math.log10(l))),
        ),
        fill: 'none',
        style: `stroke: ${color}`,
        class: 'dn-curve',
        'data-role': `sweep-${name}`,
      },
      errPlot.curves,
    );
    for (const [p, l] of valid)
      svgElement('circle', { cx: e.x(p), cy: e.y(Math.log10(l)), r: 3, fill: color }, errPlot.points);
    svgElement(
      'text',
      { x: 62, y: 40 + 14 * i, class: 'dn-tick', style: `fill: ${color}` },
      errPlot.curves,
    ).textContent = name;
  });
  if (!sw.length) {
    svgElement(
      'text',
      { x: 240, y: 150, 'text-anchor': 'middle', class: 'dn-tick' },
      errPlot.curves,
    ).textContent = 'press the button below to train every budget';
  }
  errPlot.setTitle('Mean squared error of the shallow and deep fits against their parameter count.');
}
