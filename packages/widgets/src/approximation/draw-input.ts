/**
 * Drawing a target on the fit plot of the `approximation` widget: pointer (mouse, pen, touch)
 * sets the nearest of the DRAW_POINTS values; with the plot focused, ←/→ pick a point and ↑/↓
 * move it (Shift for bigger steps), Enter retrains. Retraining starts when a stroke ends.
 */
import type { LinearScale } from '../kit/scale.ts';
import { DOMAIN, DRAW_POINTS } from './state.ts';

export interface DrawTarget {
  /** Whether the widget is in drawing mode. */
  active(): boolean;
  scale(): { x: LinearScale; y: LinearScale } | undefined;
  values(): number[];
  index(): number;
  set(values: number[], index: number): void;
  /** Redraw now (while drawing). */
  redraw(): void;
  /** The stroke is finished: retrain. */
  commit(): void;
}

export function drawTargetInput(svg: SVGSVGElement, t: DrawTarget): void {
  let drawing = false;
  const setAt = (event: PointerEvent) => {
    const scale = t.scale();
    if (!scale) return;
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const px = ((event.clientX - box.left) / box.width) * vb.width;
    const py = ((event.clientY - box.top) / box.height) * vb.height;
    const x = scale.x.invert(px);
    const i = Math.round(((x - DOMAIN[0]) / (DOMAIN[1] - DOMAIN[0])) * (DRAW_POINTS - 1));
    if (i < 0 || i >= DRAW_POINTS) return;
    const y = Math.max(-3, Math.min(3, scale.y.invert(py)));
    t.set(
      t.values().map((v, j) => (j === i ? y : v)),
      i,
    );
    t.redraw();
  };
  svg.setAttribute('tabindex', '0');
  svg.addEventListener('pointerdown', (event) => {
    if (!t.active()) return;
    drawing = true;
    svg.setPointerCapture?.(event.pointerId);
    setAt(event);
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drawing) return;
    event.preventDefault();
    setAt(event);
  });
  const stop = () => {
    if (!drawing) return;
    drawing = false;
    t.commit();
  };
  svg.addEventListener('pointerup', stop);
  svg.addEventListener('pointercancel', stop);
  svg.addEventListener('keydown', (event) => {
    if (!t.active()) return;
    const step = event.shiftKey ? 0.25 : 0.05;
    const i = t.index();
    const shift = (d: number) =>
      t.set(
        t.values().map((v, j) => (j === i ? v + d : v)),
        i,
      );
    const moves: Record<string, () => void> = {
      ArrowLeft: () => t.set(t.values(), Math.max(0, i - 1)),
      ArrowRight: () => t.set(t.values(), Math.min(DRAW_POINTS - 1, i + 1)),
      ArrowUp: () => shift(step),
      ArrowDown: () => shift(-step),
      Enter: () => t.commit(),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
    t.redraw();
  });
  svg.addEventListener('keyup', (event) => {
    if (t.active() && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) t.commit();
  });
}
