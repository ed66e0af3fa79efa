/**
 * The plane panel: the exact activation regions of the plane p(s, t) = x_a + s (x_b - x_a) +
 * t (x_c - x_a) on [0, 1]^2, painted on a canvas (one filled polygon per region, coloured by the
 * predicted class, thin outlines between regions), under an SVG with the s and t axes and the
 * three training examples at (0, 0), (1, 0) and (0, 1), each with its index and label.
 */
import { htmlElement, svgElement } from '../kit/dom.ts';
import type { FigurePanel } from '../kit/figure.ts';
import { canvasUnderPlot, type HeatView, observeWidth } from '../kit/heatmap.ts';
import type { PlaneRegions } from './plane-source.ts';

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
  draw(regions: PlaneRegions | undefined, points: readonly PlanePoint[]): void;
  exportPanel(): FigurePanel;
  destroy(): void;
}

export function createPlaneView(parent: Element): PlaneView {
  const figure = htmlElement('figure', { class: 'dn-cmp-panel', 'data-panel': 'plane' }, parent);
  const frame = htmlElement('div', { class: 'dn-cmp-heat' }, figure);
  const { canvas, plot } = canvasUnderPlot(frame, VIEW);
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
  let regions: PlaneRegions | undefined;
  let pixels = 0;
  let paints = 0;

  /**
   * Paints every polygon: fill by class, a translucent outline so neighbouring regions stay apart.
   * At most `FRAME_MS` per animation frame, so 10,000+ polygons never block the page; a newer
   * paint cancels the rest of an older one.
   */
  function paint(): void {
    const context = canvas.getContext('2d');
    const paintId = ++paints;
    if (!context || pixels < 2) return;
    if (canvas.width !== pixels) canvas.width = pixels;
    if (canvas.height !== pixels) canvas.height = pixels;
    context.clearRect(0, 0, pixels, pixels);
    const polygons = regions?.polygons ?? [];
    context.lineWidth = Math.max(0.5, pixels / 900);
    context.strokeStyle = 'rgba(0, 0, 0, 0.16)';
    context.lineJoin = 'round';
    let next = 0;
    const slice = () => {
      if (paintId !== paints) return;
      const until = performance.now() + FRAME_MS;
      for (; next < polygons.length && (next % 64 !== 0 || performance.now() < until); next++) {
        const { vertices, predicted } = polygons[next] as PlaneRegions['polygons'][number];
        context.beginPath();
        for (let k = 0; k < vertices.length; k += 2) {
          const x = (vertices[k] as number) * pixels;
          const y = (1 - (vertices[k + 1] as number)) * pixels;
          if (k === 0) context.moveTo(x, y);
          else context.lineTo(x, y);
        }
        context.closePath();
        context.fillStyle = CLASS_COLORS[predicted % CLASS_COLORS.length] as string;
        context.fill();
        context.stroke();
      }
      if (next < polygons.length) requestAnimationFrame(slice);
      else canvas.dataset.painted = String(polygons.length);
    };
    canvas.dataset.painted = '0';
    slice();
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

  const stopObserving = observeWidth(frame, (width) => {
    const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    pixels = Math.max(16, Math.min(MAX_PIXELS, Math.round(((width * VIEW.size) / VIEW.width) * dpr)));
    paint();
  });

  return {
    figure,
    draw(next, points) {
      regions = next;
      paint();
      drawPoints(points);
      plot.setTitle(
        next
          ? `Exact linear regions of the plane through training examples ${points.map((p) => `#${p.index}`).join(', ')}: ${next.linearRegions}.`
          : 'The plane is being computed.',
      );
    },
    exportPanel: () => ({
      svg: plot.svg,
      images: [{ canvas, x: VIEW.left, y: VIEW.top, width: VIEW.size, height: VIEW.size }],
    }),
    destroy() {
      paints++;
      stopObserving();
      figure.remove();
    },
  };
}
