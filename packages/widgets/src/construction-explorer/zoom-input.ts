/**
 * Construction explorer, input: zoom and pan of the function plot with d3-zoom (wheel about the
 * pointer, mouse drag, one-finger drag and two-finger pinch by touch, double-click) and keys
 * (+ - zoom, arrows pan, 0 / Home reset; d3-zoom has no keys). The window arithmetic is
 * `view.ts`'s (pure, tested in Node).
 *
 * d3-zoom keeps a transform t of the plot's viewBox plane (t.k the scale, t.x the shift); only the
 * horizontal part is used: the plot area [left, right] in viewBox units shows the window
 * [x0, x1] of [0, 1]. The translate extent keeps the window inside [0, 1]; the scale runs from 1
 * (all of [0, 1]) to 1 / MIN_WIDTH.
 */
import { select } from 'd3-selection';
import {
  type D3ZoomEvent,
  zoom as d3Zoom,
  type ZoomBehavior,
  type ZoomTransform,
  zoomIdentity,
} from 'd3-zoom';
import { clampView, FULL, MIN_WIDTH, pan, type View, zoom } from './view.ts';

/** The plot area's horizontal extent in viewBox units (createPlot: 480 wide, margins 44 and 16). */
export interface PlotArea {
  left: number;
  right: number;
}

export const PLOT_AREA: PlotArea = { left: 44, right: 464 };

/** The window of [0, 1] that transform `t` shows in the plot area. */
export function viewOfTransform(t: Pick<ZoomTransform, 'k' | 'x'>, area: PlotArea = PLOT_AREA): View {
  const width = area.right - area.left;
  const at = (screen: number) => ((screen - t.x) / t.k - area.left) / width;
  return clampView({ x0: at(area.left), x1: at(area.right) });
}

/** The transform that shows `view` in the plot area (the inverse of `viewOfTransform`). */
export function transformOfView(view: View, area: PlotArea = PLOT_AREA): ZoomTransform {
  const width = area.right - area.left;
  const k = 1 / (view.x1 - view.x0);
  return zoomIdentity.translate(area.left - k * (area.left + view.x0 * width), 0).scale(k);
}

export interface ZoomTarget {
  /** The window on show. */
  view(): View;
  /** Shows `view` while a wheel, drag or pinch goes on. */
  preview(view: View): void;
  /** Shows `view`, records it (URL) and calls `sync`: keys. */
  commit(view: View): void;
  /** A wheel, drag or pinch ended: record the window on show. */
  end(): void;
}

export interface ZoomInput {
  /** Moves d3-zoom's transform to `view` (after keys, buttons, URL or new K and D) without events. */
  sync(view: View): void;
  destroy(): void;
}

const KEYS: Record<string, (view: View) => View> = {
  '+': (v) => zoom(v, 2),
  '=': (v) => zoom(v, 2),
  '-': (v) => zoom(v, 0.5),
  ArrowLeft: (v) => pan(v, -0.2),
  ArrowRight: (v) => pan(v, 0.2),
  '0': () => FULL,
  Home: () => FULL,
};

export function attachZoomInput(svg: SVGSVGElement, target: ZoomTarget): ZoomInput {
  const box = svg.viewBox.baseVal;
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = d3Zoom<SVGSVGElement, unknown>()
    .extent([
      [PLOT_AREA.left, 0],
      [PLOT_AREA.right, box.height],
    ])
    .translateExtent([
      [PLOT_AREA.left, Number.NEGATIVE_INFINITY],
      [PLOT_AREA.right, Number.POSITIVE_INFINITY],
    ])
    .scaleExtent([1, 1 / MIN_WIDTH])
    // Touch listeners on every device: a phone or tablet reports touch even when the check fails.
    .touchable(() => true)
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      // Events without a source come from `sync`: the target already shows that window.
      if (event.sourceEvent) target.preview(viewOfTransform(event.transform));
    })
    .on('end', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (event.sourceEvent) target.end();
    });
  // The browser neither scrolls nor zooms the page under a finger on the plot (also without the
  // stylesheet): every touch goes to d3-zoom.
  svg.style.touchAction = 'none';
  const selection = select(svg);
  selection.call(behavior);
  const sync = (view: View) => behavior.transform(selection, transformOfView(view));
  sync(target.view());

  const onKey = (event: KeyboardEvent) => {
    const action = KEYS[event.key];
    if (!action) return;
    event.preventDefault();
    target.commit(action(target.view()));
  };
  svg.addEventListener('keydown', onKey);
  return {
    sync,
    destroy() {
      svg.removeEventListener('keydown', onKey);
      selection.on('.zoom', null);
    },
  };
}
