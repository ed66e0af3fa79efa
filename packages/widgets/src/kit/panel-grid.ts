/**
 * `createPanelGrid`: several small plots (kit `createPlot`) laid out in one SVG, so that a
 * multi-panel figure scales with its container as one picture and exports as one file. On a
 * narrow container (a phone) the panels stack in one column, in reading order, instead of shrinking.
 */
import { svgElement } from './dom.ts';
import { createPlot, type Plot } from './plot.ts';

export interface PanelGrid {
  svg: SVGSVGElement;
  /** A plot at grid cell (row, column), `span` columns wide, with a caption above it. */
  panel(
    row: number,
    column: number,
    caption: string,
    options?: { span?: number; xLabel?: string; yLabel?: string },
  ): Plot;
  setTitle(text: string): void;
}

interface Placed {
  row: number;
  column: number;
  span: number;
  caption: SVGTextElement;
  plot: Plot;
}

/** Below this drawing scale (CSS px per viewBox unit) the grid stacks its panels. */
const STACK_BELOW_SCALE = 0.75;
const CAPTION = 18;

export function createPanelGrid(
  parent: Element,
  {
    rows,
    columns,
    cellWidth = 260,
    cellHeight = 170,
  }: { rows: number; columns: number; cellWidth?: number; cellHeight?: number },
): PanelGrid {
  const svg = svgElement('svg', { role: 'img', class: 'dn-plot dn-panels' }, parent);
  const title = svgElement('title', {}, svg);
  const placed: Placed[] = [];
  let stacked = false;

  /** Places every panel: on the grid, or one under another in reading order when stacked. */
  function layout(): void {
    const order = stacked ? [...placed].sort((a, b) => a.row - b.row || a.column - b.column) : placed;
    const count = stacked ? placed.length : rows;
    svg.setAttribute(
      'viewBox',
      `0 0 ${(stacked ? 1 : columns) * cellWidth} ${count * (cellHeight + CAPTION)}`,
    );
    order.forEach((p, i) => {
      const x = stacked ? 0 : p.column * cellWidth;
      const y = (stacked ? i : p.row) * (cellHeight + CAPTION);
      const width = stacked ? cellWidth : cellWidth * p.span;
      p.caption.setAttribute('x', String(x + 44));
      p.caption.setAttribute('y', String(y + 14));
      for (const [name, value] of Object.entries({ x, y: y + CAPTION, width, height: cellHeight })) {
        p.plot.svg.setAttribute(name, String(value));
      }
    });
  }
  layout();

  if (typeof ResizeObserver !== 'undefined' && columns > 1) {
    // Relayout in the next frame, outside the observer's callback (no resize loop).
    let frame = 0;
    const relayout = () => {
      frame = 0;
      const width = parent.getBoundingClientRect().width;
      const next = width > 0 && width / (columns * cellWidth) < STACK_BELOW_SCALE;
      if (next === stacked) return;
      stacked = next;
      layout();
    };
    new ResizeObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(relayout);
    }).observe(parent);
  }

  return {
    svg,
    panel(row, column, text, options = {}) {
      const span = options.span ?? 1;
      const caption = svgElement('text', { class: 'dn-caption' }, svg);
      caption.textContent = text;
      const plot = createPlot(svg, {
        width: cellWidth * span,
        height: cellHeight,
        ...(options.xLabel ? { xLabel: options.xLabel } : {}),
        ...(options.yLabel ? { yLabel: options.yLabel } : {}),
      });
      plot.svg.setAttribute('class', 'dn-panel');
      plot.svg.removeAttribute('role');
      placed.push({ row, column, span, caption, plot });
      layout();
      return plot;
    },
    setTitle(text) {
      title.textContent = text;
    },
  };
}
