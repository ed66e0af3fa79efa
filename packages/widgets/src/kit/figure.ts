/**
 * One exportable picture from several panels: each panel's SVG is serialised with its theme
 * colours inlined (`svgToString`) and placed on a grid in a new SVG, with canvas pictures
 * (heat maps) added as images. The result is attached, hidden, inside `host`, so the toolbar's
 * SVG and PNG export read its styles like any drawn SVG.
 */
import { svgElement } from './dom.ts';
import { svgToString } from './export-image.ts';

export interface FigurePanel {
  svg: SVGSVGElement;
  /** Canvas pictures to place under the panel's drawing, at viewBox rectangles of the panel. */
  images?: readonly { canvas: HTMLCanvasElement; x: number; y: number; width: number; height: number }[];
}

/**
 * Builds (and replaces) the hidden figure SVG inside `host`: panels placed left to right at their
 * viewBox sizes, starting a new row when a row would get wider than `maxWidth`.
 */
export function figureSvg(host: Element, panels: readonly FigurePanel[], maxWidth = 960): SVGSVGElement {
  host.querySelector(':scope > svg.dn-figure-export')?.remove();
  const places: { x: number; y: number; width: number; height: number }[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const { svg } of panels) {
    const size = svg.viewBox.baseVal;
    if (x > 0 && x + size.width > maxWidth) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    places.push({ x, y, width: size.width, height: size.height });
    x += size.width;
    width = Math.max(width, x);
    rowHeight = Math.max(rowHeight, size.height);
  }
  const figure = svgElement('svg', {
    viewBox: `0 0 ${width} ${y + rowHeight}`,
    class: 'dn-figure-export',
    'aria-hidden': 'true',
    // Hidden in the page; the export replaces this style with the inlined paint.
    style: 'position: absolute; width: 0; height: 0; overflow: hidden',
  });
  const parser = new DOMParser();
  panels.forEach(({ svg, images = [] }, i) => {
    const place = places[i] as (typeof places)[number];
    const parsed = parser.parseFromString(svgToString(svg), 'image/svg+xml').documentElement;
    const panel = document.importNode(parsed, true) as unknown as SVGSVGElement;
    for (const [name, value] of Object.entries(place)) panel.setAttribute(name, String(value));
    for (const image of [...images].reverse()) {
      const node = svgElement('image', {
        x: image.x,
        y: image.y,
        width: image.width,
        height: image.height,
        preserveAspectRatio: 'none',
        href: image.canvas.toDataURL('image/png'),
      });
      panel.insertBefore(node, panel.firstChild);
    }
    figure.appendChild(panel);
  });
  host.appendChild(figure);
  return figure;
}
