/**
 * Test helper: real input through the Chrome DevTools Protocol (`cdp()` of Vitest's browser
 * mode), so Chromium itself makes the wheel, mouse and touch events (trusted, with Touch lists)
 * that d3-zoom listens to. Positions are given in this frame's client pixels and turned into the
 * top page's, where CDP input lands (the tests run in an iframe).
 */
import { cdp } from 'vitest/browser';

export interface Point {
  x: number;
  y: number;
}

/** This frame's client point in the top page's coordinates. */
function toTop({ x, y }: Point): Point {
  let w: Window = window;
  while (w !== w.parent && w.frameElement) {
    const box = w.frameElement.getBoundingClientRect();
    const scale = box.width / w.innerWidth;
    x = box.left + x * scale;
    y = box.top + y * scale;
    w = w.parent;
  }
  return { x, y };
}

/** The CDP methods used here (Chromium checks their parameters and rejects bad ones). */
type Method = 'Input.dispatchTouchEvent' | 'Input.dispatchMouseEvent' | 'Emulation.setTouchEmulationEnabled';
const send = (method: Method, params: Record<string, unknown>) => cdp().send(method, params as never);

/**
 * Touch emulation on (a touch screen, as a phone has) and two frames: the compositor hit-tests a touch against the `touch-action` of the last frame it
 * received, so a touch right after mounting would still meet the page's default (pan and zoom).
 */
const frames = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Touch points down (`start`), moved (`move`) or all lifted (`end`), each with its finger id. */
export async function touch(
  type: 'start' | 'move' | 'end',
  points: (Point & { id: number })[],
): Promise<void> {
  if (type === 'start') {
    await send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    await frames();
  }
  const touchPoints = points.map((p) => ({ ...toTop(p), id: p.id, radiusX: 1, radiusY: 1, force: 1 }));
  const cdpType = { start: 'touchStart', move: 'touchMove', end: 'touchEnd' }[type];
  await send('Input.dispatchTouchEvent', { type: cdpType, touchPoints: type === 'end' ? [] : touchPoints });
  if (type === 'end') await send('Emulation.setTouchEmulationEnabled', { enabled: false });
}

/** A left-button mouse drag from `from` to `to` in `steps` moves. */
export async function mouseDrag(from: Point, to: Point, steps = 4): Promise<void> {
  const a = toTop(from);
  const b = toTop(to);
  await send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...a });
  await send('Input.dispatchMouseEvent', {
    type: 'mousePressed',
    ...a,
    button: 'left',
    buttons: 1,
    clickCount: 1,
  });
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const at = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    await send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at, button: 'left', buttons: 1 });
  }
  await send('Input.dispatchMouseEvent', {
    type: 'mouseReleased',
    ...b,
    button: 'left',
    buttons: 0,
    clickCount: 1,
  });
}

/** One wheel turn at `at` (deltaY < 0 scrolls up, which zooms in). */
export async function wheel(at: Point, deltaY: number): Promise<void> {
  await send('Input.dispatchMouseEvent', { type: 'mouseWheel', ...toTop(at), deltaX: 0, deltaY });
}
