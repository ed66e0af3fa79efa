/**
 * The zig-zag of the max-regions construction: with D >= 3 ReLU units,
 *
 *   g(x) = c + sum_j v_j ReLU[w_j x + b_j]   (w_j = +-1, kink at t_j = -b_j / w_j)
 *
 * has D + 1 pieces on [0, 1], each mapping onto [0, 1] (slopes alternate in sign, |s_k| = 1 / len_k).
 * On the first piece only the units pointing left (w_j = -1) are active, so the slope there is
 * s_0 = -sum_{j in L} v_j, where v_j = s_j - s_{j-1} is the slope change at t_j. Equal spacing
 * cannot satisfy this. Solution (lengths before normalising to total 1):
 *
 *   D odd:  L = {D},       len = 1, ..., 1, 2, 2        (s_0 = -v_D        <=>  1/len_{D-1} + 1/len_D = 1/len_0)
 *   D even: L = {D-1, D},  len = 1, ..., 1 except len_{D-2} = 1/2  (s_0 = s_{D-2} - s_D)
 *
 * For D = 3 this is exactly problem 4.8 of the book: joints at 1/6, 2/6, 4/6 with slopes 1, 1, -1.
 * With D = 2 no choice works (every subset L contradicts s_0 > 0), hence D >= 3.
 */
import { checkInteger } from './errors.ts';

export interface Zigzag {
  /** Input weight of unit j (+1: ReLU[x - t_j], -1: ReLU[t_j - x]). */
  w: number[];
  b: number[];
  /** Output weight of unit j. */
  v: number[];
  /** Output offset. */
  c: number;
  /** Kinks t_1 < ... < t_D in (0, 1). */
  kinks: number[];
}

/** The zig-zag with D units and D + 1 pieces on [0, 1], each mapped onto [0, 1], starting upwards. */
export function zigzag(units: number): Zigzag {
  checkInteger(units, 3, 'width');
  const D = units;
  const len = Array.from({ length: D + 1 }, () => 1);
  const left = new Set<number>();
  if (D % 2 === 1) {
    len[D - 1] = 2;
    len[D] = 2;
    left.add(D);
  } else {
    len[D - 2] = 0.5;
    left.add(D - 1).add(D);
  }
  const total = len.reduce((s, l) => s + l, 0);
  const slopes = len.map((l, k) => ((k % 2 === 0 ? 1 : -1) * total) / l);
  const kinks: number[] = [];
  let acc = 0;
  for (let j = 1; j <= D; j++) {
    acc += len[j - 1] as number;
    kinks.push(acc / total);
  }
  const w: number[] = [];
  const b: number[] = [];
  const v: number[] = [];
  let c = 0;
  for (let j = 1; j <= D; j++) {
    const t = kinks[j - 1] as number;
    const change = (slopes[j] as number) - (slopes[j - 1] as number);
    const pointsLeft = left.has(j);
    w.push(pointsLeft ? -1 : 1);
    b.push(pointsLeft ? t : -t);
    v.push(change);
    if (pointsLeft) c -= change * t; // so that g(0) = 0
  }
  return { w, b, v, c, kinks };
}
