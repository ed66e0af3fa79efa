/**
 * A heat-map panel: a canvas under an SVG. The canvas holds one sample of the function per device
 * pixel (re-rendered when the panel is resized, through a ResizeObserver); the SVG on top draws the
 * axes, the exact outlines of the linear regions, flat regions hatched, and a probe that follows the
 * pointer (mouse, touch or pen) or the arrow keys.
 */
import type { Regions2D } from '@deepnets/regions';
import { htmlElement, svgElement } from '../kit/dom.ts';
import { arrowSteps, svgPoint } from '../kit/drag.ts';
import type { FigurePanel } from '../kit/figure.ts';
import { canvasUnderPlot, type HeatView, observeWidth, paintHeatMap, pixelGrid } from '../kit/heatmap.ts';
import type { Plot } from '../kit/plot.ts';
import { linearRegionOutline } from '../kit/region-outline.ts';
import { paintProgressively } from './progressive-paint.ts';

/** The plot area inside the 314 x 300 viewBox (createPlot's margins), square in pixels. */
const VIEW: HeatView = { width: 314, height: 300, left: 44, top: 12, size: 254 };
const MAX_PIXELS = 360;
let patternIds = 0;

export interface HeatContent {
  regions: Regions2D;
  /** Values of the function at `count` points (x1, x2 interleaved). */
  evaluate(points: Float64Array, count: number): Float64Array;
  range: readonly [number, number];
  flat: readonly boolean[];
}

export interface HeatPanel {
  figure: HTMLElement;
  plot: Plot;
  canvas: HTMLCanvasElement;
  caption: HTMLElement;
  draw(content: HeatContent): void;
  setProbe(point: readonly [number, number] | undefined): void;
  /** The panel for the figure export (canvas placed under the drawing). */
  exportPanel(): FigurePanel;
  destroy(): void;
}

export function createHeatPanel(
  parent: Element,
  options: {
    name: string;
    box: [number, number, number, number];
    label: string;
    onProbe(point: [number, number]): void;
  },
): HeatPanel {
  const { box } = options;
  const figure = htmlElement('figure', { class: 'dn-cmp-panel', 'data-panel': options.name }, parent);
  const frame = htmlElement('div', { class: 'dn-cmp-heat' }, figure);
  const { canvas, plot } = canvasUnderPlot(frame, VIEW);
  plot.svg.setAttribute('tabindex', '0');
  plot.svg.setAttribute('role', 'group');
  plot.svg.setAttribute(
    'aria-label',
    `${options.label}. Move the pointer over it, or use the arrow keys, to probe a point.`,
  );
  const caption = htmlElement('figcaption', { class: 'dn-cmp-caption' }, figure);
  const scale = plot.frame([box[0], box[1]], [box[2], box[3]]);
  // Grid lines over a heat map would read as region boundaries: keep the ticks only.
  for (const line of plot.svg.querySelectorAll('.dn-grid')) line.remove();
  const patternId = `dn-cmp-hatch-${++patternIds}`;
  const defs = svgElement('defs', {}, plot.svg);
  const pattern = svgElement(
    'pattern',
    { id: patternId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    defs,
  );
  svgElement(
    'line',
    { x1: 0, y1: 0, x2: 0, y2: 6, stroke: 'white', 'stroke-width': 2, 'stroke-opacity': 0.7 },
    pattern,
  );
  let content: HeatContent | undefined;
  let pixels = 0;
  let probe: readonly [number, number] | undefined;
  let painted = false;
  let cancelPaint = () => {};

  /**
   * The first picture is painted at full resolution at once; later ones (a drag, a resize) get a
   * coarse picture now and the full one in small chunks once the input settles, stale ones dropped.
   */
  function paint(): void {
    if (!content || pixels < 2) return;
    cancelPaint();
    if (!painted) {
      painted = true;
      const values = content.evaluate(pixelGrid(box, pixels, pixels), pixels * pixels);
      paintHeatMap(canvas, values, pixels, pixels, content.range);
      return;
    }
    cancelPaint = paintProgressively(canvas, box, pixels, content);
  }

  function drawProbe(): void {
    plot.points.replaceChildren();
    if (!probe) return;
    const [px, py] = [scale.x(probe[0]), scale.y(probe[1])];
    const g = svgElement('g', { 'data-role': 'probe' }, plot.points);
    svgElement('line', { x1: px, x2: px, y1: VIEW.top, y2: VIEW.top + VIEW.size, class: 'dn-cmp-cursor' }, g);
    svgElement(
      'line',
      { x1: VIEW.left, x2: VIEW.left + VIEW.size, y1: py, y2: py, class: 'dn-cmp-cursor' },
      g,
    );
    svgElement('circle', { cx: px, cy: py, r: 4.5, class: 'dn-cmp-cursor-dot' }, g);
  }

  const stopObserving = observeWidth(frame, (width) => {
    const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    pixels = Math.max(16, Math.min(MAX_PIXELS, Math.round(((width * VIEW.size) / VIEW.width) * dpr)));
    paint();
  });

  const probeAt = (event: PointerEvent) => {
    const p = svgPoint(plot.svg, event);
    const x = scale.x.invert(p.x);
    const y = scale.y.invert(p.y);
    if (x < box[0] || x > box[1] || y < box[2] || y > box[3]) return;
    options.onProbe([x, y]);
  };
  plot.svg.addEventListener('pointermove', probeAt);
  plot.svg.addEventListener('pointerdown', probeAt);
  const stopKeys = arrowSteps(plot.svg, (dx, dy) => {
    const [x, y] = probe ?? [(box[0] + box[1]) / 2, (box[2] + box[3]) / 2];
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
    options.onProbe([clamp(x + dx * 0.02, box[0], box[1]), clamp(y + dy * 0.02, box[2], box[3])]);
  });

  return {
    figure,
    plot,
    canvas,
    caption,
    draw(next) {
      content = next;
      paint();
      plot.regions.replaceChildren();
      const path = (segments: [number, number, number, number][]) =>
        segments.map(([a, b, c, d]) => `M${scale.x(a)},${scale.y(b)}L${scale.x(c)},${scale.y(d)}`).join('');
      next.regions.polygons.forEach((polygon, i) => {
        if (!next.flat[i]) return;
        const v = Array.from(
          { length: polygon.vertices.length / 2 },
          (_, k) =>
            `${k ? 'L' : 'M'}${scale.x(polygon.vertices[2 * k]!)},${scale.y(polygon.vertices[2 * k + 1]!)}`,
        );
        svgElement(
          'path',
          { d: `${v.join('')}Z`, class: 'dn-cmp-flat', fill: `url(#${patternId})`, 'data-role': 'flat' },
          plot.regions,
        );
      });
      svgElement(
        'path',
        { d: path(linearRegionOutline(next.regions)), class: 'dn-cmp-outline', 'data-role': 'outline' },
        plot.regions,
      );
    },
    setProbe(point) {
      probe = point;
      drawProbe();
    },
    exportPanel: () => ({
      svg: plot.svg,
      images: [{ canvas, x: VIEW.left, y: VIEW.top, width: VIEW.size, height: VIEW.size }],
    }),
    destroy() {
      cancelPaint();
      stopObserving();
      stopKeys();
      figure.remove();
    },
  };
}
