/**
 * Region counts by brute force, for tests: sample a fine grid, read the activation pattern of
 * every hidden unit at each sample (core's `forwardTrace`, not `@deepnets/regions`), and merge
 * neighbouring patterns whose affine maps agree. Independent of the exact enumeration it checks;
 * it can miss regions thinner than the grid spacing, so tests use configurations without slivers.
 */
import { forwardTrace, type Network } from '@deepnets/core';

const patternKey = (net: Network, x: number[]) =>
  forwardTrace(net, x)
    .preActivations.flat()
    .map((z) => (z > 0 ? 1 : 0))
    .join('');

/** Activation and linear regions of a 1-input network on [lo, hi] from `samples` grid points. */
export function bruteForceRegions1d(
  net: Network,
  [lo, hi]: readonly [number, number],
  samples = 20000,
): { activation: number; linear: number } {
  const runs: { x0: number; x1: number; y0: number[]; y1: number[]; key: string }[] = [];
  for (let n = 0; n <= samples; n++) {
    const x = lo + ((hi - lo) * n) / samples;
    const key = patternKey(net, [x]);
    const y = forwardTrace(net, [x]).output;
    const last = runs[runs.length - 1];
    if (last && last.key === key) {
      last.x1 = x;
      last.y1 = y;
    } else runs.push({ x0: x, x1: x, y0: y, y1: y, key });
  }
  // A run's slope, measured between its own samples (single-sample runs take their neighbour's).
  const slopes = runs.map((r) =>
    r.x1 > r.x0 ? r.y1.map((v, o) => (v - (r.y0[o] as number)) / (r.x1 - r.x0)) : undefined,
  );
  let linear = 1;
  let previous = slopes[0];
  for (let p = 1; p < runs.length; p++) {
    const s = slopes[p];
    if (!s) continue;
    if (!previous) {
      previous = s; // the first run had a single sample: start comparing from this one
      continue;
    }
    const same = s.every((v, o) => Math.abs(v - (previous as number[])[o]!) <= 1e-6 * (1 + Math.abs(v)));
    if (!same) linear++;
    previous = s;
  }
  return { activation: runs.length, linear };
}

/** The Jacobian dy/dx of the affine map on the activation region with pattern `mask` (ReLU). */
function jacobian(net: Network, mask: number[][]): number[][] {
  let J = net.layers[0]!.weights.map((row) => [...row]);
  for (let k = 1; k < net.layers.length; k++) {
    const m = mask[k - 1]!;
    const gated = J.map((row, i) => row.map((v) => v * m[i]!));
    J = net.layers[k]!.weights.map((row) =>
      gated[0]!.map((_, c) => row.reduce((s, w, i) => s + w * gated[i]![c]!, 0)),
    );
  }
  return J;
}

/** Activation and linear regions of a 2-input ReLU network on a box, from an n x n grid. */
export function bruteForceRegions2d(
  net: Network,
  [x0, x1, y0, y1]: readonly [number, number, number, number],
  n = 300,
): { activation: number; linear: number } {
  const ids = new Map<string, number>();
  const masks: number[][][] = [];
  const grid = new Int32Array((n + 1) * (n + 1));
  for (let r = 0; r <= n; r++) {
    for (let c = 0; c <= n; c++) {
      const point = [x0 + ((x1 - x0) * c) / n, y0 + ((y1 - y0) * r) / n];
      const mask = forwardTrace(net, point).preActivations.map((z) => z.map((v) => (v > 0 ? 1 : 0)));
      const key = mask.flat().join('');
      let id = ids.get(key);
      if (id === undefined) {
        id = masks.length;
        ids.set(key, id);
        masks.push(mask);
      }
      grid[r * (n + 1) + c] = id;
    }
  }
  const parent = masks.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const maps = masks.map((m) => jacobian(net, m).flat());
  const close = (a: number[], b: number[]) =>
    a.every((v, i) => Math.abs(v - b[i]!) <= 1e-9 * (1 + Math.abs(v)));
  for (let r = 0; r <= n; r++) {
    for (let c = 0; c <= n; c++) {
      const a = grid[r * (n + 1) + c]!;
      for (const b of [c < n ? grid[r * (n + 1) + c + 1]! : a, r < n ? grid[(r + 1) * (n + 1) + c]! : a]) {
        if (a !== b && close(maps[a]!, maps[b]!)) parent[find(a)] = find(b);
      }
    }
  }
  return { activation: masks.length, linear: new Set(masks.map((_, i) => find(i))).size };
}
