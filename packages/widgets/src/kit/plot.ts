/**
 * `createPlot`: an SVG chart frame (axes, grid, ticks, layers) that widgets draw curves, points
 * and regions into, on d3 scales (kit `scale.ts`). It scales with its container through the viewBox;
 * its text keeps its CSS pixel size (see `dom.ts`, `--dn-px`).
 */

import { drawAxes } from './axes.ts';
import { setAttributes, svgElement } from './dom.ts';
import { formatTicks, type LinearScale, scaleLinear, ticks } from './scale.ts';

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
let plotCount = 0;

export function createPlot(parent: Element, options: PlotOptions = {}): Plot {
  const width = options.width ?? 480;
  const height = options.height ?? 300;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'dn-plot' }, parent);
  const title = svgElement('title', {}, svg);
  title.textContent = options.title ?? '';
  const axes = svgElement('g', { class: 'dn-axes' }, svg);
  // Curves and regions are clipped to the plot area (a graph never runs over the frame or the ticks).
  const clipId = `dn-plot-clip-${++plotCount}`;
  const clip = svgElement('rect', {}, svgElement('clipPath', { id: clipId }, svg));
  const regions = svgElement('g', { class: 'dn-regions', 'clip-path': `url(#${clipId})` }, svg);
  const curves = svgElement('g', { class: 'dn-curves', 'clip-path': `url(#${clipId})` }, svg);
  const points = svgElement('g', { class: 'dn-points' }, svg);

  function frame(xDomain: readonly [number, number], yDomain: readonly [number, number]) {
    const x = scaleLinear(xDomain, [MARGIN.left, width - MARGIN.right]);
    const y = scaleLinear(yDomain, [height - MARGIN.bottom, MARGIN.top]);
    const xTicks = ticks(xDomain[0], xDomain[1], 5);
    const yTicks = ticks(yDomain[0], yDomain[1], 5);
    const [left, right] = x.range;
    const [bottom, top] = y.range;
    setAttributes(clip, { x: left, y: top, width: right - left, height: bottom - top });
    drawAxes(axes, {
      width,
      height,
      margin: MARGIN,
      x,
      y,
      xTicks,
      yTicks,
      xTickLabels: formatTicks(xTicks),
      yTickLabels: formatTicks(yTicks),
      xLabel: options.xLabel,
      yLabel: options.yLabel,
    });
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
