/**
 * One panel of the 1-D composition widgets (composition, composition-2d, combining): a 1-D
 * piecewise-linear function drawn exactly from its pieces (`Regions1D`), coloured bands behind it,
 * region boundaries, and draggable joints.
 *
 * Joints are persistent SVG handles (one per hidden unit), so keyboard focus and pointer capture
 * survive redraws. They move with the mouse, a finger or a pen (pointer events) and with the arrow
 * keys (x by 0.01, y by 1% of the view; Shift for ten times as much).
 */
import type { Regions1D } from '@deepnets/regions';
import { htmlElement, svgElement } from './dom.ts';
import { arrowSteps, draggable } from './drag.ts';
import { valuesAtEdges } from './pieces-1d.ts';
import { createPlot, type Plot } from './plot.ts';
import type { LinearScale } from './scale.ts';

export interface PanelJoint {
  unit: number;
  x: number;
  y: number;
}

export interface PanelContent {
  regions: Regions1D;
  /** Output interval that must be visible (kept from before while a joint is dragged). */
  yExtent: [number, number];
  /** Coloured bands behind the curve, [lo, hi] along x. */
  bands?: readonly { lo: number; hi: number; color: string }[];
  /** Colour of the curve on [lo, hi] (default: the theme's curve colour). */
  colorAt?: (x: number) => string | undefined;
  joints?: readonly PanelJoint[];
  /** Region boundaries to mark with thin vertical lines. */
  boundaries?: readonly number[];
  /** An interval of x to mark under the axis (network 2: the y values network 1 reaches). */
  reached?: readonly [number, number];
}

export interface FunctionPanel {
  figure: HTMLElement;
  plot: Plot;
  caption: HTMLElement;
  draw(content: PanelContent): void;
  /** The scales of the last draw. */
  scales(): { x: LinearScale; y: LinearScale } | undefined;
  destroy(): void;
}

export interface FunctionPanelOptions {
  name: string;
  xLabel: string;
  yLabel: string;
  /** Units that may have a draggable joint, with their accessible names ("h₂ of network 1"). */
  jointNames?: readonly string[];
  jointColors?: readonly string[];
  /** A joint was moved to (x, y) by drag or keyboard. */
  onJoint?(unit: number, x: number, y: number): void;
  /** A drag ended (so the caller can stop keeping the view). */
  onJointEnd?(): void;
  /**
   * Leave `X_PAD` of the interval free on both sides, so that a joint at an end of the interval
   * keeps clear of the y axis and its tick labels (default: when the panel has joints).
   */
  padX?: boolean;
}

/** Share of the x interval left free at each side of a padded panel. */
export const X_PAD = 0.06;

/** Smallest touch target, CSS px (WCAG 2.2 target size, issue 19 item 6). */
const TOUCH_PX = 28;

