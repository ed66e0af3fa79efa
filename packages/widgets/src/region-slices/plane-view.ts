/**
 * The plane panel: the exact activation regions of the plane p(s, t) = x_a + s (x_b - x_a) +
 * t (x_c - x_a) on [0, 1]^2, painted on a canvas (one filled polygon per region, coloured by the
 * predicted class, thin outlines between regions), under an SVG with the s and t axes and the
 * three training examples at (0, 0), (1, 0) and (0, 1), each with its index and label.
 * Progressive: polygons arrive in batches while the worker enumerates and are painted by one
 * animation-frame loop with a time budget per frame; the previous plane stays until the first
 * batch of the next one arrives.
 */
import { htmlElement, svgElement } from '../kit/dom.ts';
import type { FigurePanel } from '../kit/figure.ts';
import { canvasUnderPlot, type HeatView, observeWidth } from '../kit/heatmap.ts';
import type { PolygonBatch } from './plane-source.ts';

/** Class colours 0..9 (Tableau 10): distinct on light and dark pages. */
export const CLASS_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

const VIEW: HeatView = { width: 340, height: 326, left: 44, top: 12, size: 280 };
const MAX_PIXELS = 900;
/** Painting budget per animation frame (ms). */
const FRAME_MS = 8;

export interface PlanePoint {
  index: number;
  label: number;
  /** The class the drawn network predicts at the example. */
  predicted?: number;
}

export interface PlaneView {
  figure: HTMLElement;
  /** A new plane through `points` is being computed (the old one stays until its first polygons). */
  begin(points: readonly PlanePoint[]): void;
  /** Polygons of the plane begun last; painted within the next frames. */
  append(batch: PolygonBatch): void;
  /** Every polygon has arrived: `linearRegions` goes into the plot's title. */
  finish(linearRegions: number): void;
  exportPanel(): FigurePanel;
  destroy(): void;
}

