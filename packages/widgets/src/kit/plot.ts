/**
 * `createPlot`: an SVG chart frame (axes, grid, ticks, layers) that widgets draw curves, points
 * and regions into. It scales with its container through the viewBox, so it follows resizes.
 */

import { svgElement } from './dom.ts';
import { type LinearScale, scaleLinear, ticks } from './scale.ts';

export interface PlotOptions {
  width?: number;
  height?: number;
  /** Axis labels, e.g. "x" and "y". */
  xLabel?: string;
  yLabel?: string;
  /** Accessible description, updated by the widget after each draw. */
  title?: string;
}

export interface Plot {
  svg: SVGSVGElement;
  /** Drawing layers, bottom to top. */
  regions: SVGGElement;
  curves: SVGGElement;
  points: SVGGElement;
  /** Sets the visible intervals and redraws axes; returns the scales to draw with. */
  frame(
    xDomain: readonly [number, number],
    yDomain: readonly [number, number],
  ): { x: LinearScale; y: LinearScale };
  setTitle(text: string): void;
}

const MARGIN = { top: 12, right: 16, bottom: 34, left: 44 };

export function createPlot(parent: Element, options: PlotOptions = {}): Plot {
  const width = options.width ?? 480;
  const height = options.height ?? 300;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'dn-plot' }, parent);
  const title = svgElement('title', {}, svg);
  title.textContent = options.title ?? '';
  const axes = svgElement('g', { class: 'dn-axes' }, svg);
  const regions = svgElement('g', { class: 'dn-regions' }, svg);
  const curves = svgElement('g', { class: 'dn-curves' }, svg);
  const points = svgElement('g', { class: 'dn-points' }, svg);

  function frame(xDomain: readonly [number, number], yDomain: readonly [number, number]) {
    const x = scaleLinear(xDomain, [MARGIN.left, width - MARGIN.right]);
    const y = scaleLinear(yDomain, [height - MARGIN.bottom, MARGIN.top]);
    axes.replaceChildren();
    for (const t of ticks(xDomain[0], xDomain[1], 5)) {
      svgElement(
        'line',
        { x1: x(t), x2: x(t), y1: y(yDomain[0]), y2: y(yDomain[1]), class: 'dn-grid' },
        axes,
      );
      svgElement(
        'text',
        { x: x(t), y: height - 18, 'text-anchor': 'middle', class: 'dn-tick' },
        axes,
      ).textContent = formatTick(t);
    }
    for (const t of ticks(yDomain[0], yDomain[1], 5)) {
      svgElement(
        'line',
        { x1: x(xDomain[0]), x2: x(xDomain[1]), y1: y(t), y2: y(t), class: 'dn-grid' },
        axes,
      );
      svgElement(
        'text',
        { x: MARGIN.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'dn-tick' },
        axes,
      ).textContent = formatTick(t);
    }
    if (options.xLabel) {
      svgElement(
        'text',
        { x: width - MARGIN.right, y: height - 4, 'text-anchor': 'end', class: 'dn-label' },
        axes,
      ).textContent = options.xLabel;
    }
    if (options.yLabel) {
      svgElement('text', { x: 4, y: MARGIN.top + 4, class: 'dn-label' }, axes).textContent = options.yLabel;
    }
    return { x, y };
  }

  return {
    svg,
    regions,
    curves,
    points,
    frame,
    setTitle: (text) => {
      title.textContent = text;
    },
  };
}

/** Short tick labels: 0.5, -1, 1e+3. */
function formatTick(value: number): string {
  return Math.abs(value) >= 1e4 ? value.toExponential(0) : String(Number(value.toPrecision(6)));
}

/** [lo, hi] of `values`, widened to include `base` and padded by 5%. */
export function paddedExtent(values: ArrayLike<number>, base: readonly [number, number]): [number, number] {
  let lo = base[0];
  let hi = base[1];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const pad = (hi - lo) * 0.05 || 1;
  return [lo - pad, hi + pad];
}
