/**
 * The folding view: network 1 folds the x axis onto y, and network 2 is drawn once over y; unfolding
 * carries a copy of network 2's graph along with each fold, and together the copies are the
 * composition.
 *
 * A point x of the composition's graph, (x, y'(x)), and the same point on network 2's graph,
 * (y(x), y'(x)), share their height: only the horizontal coordinate changes. So the view draws
 * u = (1 - t) x + t y(x) against y'(x): t = 0 is the composition, t = 1 puts every fold on network
 * 2's graph (each fold lifted a little, like layers of folded paper). A strip under the curve shows
 * the x axis itself being folded. `play` animates t unless the reader prefers reduced motion.
 */
import { htmlElement, svgElement } from '../kit/dom.ts';
import { prefersReducedMotion } from '../kit/drag.ts';
import { pieceAt, valueAt, valuesAtEdges } from '../kit/pieces-1d.ts';
import { createPlot, paddedExtent } from '../kit/plot.ts';
import { createSlider } from '../kit/slider.ts';
import type { CompositionAnalysis } from './analysis.ts';

export interface FoldingView {
  figure: HTMLElement;
  svg: SVGSVGElement;
  draw(analysis: CompositionAnalysis, foldColor: (fold: number) => string): void;
  /** Sets the folding amount t in [0, 1] and redraws. */
  setFold(t: number): void;
  fold(): number;
  /** Animates to folded (or back to unfolded); instant with reduced motion. */
  play(): Promise<void>;
  destroy(): void;
}

const DURATION_MS = 1400;
const LAYER_PX = 5;

export function createFoldingView(parent: Element): FoldingView {
  const figure = htmlElement(
    'figure',
    { class: 'dn-cmp-panel dn-cmp-folding', 'data-panel': 'folding' },
    parent,
  );
  const plot = createPlot(figure, { width: 640, height: 280, xLabel: 'x folded onto y', yLabel: 'y′' });
  const controls = htmlElement('div', { class: 'dn-cmp-fold-controls' }, figure);
  const button = htmlElement(
    'button',
    { type: 'button', class: 'dn-button', 'aria-pressed': 'false' },
    controls,
  );
  button.textContent = 'Fold';
  const slider = createSlider(
    controls,
    { key: 'fold', label: 'folding amount, 0 unfolded, 1 folded', display: 't', min: 0, max: 1, step: 0.01 },
    (value) => setFold(value),
  );
  const caption = htmlElement('figcaption', { class: 'dn-cmp-caption' }, figure);
  let t = 0;
  let frame = 0;
  let finish: (() => void) | undefined;
  let current: { analysis: CompositionAnalysis; color: (fold: number) => string } | undefined;

  function render(): void {
    figure.dataset.fold = t.toFixed(2);
    button.textContent = t >= 0.5 ? 'Unfold' : 'Fold';
    button.setAttribute('aria-pressed', String(t >= 0.5));
    slider.set(Number(t.toFixed(2)));
    if (!current) return;
    const { analysis, color } = current;
    const { composedRegions: c, regions1, regions2 } = analysis;
    const vs = valuesAtEdges(c);
    const xDomain = paddedExtent([...analysis.domain, ...analysis.reached], analysis.domain);
    // Network 2's graph over the part of its domain inside the frame: its edges there and the ends.
    const [g0, g1] = [Math.max(xDomain[0], regions2.domain[0]), Math.min(xDomain[1], regions2.domain[1])];
    const ghostXs = [g0, ...Array.from(regions2.edges).filter((e) => e > g0 && e < g1), g1];
    const ghostYs = ghostXs.map((x) => valueAt(regions2, x));
    // The frame holds the composition and network 2's graph (which it draws dashed).
    const [v0, v1] = paddedExtent([...vs, ...ghostYs], [vs[0] as number, vs[0] as number]);
    // Room under the curve for the strip that shows the x axis folding.
    const scale = plot.frame([xDomain[0], xDomain[1]], [v0 - 0.12 * (v1 - v0), v1]);
    const bottom = scale.y.range[0];
    plot.regions.replaceChildren();
    plot.curves.replaceChildren();
    // Network 2 drawn once over y, fading in as the axis folds.
    const ghost = ghostXs.map((x, i) => `${i ? 'L' : 'M'}${scale.x(x)},${scale.y(ghostYs[i] as number)}`);
    svgElement(
      'path',
      {
        d: ghost.join(''),
        class: 'dn-cmp-ghost',
        'data-role': 'network-2-ghost',
        style: `opacity: ${0.15 + 0.6 * t}`,
      },
      plot.regions,
    );
    const { edges } = c;
    for (let p = 0; p < edges.length - 1; p++) {
      const a = edges[p] as number;
      const b = edges[p + 1] as number;
      const fold = regions1.linearRegionOf[pieceAt(regions1, (a + b) / 2)] as number;
      const lift = t * fold * LAYER_PX;
      const u = (x: number) => scale.x((1 - t) * x + t * valueAt(regions1, x));
      const stroke = `stroke: ${color(fold)}`;
      svgElement(
        'line',
        {
          x1: u(a),
          y1: scale.y(vs[p] as number) - lift,
          x2: u(b),
          y2: scale.y(vs[p + 1] as number) - lift,
          class: 'dn-curve',
          'data-role': 'fold-piece',
          style: stroke,
        },
        plot.curves,
      );
      const strip = bottom - 6 - lift;
      svgElement(
        'line',
        { x1: u(a), y1: strip, x2: u(b), y2: strip, class: 'dn-cmp-strip', style: stroke },
        plot.curves,
      );
    }
    const folds = Math.max(...Array.from(regions1.linearRegionOf)) + 1;
    const text =
      t >= 0.99
        ? `Folded: network 1 lays its ${folds} pieces of the x axis onto y, and network 2's graph (dashed) is drawn once; every fold carries a copy.`
        : t <= 0.01
          ? `Unfolded: the ${folds} copies of network 2 placed side by side along x are the composition.`
          : `Folding t = ${t.toFixed(2)}: each point moves from x towards y = network 1(x), keeping its height y′.`;
    caption.textContent = text;
    plot.setTitle(text);
  }

  function stop(): void {
    cancelAnimationFrame(frame);
    finish?.();
    finish = undefined;
  }

  function setFold(value: number): void {
    stop();
    t = Math.min(1, Math.max(0, value));
    render();
  }

  function play(): Promise<void> {
    const from = t;
    const to = t >= 0.5 ? 0 : 1;
    stop();
    if (prefersReducedMotion() || typeof requestAnimationFrame !== 'function') {
      setFold(to);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      finish = resolve;
      const start = performance.now();
      const step = (now: number) => {
        const s = Math.min(1, (now - start) / DURATION_MS);
        const eased = s < 0.5 ? 2 * s * s : 1 - (-2 * s + 2) ** 2 / 2;
        t = from + (to - from) * eased;
        render();
        if (s < 1) frame = requestAnimationFrame(step);
        else stop();
      };
      frame = requestAnimationFrame(step);
    });
  }

  button.addEventListener('click', () => void play());

  return {
    figure,
    svg: plot.svg,
    draw(analysis, foldColor) {
      current = { analysis, color: foldColor };
      render();
    },
    setFold,
    fold: () => t,
    play,
    destroy() {
      stop();
      figure.remove();
    },
  };
}
