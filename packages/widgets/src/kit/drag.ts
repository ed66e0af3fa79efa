/**
 * Dragging with pointer events (mouse, pen and touch alike) and stepping with the keyboard.
 *
 * `draggable` captures the pointer on press, so a drag keeps following a finger or mouse that
 * leaves the handle, and reports positions in the coordinates of the handle's SVG viewBox.
 * `arrowSteps` turns arrow keys (Shift for bigger steps) into (dx, dy) moves, so every
 * draggable handle can also be moved without a pointer.
 */

export interface DragCallbacks {
  /** Pointer pressed on the handle, position in viewBox units. */
  start?(point: { x: number; y: number }): void;
  /** Pointer moved while pressed, position in viewBox units. */
  move(point: { x: number; y: number }): void;
  end?(): void;
}

/** The pointer position of `event` in the viewBox coordinates of `svg`. */
export function svgPoint(svg: SVGSVGElement, event: { clientX: number; clientY: number }) {
  const matrix = svg.getScreenCTM();
  if (!matrix) return { x: event.clientX, y: event.clientY };
  const inverse = matrix.inverse();
  return {
    x: inverse.a * event.clientX + inverse.c * event.clientY + inverse.e,
    y: inverse.b * event.clientX + inverse.d * event.clientY + inverse.f,
  };
}

/** Makes `handle` (inside `svg`) draggable; returns a function that removes the listeners. */
export function draggable(handle: Element, svg: SVGSVGElement, callbacks: DragCallbacks): () => void {
  let active: number | undefined;
  const down = (event: Event) => {
    const e = event as PointerEvent;
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    active = e.pointerId;
    try {
      handle.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic or already released pointers cannot be captured; the drag still works on the handle.
    }
    e.preventDefault();
    callbacks.start?.(svgPoint(svg, e));
  };
  const move = (event: Event) => {
    const e = event as PointerEvent;
    if (e.pointerId !== active) return;
    e.preventDefault();
    callbacks.move(svgPoint(svg, e));
  };
  const up = (event: Event) => {
    const e = event as PointerEvent;
    if (e.pointerId !== active) return;
    active = undefined;
    callbacks.end?.();
  };
  handle.addEventListener('pointerdown', down);
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', up);
  handle.addEventListener('pointercancel', up);
  return () => {
    handle.removeEventListener('pointerdown', down);
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', up);
    handle.removeEventListener('pointercancel', up);
  };
}

/**
 * Calls `step(dx, dy)` for arrow keys on `element`: +-1 per press, +-10 with Shift
 * (the caller scales the units). Up is +1 in dy. Returns a function that removes the listener.
 */
export function arrowSteps(element: Element, step: (dx: number, dy: number) => void): () => void {
  const key = (event: Event) => {
    const e = event as KeyboardEvent;
    const size = e.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-size, 0],
      ArrowRight: [size, 0],
      ArrowUp: [0, size],
      ArrowDown: [0, -size],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    step(move[0], move[1]);
  };
  element.addEventListener('keydown', key);
  return () => element.removeEventListener('keydown', key);
}

/** True when the reader asked the system for reduced motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
