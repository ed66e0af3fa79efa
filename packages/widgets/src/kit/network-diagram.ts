/**
 * `createNetworkDiagram`: a network drawn as nodes (inputs x, hidden units h_k, outputs y) and
 * edges (the weights). Edge `(k, i, j)` is Omega_k's entry from unit j of layer k to unit i of
 * layer k + 1 (j counted from 1); the bias beta_k[i] is drawn as the ring of unit i of layer k + 1
 * (`j = 0`). Edge width grows with |weight|, colour shows the sign. Elements carry `data-k`,
 * `data-i`, `data-j` (0-based i, the lecture's 1-based j), so a widget can link them to symbols.
 */
import type { Network } from '@deepnets/core';
import { svgElement } from './dom.ts';
import { subscript } from './slider.ts';

/** A coefficient or a block of them: i = -1 means every row; j = 0 the bias, j = -1 every weight. */
export interface CoefRef {
  k: number;
  i: number;
  j: number;
}

export interface NetworkDiagram {
  svg: SVGSVGElement;
  /**
   * Draws `net`; with more than `edgeLimit` weights, edges are drawn without hover targets.
   * `columnNames` names the columns under the diagram (default x, h₁, h₂, ..., y).
   */
  draw(net: Network, columnNames?: readonly string[]): void;
  highlight(ref: CoefRef | undefined): void;
  /** Called with the coefficient under the pointer (undefined when it leaves). */
  onHover(listener: (ref: CoefRef | undefined) => void): void;
}

/** Whether the element (k, i, j) belongs to `ref`. */
export function refMatches(ref: CoefRef, k: number, i: number, j: number): boolean {
  if (ref.k !== k) return false;
  if (ref.i >= 0 && ref.i !== i) return false;
  return ref.j === j || (ref.j === -1 && j >= 1);
}

/** A readable name of a coefficient in the general notation: "Omega_1[2, 3] (from h_1,3 to h_2,2)". */
export function describeRef(net: Network, ref: CoefRef): string {
  const layer = net.layers[ref.k];
  const K = net.layers.length - 1;
  const to = (i: number) =>
    ref.k === K ? `y${subscript(i + 1)}` : `h${subscript(ref.k + 1)},${subscript(i + 1)}`;
  const from = (j: number) => (ref.k === 0 ? `x${subscript(j)}` : `h${subscript(ref.k)},${subscript(j)}`);
  if (!layer) return '';
  if (ref.i < 0)
    return ref.j === 0 ? `bias vector β${subscript(ref.k)}` : `weight matrix Ω${subscript(ref.k)}`;
  if (ref.j === 0) return `bias β${subscript(ref.k)}[${ref.i + 1}] of ${to(ref.i)} = ${layer.biases[ref.i]}`;
  const w = layer.weights[ref.i]?.[ref.j - 1];
  return `weight Ω${subscript(ref.k)}[${ref.i + 1}, ${ref.j}] from ${from(ref.j)} to ${to(ref.i)} = ${w}`;
}

const refOf = (el: Element | null): CoefRef | undefined => {
  const target = el?.closest('[data-k]');
  if (!target) return undefined;
  const get = (name: string) => Number(target.getAttribute(name));
  return { k: get('data-k'), i: get('data-i'), j: get('data-j') };
};

