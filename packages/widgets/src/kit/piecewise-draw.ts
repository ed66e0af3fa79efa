/** Drawing helpers for piecewise-linear curves: polylines, vertical joint guides, region bands. */
import { polylinePath, svgElement } from './dom.ts';
import type { LinearScale } from './scale.ts';

/** Colours of units 1, 2, 3, ... (readable on light and dark backgrounds). */
export const UNIT_COLORS = ['#e4572e', '#17a3a0', '#a06cd5', '#d4a20c', '#76b041', '#2e86ab'];

export const unitColor = (unit: number) => UNIT_COLORS[unit % UNIT_COLORS.length] as string;

type Scales = { x: LinearScale; y: LinearScale };

export function drawPolyline(
  parent: Element,
  xs: readonly number[],
  ys: readonly number[],
  scale: Scales,
  attributes: Record<string, string | number> = {},
): SVGPathElement {
  // A unit colour goes in `style`, so that it wins over the theme's `.dn-curve` stroke.
  const { stroke, ...rest } = attributes;
  return svgElement(
    'path',
    {
      fill: 'none',
      class: 'dn-curve',
      d: polylinePath(xs.map(scale.x), ys.map(scale.y)),
      ...(stroke === undefined ? {} : { style: `stroke: ${stroke}` }),
      ...rest,
    },
    parent,
  );
}

/** Dashed vertical lines at `xs` across the plot. */
export function drawVerticals(
  parent: Element,
  xs: readonly number[],
  scale: Scales,
  attributes: (index: number) => Record<string, string | number>,
): void {
  const [y0, y1] = scale.y.domain;
  xs.forEach((x, n) => {
    svgElement(
      'line',
      {
        x1: scale.x(x),
        x2: scale.x(x),
        y1: scale.y(y0),
        y2: scale.y(y1),
        class: 'dn-joint-line',
        ...attributes(n),
      },
      parent,
    );
  });
}

/** Alternating shaded bands for intervals [lo, hi] (the linear regions). */
export function drawBands(
  parent: Element,
  intervals: readonly { lo: number; hi: number }[],
  scale: Scales,
): void {
  const [y0, y1] = scale.y.domain;
  intervals.forEach(({ lo, hi }, n) => {
    svgElement(
      'rect',
      {
        x: scale.x(lo),
        y: scale.y(y1),
        width: Math.max(0, scale.x(hi) - scale.x(lo)),
        height: Math.max(0, scale.y(y0) - scale.y(y1)),
        class: `dn-band dn-band-${n % 2}`,
        'data-role': 'region',
      },
      parent,
    );
  });
}

/** [lo, hi] over several series, padded by 8% (at least [-0.1, 0.1] around zero). */
export function extentOf(
  series: readonly (readonly number[])[],
  base: readonly [number, number] = [0, 0],
): [number, number] {
  let lo = base[0];
  let hi = base[1];
  for (const s of series) {
    for (const v of s) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const pad = (hi - lo) * 0.08 || 0.5;
  return [lo - pad, hi + pad];
}
