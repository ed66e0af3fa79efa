/**
 * The receptive-field picture's state, pure: which input pixels one output unit of L stacked
 * 3 x 3 convolutions (stride 1, "same" padding) depends on, found by following the pixels
 * explicitly layer by layer, so each layer's ring can be drawn. The conv calculator's closed form
 * r_L = 1 + 2L is the independent check.
 */
import type { UrlSchema } from '../kit/url-state.ts';

export interface ReceptiveFieldState {
  /** L, the number of 3 x 3 convolution layers stacked (0 = the unit itself). */
  layers: number;
  /** Side of the drawn input grid (odd). */
  grid: number;
}

export const RECEPTIVE_LIMITS = { layers: 6 } as const;
export const DEFAULT_RECEPTIVE: ReceptiveFieldState = { layers: 3, grid: 2 * RECEPTIVE_LIMITS.layers + 3 };

export const URL_SCHEMA: UrlSchema = { layers: { type: 'integer', min: 0, max: RECEPTIVE_LIMITS.layers } };

/**
 * For every pixel of a `grid` x `grid` input, the first layer count l <= `layers` at which the
 * centre unit of layer l reads it (-1 if never): rings around the centre, one per layer.
 */
export function fieldLayers(layers: number, grid: number, kernel = 3): Int32Array {
  const first = new Int32Array(grid * grid).fill(-1);
  const c = (grid - 1) / 2;
  let frontier: [number, number][] = [[c, c]];
  first[c * grid + c] = 0;
  const half = (kernel - 1) / 2;
  for (let l = 1; l <= layers; l++) {
    const next: [number, number][] = [];
    for (const [x, y] of frontier) {
      for (let dy = -half; dy <= half; dy++)
        for (let dx = -half; dx <= half; dx++) {
          const [u, v] = [x + dx, y + dy];
          if (u < 0 || v < 0 || u >= grid || v >= grid || first[v * grid + u] !== -1) continue;
          first[v * grid + u] = l;
          next.push([u, v]);
        }
    }
    frontier = [...frontier, ...next];
  }
  return first;
}

/** Width of the field (pixels) after `layers` layers, read off the explicit pixel set. */
export function fieldWidth(first: Int32Array, grid: number, layers: number): number {
  let lo = grid;
  let hi = -1;
  for (let i = 0; i < first.length; i++) {
    const l = first[i] as number;
    if (l < 0 || l > layers) continue;
    lo = Math.min(lo, i % grid);
    hi = Math.max(hi, i % grid);
  }
  return hi - lo + 1;
}
