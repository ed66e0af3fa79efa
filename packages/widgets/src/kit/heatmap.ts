/**
 * Canvas heat maps of a function on a box: `paintHeatMap` evaluates f on one sample per canvas
 * pixel (row 0 at the top, i.e. the largest x2) and colours it with `colorRamp`.
 * `observeWidth` resizes canvases with a ResizeObserver so the picture stays sharp at any size.
 * `canvasUnderPlot` lays a canvas exactly under the plot area of an SVG plot drawn over it.
 */
import { htmlElement } from './dom.ts';
import { createPlot, type Plot } from './plot.ts';

/** Colour stops of a perceptually ordered ramp (viridis, sampled), low to high. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
];

/** The ramp's colour at t in [0, 1] (clamped) as [r, g, b] bytes. */
export function colorRamp(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - i;
  const a = STOPS[i] as readonly number[];
  const b = STOPS[i + 1] as readonly number[];
  return [0, 1, 2].map((k) => Math.round((a[k] as number) + f * ((b[k] as number) - (a[k] as number)))) as [
    number,
    number,
    number,
  ];
}

/** CSS colour of the ramp at t. */
export function rampCss(t: number): string {
  const [r, g, b] = colorRamp(t);
  return `rgb(${r}, ${g}, ${b})`;
}

/** The inputs of a `cols` x `rows` pixel grid over box [x0, x1, y0, y1], pixel centres, row 0 on top. */
export function pixelGrid(
  box: readonly [number, number, number, number],
  cols: number,
  rows: number,
): Float64Array {
  const [x0, x1, y0, y1] = box;
  const xs = new Float64Array(2 * cols * rows);
  for (let r = 0; r < rows; r++) {
    const y = y1 - ((r + 0.5) * (y1 - y0)) / rows;
    for (let c = 0; c < cols; c++) {
      xs[2 * (r * cols + c)] = x0 + ((c + 0.5) * (x1 - x0)) / cols;
      xs[2 * (r * cols + c) + 1] = y;
    }
  }
  return xs;
}

/** Steps of the colour look-up table: fine enough that neighbouring entries differ by at most 1 byte. */
const LUT_STEPS = 1024;
let lut: Uint8ClampedArray | undefined;

/** `colorRamp` sampled at LUT_STEPS points as packed r, g, b bytes (built once, on first use). */
function rampTable(): Uint8ClampedArray {
  if (lut) return lut;
  lut = new Uint8ClampedArray(3 * LUT_STEPS);
  for (let i = 0; i < LUT_STEPS; i++) lut.set(colorRamp(i / (LUT_STEPS - 1)), 3 * i);
  return lut;
}

/**
 * Writes the ramp colours of `values` (mapped from [lo, hi]) into `data` (RGBA bytes) from pixel
 * `offset` on, through a look-up table: no allocation per pixel.
 */
export function rampInto(
  data: Uint8ClampedArray,
  values: ArrayLike<number>,
  [lo, hi]: readonly [number, number],
  offset = 0,
): void {
  const table = rampTable();
  const scale = (LUT_STEPS - 1) / (hi - lo || 1);
  for (let p = 0; p < values.length; p++) {
    const t = ((values[p] as number) - lo) * scale;
    const i = 3 * (t > 0 ? (t < LUT_STEPS - 1 ? Math.round(t) : LUT_STEPS - 1) : 0);
    const q = 4 * (offset + p);
    data[q] = table[i] as number;
    data[q + 1] = table[i + 1] as number;
    data[q + 2] = table[i + 2] as number;
    data[q + 3] = 255;
  }
}

/** Paints `values` (cols x rows, row-major) into `canvas`, mapping [lo, hi] onto the ramp. */
export function paintHeatMap(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  cols: number,
  rows: number,
  [lo, hi]: readonly [number, number],
): void {
  if (canvas.width !== cols) canvas.width = cols;
  if (canvas.height !== rows) canvas.height = rows;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(cols, rows);
  rampInto(image.data, values, [lo, hi]);
  context.putImageData(image, 0, 0);
}

/**
 * Calls `onWidth(cssWidth)` now and whenever `element` changes width (ResizeObserver where it
 * exists). Returns the function that stops observing.
 */
export function observeWidth(element: Element, onWidth: (width: number) => void): () => void {
  let last = -1;
  const report = (width: number) => {
    const rounded = Math.round(width);
    if (rounded > 0 && rounded !== last) {
      last = rounded;
      onWidth(rounded);
    }
  };
  report(element.getBoundingClientRect().width);
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) report(entry.contentRect.width);
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/** The square plot area of a heat-map plot inside its viewBox (createPlot's margins). */
export interface HeatView {
  width: number;
  height: number;
  left: number;
  top: number;
  size: number;
}

/**
 * A canvas and, over it, an x1-x2 plot of `view`'s viewBox, both in `frame`; the canvas is placed
 * by percentages on the plot area, so both scale together.
 */
export function canvasUnderPlot(
  frame: HTMLElement,
  view: HeatView,
): { canvas: HTMLCanvasElement; plot: Plot } {
  const canvas = htmlElement('canvas', { 'aria-hidden': 'true' }, frame);
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  Object.assign(canvas.style, {
    left: pct(view.left, view.width),
    top: pct(view.top, view.height),
    width: pct(view.size, view.width),
    height: pct(view.size, view.height),
  });
  const plot = createPlot(frame, { width: view.width, height: view.height, xLabel: 'x₁', yLabel: 'x₂' });
  return { canvas, plot };
}
