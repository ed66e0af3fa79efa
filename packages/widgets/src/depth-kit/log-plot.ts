/**
 * `createLogPlot`: an SVG chart frame whose axes may be logarithmic. Values are given already as
 * log10 on a log axis (so exact BigInt counts far beyond 10^308 can be placed, see `log10Big`);
 * ticks sit at powers of ten and read "10ⁿ". Same layers as the kit's `createPlot`.
 */

import { drawAxes } from '../kit/axes.ts';
import { svgElement } from '../kit/dom.ts';
import { formatTicks, type LinearScale, scaleLinear, ticks } from '../kit/scale.ts';
import { superscript } from './bigint.ts';

export interface LogPlotOptions {
  width?: number;
  height?: number;
  xLabel?: string;
  yLabel?: string;
  xLog?: boolean;
  yLog?: boolean;
  /** Heading drawn at the top left, e.g. "a) one input". */
  heading?: string;
}

export interface LogPlot {
  svg: SVGSVGElement;
  regions: SVGGElement;
  curves: SVGGElement;
  points: SVGGElement;
  overlay: SVGGElement;
  /** Domains in axis units (log10 on a log axis). */
  frame(
    xDomain: readonly [number, number],
    yDomain: readonly [number, number],
  ): { x: LinearScale; y: LinearScale };
  setTitle(text: string): void;
}

const MARGIN = { top: 24, right: 16, bottom: 36, left: 54 };

/** Power-of-ten ticks for a log axis spanning [lo, hi] (in log10), at most about `count`. */
export function powerTicks(lo: number, hi: number, count = 6): number[] {
  const first = Math.ceil(lo - 1e-9);
  const last = Math.floor(hi + 1e-9);
  const step = Math.max(1, Math.ceil((last - first) / count));
  const out: number[] = [];
  for (let p = first; p <= last; p += step) out.push(p);
  return out;
}

/**
 * The top of the log axis (log10 units) from `top` up: the highest power-of-ten tick stays at
 * least 0.3 tick steps below the frame's top, so its label never runs into the axis title.
 */
export function headroomTop(top: number): number {
  for (let t = top; t < top + 50; t += 0.1) {
    const ticks = powerTicks(0, t);
    const step = (ticks[1] ?? 1) - (ticks[0] ?? 0);
    if ((ticks.at(-1) ?? 0) <= t - 0.3 * step) return Math.round(t * 10) / 10;
  }
  return top;
}

/** Tick labels of a log axis (values in log10): 1, 10, 10², ... */
const powerLabel = (p: number): string => (p === 0 ? '1' : p === 1 ? '10' : `10${superscript(p)}`);

export function createLogPlot(parent: Element, options: LogPlotOptions = {}): LogPlot {
  const width = options.width ?? 480;
  const height = options.height ?? 300;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'dn-plot' }, parent);
  const title = svgElement('title', {}, svg);
  const axes = svgElement('g', { class: 'dn-axes' }, svg);
  const regions = svgElement('g', { class: 'dn-regions' }, svg);
  const curves = svgElement('g', { class: 'dn-curves' }, svg);
  const points = svgElement('g', { class: 'dn-points' }, svg);
  const overlay = svgElement('g', { class: 'dn-overlay' }, svg);

  function frame(xDomain: readonly [number, number], yDomain: readonly [number, number]) {
    const x = scaleLinear(xDomain, [MARGIN.left, width - MARGIN.right]);
    const y = scaleLinear(yDomain, [height - MARGIN.bottom, MARGIN.top]);
    const xTicks = options.xLog ? powerTicks(xDomain[0], xDomain[1]) : ticks(xDomain[0], xDomain[1], 5);
    const yTicks = options.yLog ? powerTicks(yDomain[0], yDomain[1]) : ticks(yDomain[0], yDomain[1], 5);
    drawAxes(axes, {
      width,
      height,
      margin: MARGIN,
      x,
      y,
      xTicks,
      yTicks,
      xTickLabels: options.xLog ? xTicks.map(powerLabel) : formatTicks(xTicks),
      yTickLabels: options.yLog ? yTicks.map(powerLabel) : formatTicks(yTicks),
      xLabel: options.xLabel,
      yLabel: options.yLabel,
      heading: options.heading,
    });
    return { x, y };
  }

  return {
    svg,
    regions,
    curves,
    points,
    overlay,
    frame,
    setTitle: (text) => {
      title.textContent = text;
    },
  };
}
