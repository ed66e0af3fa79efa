/**
 * `createLogPlot`: an SVG chart frame whose axes may be logarithmic. Values are given already as
 * log10 on a log axis (so exact BigInt counts far beyond 10^308 can be placed, see `log10Big`);
 * ticks sit at powers of ten and read "10ⁿ". Same layers as the kit's `createPlot`.
 */
import { svgElement } from '../kit/dom.ts';
import { type LinearScale, scaleLinear, ticks } from '../kit/scale.ts';
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

const plain = (v: number) => (Math.abs(v) >= 1e5 ? v.toExponential(0) : String(Number(v.toPrecision(6))));

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

  const label = (value: number, log: boolean | undefined, parentText: SVGTextElement) => {
    if (!log) {
      parentText.textContent = plain(value);
      return;
    }
    parentText.textContent = value === 0 ? '1' : value === 1 ? '10' : `10${superscript(value)}`;
  };

  function frame(xDomain: readonly [number, number], yDomain: readonly [number, number]) {
    const x = scaleLinear(xDomain, [MARGIN.left, width - MARGIN.right]);
    const y = scaleLinear(yDomain, [height - MARGIN.bottom, MARGIN.top]);
    axes.replaceChildren();
    const xt = options.xLog ? powerTicks(xDomain[0], xDomain[1]) : ticks(xDomain[0], xDomain[1], 5);
    const yt = options.yLog ? powerTicks(yDomain[0], yDomain[1]) : ticks(yDomain[0], yDomain[1], 5);
    for (const t of xt) {
      svgElement(
        'line',
        { x1: x(t), x2: x(t), y1: y(yDomain[0]), y2: y(yDomain[1]), class: 'dn-grid' },
        axes,
      );
      const text = svgElement(
        'text',
        { x: x(t), y: height - 20, 'text-anchor': 'middle', class: 'dn-tick' },
        axes,
      );
      label(t, options.xLog, text);
    }
    for (const t of yt) {
      svgElement(
        'line',
        { x1: x(xDomain[0]), x2: x(xDomain[1]), y1: y(t), y2: y(t), class: 'dn-grid' },
        axes,
      );
      const text = svgElement(
        'text',
        { x: MARGIN.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'dn-tick' },
        axes,
      );
      label(t, options.yLog, text);
    }
    if (options.xLabel) {
      svgElement(
        'text',
        { x: width - MARGIN.right, y: height - 4, 'text-anchor': 'end', class: 'dn-label' },
        axes,
      ).textContent = options.xLabel;
    }
    if (options.yLabel) {
      svgElement('text', { x: 4, y: 14, class: 'dn-label' }, axes).textContent = options.yLabel;
    }
    if (options.heading) {
      svgElement(
        'text',
        { x: width - MARGIN.right, y: 14, 'text-anchor': 'end', class: 'dn-label dn-heading' },
        axes,
      ).textContent = options.heading;
    }
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
