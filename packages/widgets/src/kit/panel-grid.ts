/**
 * `createPanelGrid`: several small plots (kit `createPlot`) laid out in one SVG, so that a
 * multi-panel figure scales with its container as one picture and exports as one file.
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

export function createPanelGrid(
  parent: Element,
  {
    rows,
    columns,
    cellWidth = 260,
    cellHeight = 170,
  }: { rows: number; columns: number; cellWidth?: number; cellHeight?: number },
): PanelGrid {
  const caption = 18;
  const svg = svgElement(
    'svg',
    {
      viewBox: `0 0 ${columns * cellWidth} ${rows * (cellHeight + caption)}`,
      role: 'img',
      class: 'dn-plot dn-panels',
    },
    parent,
  );
  const title = svgElement('title', {}, svg);
  return {
    svg,
    panel(row, column, text, options = {}) {
      const span = options.span ?? 1;
      const x = column * cellWidth;
      const y = row * (cellHeight + caption);
      svgElement('text', { x: x + 44, y: y + 14, class: 'dn-caption' }, svg).textContent = text;
      const plot = createPlot(svg, {
        width: cellWidth * span,
        height: cellHeight,
        ...(options.xLabel ? { xLabel: options.xLabel } : {}),
        ...(options.yLabel ? { yLabel: options.yLabel } : {}),
      });
      plot.svg.setAttribute('class', 'dn-panel');
      plot.svg.removeAttribute('role');
      for (const [name, value] of Object.entries({
        x,
        y: y + caption,
        width: cellWidth * span,
        height: cellHeight,
      })) {
        plot.svg.setAttribute(name, String(value));
      }
      return plot;
    },
    setTitle(text) {
      title.textContent = text;
    },
  };
}
