/**
 * Hidden layer k on one polygon P of the partition after layer k - 1, on which the
 * pre-activations z_i = A_i x + B_i y + C_i of layer k are affine: `classifyUnits` sorts out the
 * units whose lines z_i = b_j cannot split any part of P, `cutLocal` cuts P by the lines of the
 * others (in unit order, as a unit-by-unit sweep of all polygons would), and `map-update2d.ts`
 * gives each piece its pattern and the next layer's map.
 *
 * The side of a vertex (x, y) is that of the sweep (README, "Numerical policy"): on the line when
 * |z - b_j| <= tol max(T, min(S |grad z|, M)), T = |A x| + |B y| + |C - b_j| the terms at the
 * vertex, M the same with the magnitudes m summed into A, B and C, S the box's scale.
 */
import { nonFinite } from './errors.ts';
import { PolygonPool, splitInto } from './polygon-pool.ts';
import { type Prepared, pieceOf } from './prepare.ts';

/** The relative tolerance of the cuts and the box's scale max(|x0|, |x1|, |y0|, |y1|). */
export interface Geometry {
  tol: number;
  scale: number;
}

/** Where a layer's units change piece: chords [x0, y0, x1, y1] and the unit of each. */
export interface ChordSink {
  segments: number[];
  units: number[];
}

/** Scratch space of one layer, reused across polygons; `local` holds the pieces of the current P. */
export interface Scratch {
  local: PolygonPool;
  other: PolygonPool;
  values: Float64Array;
  sides: Int8Array;
  cut: Float64Array;
  /** h_i = s z_i + c of the units with a non-zero h: [a, b, c, i] at 4 l. */
  h: Float64Array;
  /** Their magnitudes: [|s| mA, |s| mB, |s| mC + |c|] at 3 l. */
  hm: Float64Array;
  /** The current piece's pattern (units with one piece on all of P are set once per P). */
  pieces: Uint8Array;
  /** The previous piece's pattern. */
  previous: Uint8Array;
  /** The units whose lines may cut P, in unit order. */
  active: Int32Array;
  activeCount: number;
  /** Per row of the previous piece's map: the magnitudes of all terms summed or updated since its last full product. */
  err: Float64Array;
  /** Map updates since the last full product (bounds the rounding they accumulate). */
  sinceFull: number;
}

/** Fresh scratch space for a layer of width `width` followed by one of width `rows`. */
export function createScratch(width: number, rows: number): Scratch {
  return {
    local: new PolygonPool(),
    other: new PolygonPool(),
    values: new Float64Array(64),
    sides: new Int8Array(64),
    cut: new Float64Array(3),
    h: new Float64Array(4 * width),
    hm: new Float64Array(3 * width),
    pieces: new Uint8Array(width),
    previous: new Uint8Array(width),
    active: new Int32Array(width),
    activeCount: 0,
    err: new Float64Array(3 * rows),
    sinceFull: 0,
  };
}

const ABOVE = 1;
const BELOW = 2;
const ON = 4;

/**
 * The side of every vertex of polygon p of `pool` for the line A x + B y + C = 0 (C includes
 * -b_j; mA, mB, mC are the magnitudes), written to `s.values` and `s.sides`. Returns the union of
 * ABOVE, BELOW and ON. Throws `NON_FINITE` (unit i of layer k) when a value overflows.
 */
function sidesOf(
  pool: PolygonPool,
  p: number,
  A: number,
  B: number,
  C: number,
  mA: number,
  mB: number,
  mC: number,
  g: Geometry,
  s: Scratch,
  k: number,
  i: number,
): number {
  const n = pool.count[p] as number;
  const o = 2 * (pool.start[p] as number);
  if (s.values.length < n) {
    s.values = new Float64Array(2 * n);
    s.sides = new Int8Array(2 * n);
  }
  const { xy } = pool;
  let floor = -1;
  let flags = 0;
  for (let v = 0; v < n; v++) {
    const x = xy[o + 2 * v] as number;
    const y = xy[o + 2 * v + 1] as number;
    const value = A * x + B * y + C;
    if (!Number.isFinite(value)) throw nonFinite('pre-activation (at a vertex)', k, i, value);
    s.values[v] = value;
    const terms = Math.abs(A * x) + Math.abs(B * y) + Math.abs(C);
    const magnitude = mA * Math.abs(x) + mB * Math.abs(y) + mC;
    let side = 0;
    // min(floor, M) <= M: far from the line the side is known without the (slow) hypot
    if (value > g.tol * Math.max(terms, magnitude)) side = 1;
    else if (value < -g.tol * Math.max(terms, magnitude)) side = -1;
    else {
      if (floor < 0) floor = g.scale * Math.hypot(A, B);
      const tol = g.tol * Math.max(terms, Math.min(floor, magnitude));
      side = value > tol ? 1 : value < -tol ? -1 : 0;
    }
    s.sides[v] = side;
    flags |= side > 0 ? ABOVE : side < 0 ? BELOW : ON;
  }
  return flags;
}

