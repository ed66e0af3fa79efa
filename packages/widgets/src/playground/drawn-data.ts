/**
 * Points you draw: each click or tap on the decision map adds a point of the chosen class inside
 * the box [-1, 1]^2. Small sets travel in the URL (`pg.points=0.12:-0.5:1~…`, two decimals);
 * larger ones stay in the page and the widget says they cannot be shared by link.
 */
import type { PlaygroundDataset } from './menus.ts';

export interface DrawnPoint {
  x1: number;
  x2: number;
  /** Class 0 or 1. */
  c: 0 | 1;
}

/** The box drawn points live in. */
export const DRAWN_BOX: [number, number, number, number] = [-1, 1, -1, 1];
/** A drawn set with more points than this is not written to the URL. */
export const MAX_URL_POINTS = 60;
/** At most this many points can be drawn. */
export const MAX_DRAWN_POINTS = 500;

const round2 = (v: number) => Math.round(Math.min(1, Math.max(-1, v)) * 100) / 100;

/** `p` snapped to two decimals inside the box. */
export const snapPoint = (p: DrawnPoint): DrawnPoint => ({ x1: round2(p.x1), x2: round2(p.x2), c: p.c });

/** The URL text of `points`, or undefined when there are more than MAX_URL_POINTS. */
export function encodePoints(points: readonly DrawnPoint[]): string | undefined {
  if (points.length > MAX_URL_POINTS) return undefined;
  return points.map((p) => `${round2(p.x1)}:${round2(p.x2)}:${p.c}`).join('~');
}

/** The points of a URL text; throws a RangeError naming the first bad point. */
export function decodePoints(text: string): DrawnPoint[] {
  if (text === '') return [];
  const parts = text.split('~');
  if (parts.length > MAX_URL_POINTS)
    throw new RangeError(`at most ${MAX_URL_POINTS} points, got ${parts.length}`);
  return parts.map((part, i) => {
    const [a, b, c] = part.split(':');
    const x1 = Number(a);
    const x2 = Number(b);
    const ok =
      part.split(':').length === 3 && Math.abs(x1) <= 1 && Math.abs(x2) <= 1 && (c === '0' || c === '1');
    if (!ok || a === '' || b === '') {
      throw new RangeError(
        `point ${i + 1} ("${part.slice(0, 20)}") is not x1:x2:class with x in [-1, 1], class 0 or 1`,
      );
    }
    return { x1, x2, c: c === '1' ? 1 : 0 };
  });
}

/** The 2-class data set of `points` (undefined with fewer than 2 points). */
export function drawnDataset(points: readonly DrawnPoint[]): PlaygroundDataset | undefined {
  if (points.length < 2) return undefined;
  const count = points.length;
  const x = new Float64Array(2 * count);
  const y = new Float64Array(count);
  points.forEach((p, i) => {
    x[2 * i] = p.x1;
    x[2 * i + 1] = p.x2;
    y[i] = p.c;
  });
  const empty = { count: 0, inputs: 2, targetWidth: 1, x: new Float64Array(0), y: new Float64Array(0) };
  return {
    name: 'drawn points',
    task: 'classification',
    outputs: 2,
    train: { count, inputs: 2, targetWidth: 1, x, y },
    test: empty,
  };
}
