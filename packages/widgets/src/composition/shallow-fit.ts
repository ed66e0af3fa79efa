/**
 * The comparison of the lecture: a shallow network with 6 hidden units has 3 * 6 + 1 = 19
 * parameters, one fewer than two composed 1-3-1 networks, yet at most 7 linear regions (each unit
 * adds at most one joint). `fitShallow` finds a good such network for a target function: its
 * joints at the target's six sharpest joints, every choice of unit directions tried (2^6), and
 * phi by least squares on a dense sample.
 */
import { type Network, shallowNetwork } from '@deepnets/core';
import type { Regions1D } from '@deepnets/regions';
import { linearRegionBounds, pieceAt, valueAt } from '../kit/pieces-1d.ts';

export interface ShallowFit {
  network: Network;
  theta: number[][];
  phi: number[];
  /** Root-mean-square difference to the target on the sample. */
  rms: number;
}

/** Solves the symmetric system A w = b (n x n, row-major) by Gaussian elimination with pivoting. */
export function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const p = m[c]![c]!;
    if (Math.abs(p) < 1e-300) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / p;
      if (f !== 0) for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-300 ? 0 : row[n]! / row[i]!));
}

/** The `count` joints of `target` with the largest change of slope (padded evenly if it has fewer). */
export function sharpestJoints(target: Regions1D, count: number): number[] {
  const bounds = linearRegionBounds(target);
  const slopeIn = ([a, b]: [number, number]) => target.slopes[pieceAt(target, (a + b) / 2) * target.outputs]!;
  const joints = bounds.slice(1).map((region, i) => ({
    x: region[0],
    change: Math.abs(slopeIn(region) - slopeIn(bounds[i]!)),
  }));
  const chosen = joints
    .sort((a, b) => b.change - a.change)
    .slice(0, count)
    .map((j) => j.x);
  const [lo, hi] = target.domain;
  for (let i = 1; chosen.length < count; i++) chosen.push(lo + ((hi - lo) * i) / (count + 1));
  return chosen.sort((a, b) => a - b);
}

/**
 * The best 6-unit (or `units`-unit) shallow ReLU network for `target` found as described above.
 * The Gram matrix of all 1 + 2 * units candidate features (the constant, ReLU[x - k] and
 * ReLU[k - x] per joint k) is built once; each choice of directions solves its 7 x 7 sub-system.
 */
export function fitShallow(target: Regions1D, units = 6, samples = 400): ShallowFit {
  const [lo, hi] = target.domain;
  const knots = sharpestJoints(target, units);
  const xs = Array.from({ length: samples + 1 }, (_, i) => lo + ((hi - lo) * i) / samples);
  const ys = xs.map((x) => valueAt(target, x));
  // Candidate 0: 1; candidate 1 + 2d: ReLU[x - k_d]; candidate 2 + 2d: ReLU[k_d - x].
  const candidates = xs.map((x) => [1, ...knots.flatMap((k) => [Math.max(0, x - k), Math.max(0, k - x)])]);
  const m = 1 + 2 * units;
  const gram = Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => candidates.reduce((s, f) => s + f[i]! * f[j]!, 0)),
  );
  const rhs = Array.from({ length: m }, (_, i) => candidates.reduce((s, f, r) => s + f[i]! * ys[r]!, 0));
  const yy = ys.reduce((s, y) => s + y * y, 0);
  let best: { mask: number; phi: number[]; sse: number } | undefined;
  for (let mask = 0; mask < 1 << units; mask++) {
    const columns = [0, ...knots.map((_, d) => ((mask >> d) & 1 ? 2 + 2 * d : 1 + 2 * d))];
    const a = columns.map((i, r) => columns.map((j, c) => gram[i]![j]! + (r === c ? 1e-9 : 0)));
    const b = columns.map((i) => rhs[i]!);
    const phi = solveLinear(a, b);
    // |F phi - y|^2 = phi' A phi - 2 phi' b + y'y.
    let sse = yy;
    phi.forEach((p, r) => {
      sse -= 2 * p * b[r]!;
      phi.forEach((q, c) => {
        sse += p * q * a[r]![c]!;
      });
    });
    if (!best || sse < best.sse) best = { mask, phi, sse };
  }
  const { mask, phi } = best!;
  const theta = knots.map((k, d) => ((mask >> d) & 1 ? [k, -1] : [-k, 1]));
  let sse = 0;
  for (const [r, x] of xs.entries()) {
    const e = theta.reduce((s, [b, w], d) => s + phi[d + 1]! * Math.max(0, b! + w! * x), phi[0]!) - ys[r]!;
    sse += e * e;
  }
  return { network: shallowNetwork({ theta, phi }), theta, phi, rms: Math.sqrt(sse / xs.length) };
}