export function createNetworkDiagram(
  parent: Element,
  options: { width?: number; height?: number; edgeLimit?: number } = {},
): NetworkDiagram {
  const width = options.width ?? 480;
  const height = options.height ?? 260;
  const svg = svgElement(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'dn-plot dn-diagram' },
    parent,
  );
  const title = svgElement('title', {}, svg);
  const edges = svgElement('g', { class: 'dn-edges' }, svg);
  const nodes = svgElement('g', { class: 'dn-nodes' }, svg);
  const listeners: ((ref: CoefRef | undefined) => void)[] = [];
  const emit = (ref: CoefRef | undefined) => {
    for (const l of listeners) l(ref);
  };
  svg.addEventListener('pointerover', (e) => emit(refOf(e.target as Element)));
  svg.addEventListener('pointerdown', (e) => emit(refOf(e.target as Element)));
  svg.addEventListener('pointerleave', () => emit(undefined));

  function draw(net: Network, columnNames?: readonly string[]): void {
    edges.replaceChildren();
    nodes.replaceChildren();
    const sizes = [net.layers[0]?.weights[0]?.length ?? 0, ...net.layers.map((l) => l.weights.length)];
    const columns = sizes.length;
    const tallest = Math.max(...sizes);
    const top = 18;
    const bottom = height - 22;
    const r = Math.max(2.5, Math.min(12, (bottom - top) / (tallest * 2.6)));
    const x = (c: number) => 30 + ((width - 60) * c) / Math.max(1, columns - 1);
    const y = (c: number, i: number) => {
      const n = sizes[c] as number;
      const gap = Math.min((bottom - top) / Math.max(1, n), r * 4);
      return (top + bottom) / 2 + (i - (n - 1) / 2) * gap;
    };
    const maxAbs = Math.max(1e-12, ...net.layers.flatMap((l) => l.weights.flat().map(Math.abs)));
    const interactive =
      net.layers.reduce((s, l) => s + l.weights.length * l.weights[0]!.length, 0) <=
      (options.edgeLimit ?? 400);
    net.layers.forEach((layer, k) => {
      layer.weights.forEach((row, i) => {
        row.forEach((w, j) => {
          svgElement(
            'line',
            {
              x1: x(k),
              y1: y(k, j),
              x2: x(k + 1),
              y2: y(k + 1, i),
              class: `dn-edge ${w >= 0 ? 'dn-edge-pos' : 'dn-edge-neg'}`,
              'stroke-width': (0.5 + (3 * Math.abs(w)) / maxAbs).toFixed(2),
              ...(interactive ? { 'data-k': k, 'data-i': i, 'data-j': j + 1 } : {}),
            },
            edges,
          );
        });
      });
    });
    sizes.forEach((n, c) => {
      for (let i = 0; i < n; i++) {
        const bias = c > 0 ? (net.layers[c - 1]?.biases[i] ?? 0) : undefined;
        svgElement(
          'circle',
          {
            cx: x(c),
            cy: y(c, i),
            r,
            class: `dn-node ${c === 0 ? 'dn-node-input' : c === columns - 1 ? 'dn-node-output' : 'dn-node-hidden'}`,
            ...(bias === undefined ? {} : { 'data-k': c - 1, 'data-i': i, 'data-j': 0 }),
          },
          nodes,
        );
      }
      const label = columnNames?.[c] ?? (c === 0 ? 'x' : c === columns - 1 ? 'y' : `h${subscript(c)}`);
      svgElement(
        'text',
        { x: x(c), y: height - 6, 'text-anchor': 'middle', class: 'dn-label' },
        nodes,
      ).textContent = label;
    });
    const hidden = sizes.slice(1, -1);
    title.textContent = `Network diagram: ${sizes[0]} input${sizes[0] === 1 ? '' : 's'}, hidden layers of ${
      hidden.join(', ') || 'no'
    } units, ${sizes[columns - 1]} output${sizes[columns - 1] === 1 ? '' : 's'}.`;
  }

  function highlight(ref: CoefRef | undefined): void {
    svg.classList.toggle('dn-dim', ref !== undefined);
    for (const el of svg.querySelectorAll('[data-k]')) {
      const [k, i, j] = ['data-k', 'data-i', 'data-j'].map((n) => Number(el.getAttribute(n))) as [
        number,
        number,
        number,
      ];
      el.classList.toggle('dn-active', ref !== undefined && refMatches(ref, k, i, j));
    }
  }

  return { svg, draw, highlight, onHover: (l) => void listeners.push(l) };
}
