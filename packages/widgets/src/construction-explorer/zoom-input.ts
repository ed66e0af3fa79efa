/**
 * Construction explorer, input: zoom and pan of the function plot by wheel (about the pointer),
 * drag (mouse, pen or finger), pinch (two pointers zoom about their midpoint) and keys
 * (+ - zoom, arrows pan, 0 / Home reset). The window arithmetic is `view.ts`'s (pure, tested).
 *
 * Pointer events rather than d3-zoom: d3-zoom listens to mouse and touch events and keeps a
 * transform of the whole plane, while this widget zooms one axis down to 10^-12 of [0, 1].
 */
import { FULL, pan, type View, zoom } from './view.ts';

export interface ZoomTarget {
  /** The window on show. */
  view(): View;
  /** Shows `view` while a drag or pinch goes on. */
  preview(view: View): void;
  /** Shows `view` and records it (URL). */
  commit(view: View): void;
  /** A drag or pinch ended: record the window on show. */
  end(): void;
}

/** createPlot's horizontal margins (left, right) in viewBox units. */
const MARGIN = { left: 44, right: 16 };

export function attachZoomInput(svg: SVGSVGElement, target: ZoomTarget): void {
  /** Fraction of the plot area's width at screen position `clientX` (0 left edge, 1 right edge). */
  const fractionOf = (clientX: number) => {
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const x = ((clientX - box.left) / box.width) * vb.width;
    return Math.min(1, Math.max(0, (x - MARGIN.left) / (vb.width - MARGIN.left - MARGIN.right)));
  };
  svg.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      target.commit(zoom(target.view(), event.deltaY < 0 ? 1.5 : 1 / 1.5, fractionOf(event.clientX)));
    },
    { passive: false },
  );
  const pointers = new Map<number, number>();
  let dragFrom: { x: number; view: View; id: number } | undefined;
  let pinch: { distance: number; at: number; view: View } | undefined;
  const startPinch = () => {
    const [a, b] = [...pointers.values()] as [number, number];
    pinch = { distance: Math.max(1, Math.abs(a - b)), at: fractionOf((a + b) / 2), view: target.view() };
    dragFrom = undefined;
  };
  svg.addEventListener('pointerdown', (event) => {
    pointers.set(event.pointerId, event.clientX);
    try {
      svg.setPointerCapture?.(event.pointerId);
    } catch {
      // synthetic or already released pointers cannot be captured
    }
    if (pointers.size === 2) startPinch();
    else if (pointers.size === 1)
      dragFrom = { x: fractionOf(event.clientX), view: target.view(), id: event.pointerId };
  });
  svg.addEventListener('pointermove', (event) => {
    if (!pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, event.clientX);
    event.preventDefault();
    if (pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [number, number];
      target.preview(zoom(pinch.view, Math.max(1, Math.abs(a - b)) / pinch.distance, pinch.at));
      return;
    }
    if (!dragFrom || event.pointerId !== dragFrom.id) return;
    target.preview(pan(dragFrom.view, dragFrom.x - fractionOf(event.clientX)));
  });
  const endDrag = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    if (dragFrom || pinch) target.end();
    dragFrom = undefined;
    if (pointers.size < 2) pinch = undefined;
  };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener('keydown', (event) => {
    const actions: Record<string, () => View> = {
      '+': () => zoom(target.view(), 2),
      '=': () => zoom(target.view(), 2),
      '-': () => zoom(target.view(), 0.5),
      ArrowLeft: () => pan(target.view(), -0.2),
      ArrowRight: () => pan(target.view(), 0.2),
      '0': () => FULL,
      Home: () => FULL,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    target.commit(action());
  });
}