export function createFunctionPanel(parent: Element, options: FunctionPanelOptions): FunctionPanel {
  const figure = htmlElement('figure', { class: 'dn-cmp-panel', 'data-panel': options.name }, parent);
  const plot = createPlot(figure, {
    width: 320,
    height: 240,
    xLabel: options.xLabel,
    yLabel: options.yLabel,
  });
  const caption = htmlElement('figcaption', { class: 'dn-cmp-caption' }, figure);
  const bandLayer = plot.regions;
  let scales: { x: LinearScale; y: LinearScale } | undefined;
  let yDomain: [number, number] | undefined;
  let dragging = false;
  const jointsNow = new Map<number, PanelJoint>();
  const cleanups: (() => void)[] = [];

  const handles = (options.jointNames ?? []).map((name, unit) => {
    // The touch target: a transparent circle at least TOUCH_PX across on screen, under the drawn dot.
    const hit = svgElement(
      'circle',
      { r: 12, class: 'dn-cmp-hit', 'data-role': 'joint-hit', 'aria-hidden': 'true', visibility: 'hidden' },
      plot.points,
    );
    const handle = svgElement(
      'circle',
      {
        r: 7,
        class: 'dn-cmp-handle',
        tabindex: 0,
        role: 'button',
        'aria-roledescription': 'draggable joint',
        'data-role': 'joint',
        'data-unit': unit + 1,
        fill: options.jointColors?.[unit] ?? 'currentColor',
        visibility: 'hidden',
      },
      plot.points,
    );
    const moveTo = (x: number, y: number) => options.onJoint?.(unit, x, y);
    const drag = {
      start: () => {
        dragging = true;
      },
      move: (p: { x: number; y: number }) => {
        if (scales) moveTo(scales.x.invert(p.x), scales.y.invert(p.y));
      },
      end: () => {
        dragging = false;
        options.onJointEnd?.();
      },
    };
    cleanups.push(
      draggable(handle, plot.svg, drag),
      draggable(hit, plot.svg, drag),
      arrowSteps(handle, (dx, dy) => {
        const joint = jointsNow.get(unit);
        if (!joint || !yDomain) return;
        moveTo(joint.x + dx * 0.01, joint.y + (dy * (yDomain[1] - yDomain[0])) / 100);
      }),
    );
    return { handle, hit, name };
  });

  /** Radius in viewBox units of a circle TOUCH_PX across on screen. */
  const hitRadius = () => {
    const scale = plot.svg.getScreenCTM()?.a;
    return scale && scale > 0 ? TOUCH_PX / 2 / scale : 12;
  };

  function draw(content: PanelContent): void {
    const { regions } = content;
    const [e0, e1] = content.yExtent;
    yDomain = dragging && yDomain ? [Math.min(yDomain[0], e0), Math.max(yDomain[1], e1)] : [e0, e1];
    const [lo, hi] = regions.domain;
    const pad = (options.padX ?? handles.length > 0) ? X_PAD * (hi - lo) : 0;
    scales = plot.frame([lo - pad, hi + pad], yDomain);
    const { x, y } = scales;
    bandLayer.replaceChildren();
    for (const band of content.bands ?? []) {
      svgElement(
        'rect',
        {
          x: x(band.lo),
          y: y(yDomain[1]),
          width: Math.max(0, x(band.hi) - x(band.lo)),
          height: y(yDomain[0]) - y(yDomain[1]),
          style: `fill: ${band.color}`,
          class: 'dn-cmp-band',
        },
        bandLayer,
      );
    }
    if (content.reached) {
      const [a, b] = content.reached;
      svgElement(
        'rect',
        {
          x: x(a),
          y: y(yDomain[0]) - 5,
          width: Math.max(2, x(b) - x(a)),
          height: 5,
          class: 'dn-cmp-reached',
        },
        bandLayer,
      );
    }
    for (const b of content.boundaries ?? []) {
      svgElement(
        'line',
        { x1: x(b), x2: x(b), y1: y(yDomain[0]), y2: y(yDomain[1]), class: 'dn-cmp-boundary' },
        bandLayer,
      );
    }
    plot.curves.replaceChildren();
    const values = valuesAtEdges(regions);
    const { edges } = regions;
    for (let p = 0; p < edges.length - 1; p++) {
      const lo = edges[p] as number;
      const hi = edges[p + 1] as number;
      const color = content.colorAt?.((lo + hi) / 2);
      svgElement(
        'line',
        {
          x1: x(lo),
          y1: y(values[p] as number),
          x2: x(hi),
          y2: y(values[p + 1] as number),
          class: 'dn-curve dn-piece',
          'data-role': 'piece',
          ...(color ? { style: `stroke: ${color}` } : {}),
        },
        plot.curves,
      );
    }
    jointsNow.clear();
    for (const joint of content.joints ?? []) jointsNow.set(joint.unit, joint);
    const r = hitRadius();
    handles.forEach(({ handle, hit, name }, unit) => {
      const joint = jointsNow.get(unit);
      if (!joint) {
        handle.setAttribute('visibility', 'hidden');
        hit.setAttribute('visibility', 'hidden');
        handle.setAttribute('tabindex', '-1');
        return;
      }
      hit.setAttribute('visibility', 'visible');
      hit.setAttribute('r', String(r));
      hit.setAttribute('cx', String(x(joint.x)));
      hit.setAttribute('cy', String(y(joint.y)));
      handle.setAttribute('visibility', 'visible');
      handle.setAttribute('tabindex', '0');
      handle.setAttribute('cx', String(x(joint.x)));
      handle.setAttribute('cy', String(y(joint.y)));
      handle.setAttribute('data-x', String(joint.x));
      handle.setAttribute('data-y', String(joint.y));
      handle.setAttribute(
        'aria-label',
        `Joint of ${name} at ${options.xLabel} = ${joint.x.toFixed(2)}, ${options.yLabel} = ${joint.y.toFixed(2)}. Drag it, or use the arrow keys.`,
      );
    });
  }

  return {
    figure,
    plot,
    caption,
    draw,
    scales: () => scales,
    destroy() {
      for (const cleanup of cleanups) cleanup();
      figure.remove();
    },
  };
}