export function createPlaneView(parent: Element): PlaneView {
  const figure = htmlElement('figure', { class: 'dn-cmp-panel', 'data-panel': 'plane' }, parent);
  const heat = htmlElement('div', { class: 'dn-cmp-heat' }, figure);
  const { canvas, plot } = canvasUnderPlot(heat, VIEW);
  canvas.style.imageRendering = 'auto';
  canvas.dataset.role = 'plane-canvas';
  const scale = plot.frame([0, 1], [0, 1]);
  for (const line of plot.svg.querySelectorAll('.dn-grid')) line.remove();
  for (const label of plot.svg.querySelectorAll('.dn-label')) {
    label.textContent = label.textContent === 'x₁' ? 's' : 't';
  }
  const legend = htmlElement('p', { class: 'dn-caption', 'data-role': 'legend' }, figure);
  htmlElement('span', {}, legend).textContent = 'predicted class: ';
  CLASS_COLORS.forEach((color, c) => {
    const item = htmlElement(
      'span',
      { 'data-class': c, style: 'margin-right: 0.45em; white-space: nowrap' },
      legend,
    );
    htmlElement(
      'span',
      {
        style: `display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.2em; background: ${color}`,
        'aria-hidden': 'true',
      },
      item,
    );
    item.append(String(c));
  });
  let batches: PolygonBatch[] = [];
  let pending: readonly PlanePoint[] | undefined;
  let shown: readonly PlanePoint[] = [];
  let pixels = 0;
  /** Paint cursor: batch, polygon in it, polygons painted; `clear` repaints from the first. */
  const cursor = { batch: 0, polygon: 0, painted: 0, clear: true };
  let frameId = 0;

  /** Paints one polygon: fill by class, a translucent outline so neighbouring regions stay apart. */
  function polygon(context: CanvasRenderingContext2D, b: PolygonBatch, p: number): void {
    const from = 2 * (b.start[p] as number);
    const to = from + 2 * (b.count[p] as number);
    context.beginPath();
    for (let k = from; k < to; k += 2) {
      const x = (b.xy[k] as number) * pixels;
      const y = (1 - (b.xy[k + 1] as number)) * pixels;
      if (k === from) context.moveTo(x, y);
      else context.lineTo(x, y);
    }
    context.closePath();
    context.fillStyle = CLASS_COLORS[(b.predicted[p] as number) % CLASS_COLORS.length] as string;
    context.fill();
    context.stroke();
  }

  /**
   * One animation frame of painting: at most `FRAME_MS`, so 10,000+ polygons never block the
   * page; goes on in the next frame while polygons are left (one loop at a time).
   */
  function paintFrame(): void {
    frameId = 0;
    const context = canvas.getContext('2d');
    if (!context || pixels < 2) return;
    if (cursor.clear) {
      if (canvas.width !== pixels) canvas.width = pixels;
      if (canvas.height !== pixels) canvas.height = pixels;
      context.clearRect(0, 0, pixels, pixels);
      Object.assign(cursor, { batch: 0, polygon: 0, painted: 0, clear: false });
    }
    context.lineWidth = Math.max(0.5, pixels / 900);
    context.strokeStyle = 'rgba(0, 0, 0, 0.16)';
    context.lineJoin = 'round';
    const until = performance.now() + FRAME_MS;
    let n = 0;
    while (cursor.batch < batches.length) {
      const b = batches[cursor.batch] as PolygonBatch;
      if (cursor.polygon >= b.count.length) {
        cursor.batch++;
        cursor.polygon = 0;
        continue;
      }
      if (++n % 64 === 0 && performance.now() > until) break;
      polygon(context, b, cursor.polygon++);
      cursor.painted++;
    }
    canvas.dataset.painted = String(cursor.painted);
    if (cursor.batch < batches.length) schedule();
  }

  function schedule(): void {
    if (!frameId) frameId = requestAnimationFrame(paintFrame);
  }

  function drawPoints(points: readonly PlanePoint[]): void {
    plot.points.replaceChildren();
    const corners: [number, number, 'start' | 'end', number][] = [
      [0, 0, 'start', -8],
      [1, 0, 'end', -8],
      [0, 1, 'start', 18],
    ];
    points.forEach((p, k) => {
      const [s, t, anchor, dy] = corners[k] as (typeof corners)[number];
      const g = svgElement('g', { 'data-example': p.index, 'data-label': p.label }, plot.points);
      svgElement(
        'circle',
        {
          cx: scale.x(s),
          cy: scale.y(t),
          r: 6,
          style: `fill: ${CLASS_COLORS[p.label % CLASS_COLORS.length]}; stroke: #fff; stroke-width: 2.5`,
        },
        g,
      );
      const text = svgElement(
        'text',
        {
          x: scale.x(s) + (anchor === 'start' ? 8 : -8),
          y: scale.y(t) + dy,
          'text-anchor': anchor,
          class: 'dn-tick',
          style: 'paint-order: stroke; stroke: var(--dn-c-bg, #fff); stroke-width: 3px; font-weight: 600',
        },
        g,
      );
      const wrong = p.predicted !== undefined && p.predicted !== p.label;
      text.textContent = `#${p.index}: label ${p.label}${wrong ? ` (predicted ${p.predicted})` : ''}`;
    });
  }

  /** The plane begun last replaces the one shown (at its first polygons, or at its end). */
  function replaceBegun(): void {
    if (!pending) return;
    batches = [];
    cursor.clear = true;
    drawPoints(pending);
    shown = pending;
    pending = undefined;
    schedule();
  }

  const stopObserving = observeWidth(heat, (width) => {
    const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    pixels = Math.max(16, Math.min(MAX_PIXELS, Math.round(((width * VIEW.size) / VIEW.width) * dpr)));
    cursor.clear = true;
    schedule();
  });

  return {
    figure,
    begin(points) {
      pending = points;
      plot.setTitle('The plane is being computed.');
    },
    append(batch) {
      replaceBegun();
      batches.push(batch);
      schedule();
    },
    finish(linearRegions) {
      replaceBegun();
      plot.setTitle(
        `Exact linear regions of the plane through training examples ${shown.map((p) => `#${p.index}`).join(', ')}: ${linearRegions}.`,
      );
    },
    exportPanel: () => ({
      svg: plot.svg,
      images: [{ canvas, x: VIEW.left, y: VIEW.top, width: VIEW.size, height: VIEW.size }],
    }),
    destroy() {
      if (frameId) cancelAnimationFrame(frameId);
      frameId = 0;
      stopObserving();
      figure.remove();
    },
  };
}
