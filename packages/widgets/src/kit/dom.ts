/** Tiny helpers to build SVG and HTML without a framework. */
import { line } from 'd3-shape';
import { keepTextSize } from './text-size.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  parent?.appendChild(element);
  if (tag === 'svg') keepTextSize(element as SVGSVGElement);
  return element;
}

export function htmlElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  parent?: Element,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  parent?.appendChild(element);
  return element;
}

export function setAttributes(element: Element, attributes: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
}

/** An SVG path `d` through the points (x_i, y_i) (d3-shape's line), broken at non-finite values. */
export function polylinePath(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  const indices = Array.from({ length: xs.length }, (_, i) => i);
  const path = line<number>()
    .defined((i) => Number.isFinite(xs[i] as number) && Number.isFinite(ys[i] as number))
    .x((i) => xs[i] as number)
    .y((i) => ys[i] as number)
    .digits(2);
  return path(indices) ?? '';
}
