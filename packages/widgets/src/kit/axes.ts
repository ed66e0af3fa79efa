/**
 * `drawAxes`: grid lines, tick labels and axis labels of a chart frame, placed through the kit's
 * d3 scales. Shared by `createPlot` (linear axes) and depth-kit's `createLogPlot` (log10 axes).
 */
import { svgElement } from './dom.ts';
import type { LinearScale } from './scale.ts';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface AxesSpec {
  width: number;
  height: number;
  margin: Margins;
  x: LinearScale;
  y: LinearScale;
  xTicks: readonly number[];
  yTicks: readonly number[];
  xTickLabels: readonly string[];
  yTickLabels: readonly string[];
  xLabel?: string | undefined;
  yLabel?: string | undefined;
  /** Heading at the top right, e.g. "a) one input". */
  heading?: string | undefined;
}

/**
 * Redraws the axes of one frame into `axes` (its previous content is replaced). Chart text keeps
 * its CSS pixel size while the frame scales, so the axis labels sit inside the plot area (y at the
 * top left, x at the bottom right, offsets in em): clear of the tick labels outside it at any width.
 */
export function drawAxes(axes: SVGGElement, spec: AxesSpec): void {
  const { x, y, width, height, margin } = spec;
  const [xLo, xHi] = x.domain;
  const [yLo, yHi] = y.domain;
  axes.replaceChildren();
  // The plot area's outline: curves are clipped to it, so a graph visibly starts and ends at the frame.
  svgElement(
    'rect',
    { x: x(xLo), y: y(yHi), width: x(xHi) - x(xLo), height: y(yLo) - y(yHi), class: 'dn-frame' },
    axes,
  );
  spec.xTicks.forEach((t, i) => {
    svgElement('line', { x1: x(t), x2: x(t), y1: y(yLo), y2: y(yHi), class: 'dn-grid' }, axes);
    svgElement(
      'text',
      { x: x(t), y: height - margin.bottom + 16, 'text-anchor': 'middle', class: 'dn-tick' },
      axes,
    ).textContent = spec.xTickLabels[i] ?? '';
  });
  spec.yTicks.forEach((t, i) => {
    svgElement('line', { x1: x(xLo), x2: x(xHi), y1: y(t), y2: y(t), class: 'dn-grid' }, axes);
    svgElement(
      'text',
      { x: margin.left - 6, y: y(t), dy: '0.32em', 'text-anchor': 'end', class: 'dn-tick' },
      axes,
    ).textContent = spec.yTickLabels[i] ?? '';
  });
  if (spec.xLabel) {
    svgElement(
      'text',
      {
        x: width - margin.right - 4,
        y: height - margin.bottom,
        dy: '-0.45em',
        'text-anchor': 'end',
        class: 'dn-label dn-axis-label',
      },
      axes,
    ).textContent = spec.xLabel;
  }
  if (spec.yLabel) {
    svgElement(
      'text',
      { x: margin.left + 4, y: margin.top, dy: '1em', class: 'dn-label dn-axis-label' },
      axes,
    ).textContent = spec.yLabel;
  }
  if (spec.heading) {
    svgElement(
      'text',
      { x: width - margin.right, y: 14, 'text-anchor': 'end', class: 'dn-label dn-heading' },
      axes,
    ).textContent = spec.heading;
  }
}
