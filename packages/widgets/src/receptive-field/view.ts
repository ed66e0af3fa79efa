/** Draws the input grid with the receptive field's rings, one colour per layer. */
import { htmlElement, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';

const CELL = 22;

export interface ReceptiveView {
  svg: SVGSVGElement;
  draw(first: Int32Array, grid: number, layers: number, width: number): void;
}

export function createReceptiveView(parent: HTMLElement): ReceptiveView {
  const size = CELL * 15;
  const svg = svgElement(
    'svg',
    { viewBox: `0 0 ${size} ${size}`, role: 'img', class: 'dn-plot', 'data-role': 'field' },
    parent,
  );
  const title = svgElement('title', {}, svg);
  const cells = svgElement('g', {}, svg);
  const caption = htmlElement('p', { class: 'dn-caption', 'data-role': 'field-caption' }, parent);
  return {
    svg,
    draw(first, grid, layers, width) {
      const cell = size / grid;
      cells.replaceChildren();
      for (let i = 0; i < first.length; i++) {
        const l = first[i] as number;
        const inside = l >= 0 && l <= layers;
        svgElement(
          'rect',
          {
            x: (i % grid) * cell + 1,
            y: Math.floor(i / grid) * cell + 1,
            width: cell - 2,
            height: cell - 2,
            rx: 2,
            fill: inside ? (l === 0 ? 'currentColor' : unitColor(l - 1)) : 'none',
            'fill-opacity': inside ? (l === 0 ? 0.85 : 0.55) : 0,
            stroke: 'currentColor',
            'stroke-opacity': 0.25,
            'data-layer': inside ? l : '',
          },
          cells,
        );
      }
      const text = `After ${layers} layer${layers === 1 ? '' : 's'} of 3 x 3 convolutions one unit sees a ${width} x ${width} patch (each layer adds a ring one pixel wide, its own colour).`;
      title.textContent = text;
      caption.textContent = text;
    },
  };
}