/**
 * Sorts the units of layer k into those whose lines z_i = b_j may cut polygon p of `src`
 * (listed in `s.active`) and those with every vertex of P strictly on one side of each line:
 * no part of P is ever split by them (a split needs vertices strictly on both sides, and the
 * parts' vertices lie in P up to rounding far below the tolerance), so their piece is set once.
 */
export function classifyUnits(
  net: Prepared,
  k: number,
  src: PolygonPool,
  p: number,
  z: Float64Array,
  m: Float64Array,
  base: number,
  g: Geometry,
  s: Scratch,
): void {
  const width = net.widths[k] as number;
  const n = src.count[p] as number;
  const v0 = 2 * (src.start[p] as number);
  const { xy } = src;
  // |x| <= X and |y| <= Y on P: with them, tol max(T, M) at any vertex is at most `bound` below
  let X = 0;
  let Y = 0;
  for (let v = 0; v < n; v++) {
    X = Math.max(X, Math.abs(xy[v0 + 2 * v] as number));
    Y = Math.max(Y, Math.abs(xy[v0 + 2 * v + 1] as number));
  }
  s.activeCount = 0;
  const bps = net.breakpoints;
  for (let i = 0; i < width; i++) {
    const o = base + 3 * i;
    const A = z[o] as number;
    const B = z[o + 1] as number;
    const C = z[o + 2] as number;
    let lo = Infinity;
    let hi = -Infinity;
    for (let v = 0; v < n; v++) {
      const value = A * (xy[v0 + 2 * v] as number) + B * (xy[v0 + 2 * v + 1] as number) + C;
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
    }
    // fast path: every vertex beyond the largest tolerance any vertex can have, for every b_j
    const terms = Math.abs(A) * X + Math.abs(B) * Y + Math.abs(C);
    const magnitude = (m[o] as number) * X + (m[o + 1] as number) * Y + (m[o + 2] as number);
    let clear = Number.isFinite(lo) && Number.isFinite(hi);
    for (let b = 0; b < bps.length && clear; b++) {
      const bp = bps[b] as number;
      const bound = 2 * g.tol * (Math.max(terms, magnitude) + Math.abs(bp));
      clear = lo - bp > bound || hi - bp < -bound;
    }
    // else the exact side test of every vertex (the one the cut uses)
    for (let b = 0; b < bps.length && !clear; b++) {
      const bp = bps[b] as number;
      const flags = sidesOf(
        src,
        p,
        A,
        B,
        C - bp,
        m[o] as number,
        m[o + 1] as number,
        (m[o + 2] as number) + Math.abs(bp),
        g,
        s,
        k,
        i,
      );
      if (flags !== ABOVE && flags !== BELOW) break;
      if (b === bps.length - 1) clear = true;
    }
    if (clear) s.pieces[i] = pieceOf(bps, hi);
    else s.active[s.activeCount++] = i;
  }
}

/** Cuts the pieces in `s.local` by unit i's lines z_i = b_j (map at z[o..], magnitudes m[o..]), recording the chords. */
export function cutLocal(
  net: Prepared,
  k: number,
  i: number,
  z: Float64Array,
  m: Float64Array,
  o: number,
  g: Geometry,
  sink: ChordSink,
  s: Scratch,
): void {
  const A = z[o] as number;
  const B = z[o + 1] as number;
  for (let bi = 0; bi < net.breakpoints.length; bi++) {
    const bp = net.breakpoints[bi] as number;
    const C = (z[o + 2] as number) - bp;
    const mC = (m[o + 2] as number) + Math.abs(bp);
    s.cut[0] = A;
    s.cut[1] = B;
    s.cut[2] = C;
    let any = false;
    const { local, other } = s;
    for (let q = 0; q < local.size; q++) {
      const flags = sidesOf(local, q, A, B, C, m[o] as number, m[o + 1] as number, mC, g, s, k, i);
      const split = (flags & (ABOVE | BELOW)) === (ABOVE | BELOW);
      if (split && !any) {
        any = true;
        other.clear();
        for (let r = 0; r < q; r++) other.copy(local, r);
      }
      if (!any) continue;
      if (!split) {
        other.copy(local, q);
        continue;
      }
      splitInto(local, q, s.values, s.sides, s.cut, other, sink.segments);
      sink.units.push(i);
    }
    if (any) {
      s.local = other;
      s.other = local;
    }
  }
}
