/**
 * The two steps of hidden layer k on one polygon P of the partition after layer k - 1, on which
 * the pre-activations z_i = A_i x + B_i y + C_i of layer k are affine: `cutLocal` cuts P by the
 * lines z_i = b_j of its units (in unit order, as a unit-by-unit sweep of all polygons would),
 * and `advancePiece` gives each piece its activation pattern and the next layer's map
 * beta_k + Omega_k h_k. Neighbouring pieces of P differ in few units, so that map is a low-rank
 * update of the previous piece's (columns i of Omega_k for the changed units) instead of a full
 * matrix-vector product; a full product is used when more than a quarter of the units changed.
 * A unit whose lines miss P (every vertex of P more than the tolerance away) has one piece on
 * all of P: it is classified once per P and neither cut nor re-evaluated per piece.
 */
import { PolygonPool, splitInto } from './polygon-pool.ts';
import { type Prepared, pieceOf } from './prepare.ts';

/** Where a layer's units change piece: chords [x0, y0, x1, y1] and the unit of each. */
export interface ChordSink {
  segments: number[];
  units: number[];
}

export function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, needed: number): T {
  if (needed <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(needed, 2 * a.length));
  b.set(a);
  return b;
}

/** Scratch space reused across polygons; `local` holds the pieces of the current polygon. */
/** Fresh scratch space for a layer of width `width`. */
export function createScratch(width: number): Scratch {
  return {
    local: new PolygonPool(),
    other: new PolygonPool(),
    values: new Float64Array(64),
    h: new Float64Array(4 * width),
    pieces: new Uint8Array(width),
    previous: new Uint8Array(width),
    active: new Int32Array(width),
    activeCount: 0,
  };
}

/** Scratch space of one layer, reused across polygons; `local` holds the pieces of the current polygon. */
export interface Scratch {
  local: PolygonPool;
  other: PolygonPool;
  values: Float64Array;
  h: Float64Array;
  /** The current piece's pattern (units with one piece on all of P are set once per P). */
  pieces: Uint8Array;
  /** The previous piece's pattern. */
  previous: Uint8Array;
  /** The units whose lines cross P, in unit order. */
  active: Int32Array;
  activeCount: number;
}

/**
 * Sorts the units of layer k into those whose lines z_i = b_j cross polygon p of `src` (listed in
 * `scratch.active`) and those with one piece on all of it (their piece goes to `scratch.pieces`).
 */
export function classifyUnits(
  net: Prepared,
  k: number,
  src: PolygonPool,
  p: number,
  zIn: Float64Array,
  zBase: number,
  eps: number,
  scratch: Scratch,
): void {
  const width = net.widths[k] as number;
  const n = src.count[p] as number;
  const s = 2 * (src.start[p] as number);
  scratch.activeCount = 0;
  for (let i = 0; i < width; i++) {
    const A = zIn[zBase + 3 * i] as number;
    const B = zIn[zBase + 3 * i + 1] as number;
    const C = zIn[zBase + 3 * i + 2] as number;
    let lo = Infinity;
    let hi = -Infinity;
    for (let v = 0; v < n; v++) {
      const value = A * (src.xy[s + 2 * v] as number) + B * (src.xy[s + 2 * v + 1] as number) + C;
      if (value < lo) lo = value;
      if (value > hi) hi = value;
    }
    // |A| + |B| >= hypot(A, B): a margin at least the cut tolerance (hypot is slow; exact only if needed)
    let tol = eps * (Math.abs(A) + Math.abs(B));
    let clear = true;
    for (let b = 0; b < net.breakpoints.length && clear; b++) {
      const bp = net.breakpoints[b] as number;
      if (lo - bp > tol || hi - bp < -tol) continue;
      tol = eps * Math.hypot(A, B);
      clear = lo - bp > tol || hi - bp < -tol;
    }
    if (clear) scratch.pieces[i] = pieceOf(net.breakpoints, hi);
    else scratch.active[scratch.activeCount++] = i;
  }
}

/** Cuts the polygons of `scratch.local` by unit i's lines A x + B y + C0 = b_j, recording the chords. */
export function cutLocal(
  net: Prepared,
  A: number,
  B: number,
  C0: number,
  eps: number,
  i: number,
  sink: ChordSink,
  scratch: Scratch,
): void {
  const tol = eps * Math.hypot(A, B);
  for (let bi = 0; bi < net.breakpoints.length; bi++) {
    const C = C0 - (net.breakpoints[bi] as number);
    let any = false;
    const { local, other } = scratch;
    for (let q = 0; q < local.size; q++) {
      const n = local.count[q] as number;
      const s = 2 * (local.start[q] as number);
      if (scratch.values.length < n) scratch.values = new Float64Array(2 * n);
      let pos = false;
      let neg = false;
      for (let v = 0; v < n; v++) {
        const value = A * (local.xy[s + 2 * v] as number) + B * (local.xy[s + 2 * v + 1] as number) + C;
        scratch.values[v] = value;
        if (value > tol) pos = true;
        else if (value < -tol) neg = true;
      }
      const split = pos && neg;
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
      splitInto(local, q, scratch.values, tol, other, sink.segments);
      sink.units.push(i);
    }
    if (any) {
      scratch.local = other;
      scratch.other = local;
    }
  }
}

/**
 * Fixes the pattern of polygon q of `scratch.local` (crossing units at its vertex average) and
 * writes the next layer's pre-activations beta_k + Omega_k h_k, h_k = s z + c, at
 * `zOut[3 rows out ..]`: as an update of the previous piece's (index out - 1, `hasPrevious`)
 * when at most a quarter of the units changed piece, else in full. Returns true for an update;
 * the caller then moves `scratch.pieces` into `scratch.previous`.
 */
export function advancePiece(
  net: Prepared,
  k: number,
  q: number,
  zIn: Float64Array,
  zBase: number,
  zOut: Float64Array,
  out: number,
  hasPrevious: boolean,
  scratch: Scratch,
): boolean {
  const width = net.widths[k] as number;
  const rows = net.widths[k + 1] as number;
  const { local, pieces, previous, active } = scratch;
  const n = local.count[q] as number;
  const s = 2 * (local.start[q] as number);
  let cx = 0;
  let cy = 0;
  for (let v = 0; v < n; v++) {
    cx += local.xy[s + 2 * v] as number;
    cy += local.xy[s + 2 * v + 1] as number;
  }
  cx /= n;
  cy /= n;
  let changed = 0;
  for (let a = 0; a < scratch.activeCount; a++) {
    const i = active[a] as number;
    const b = zBase + 3 * i;
    const j = pieceOf(
      net.breakpoints,
      (zIn[b] as number) * cx + (zIn[b + 1] as number) * cy + (zIn[b + 2] as number),
    );
    pieces[i] = j;
    if (j !== previous[i]) changed++;
  }
  const o = 3 * rows * out;
  const update = hasPrevious && 4 * changed <= width;
  if (update) {
    const columns = net.columns[k] as Float64Array;
    zOut.copyWithin(o, o - 3 * rows, o);
    for (let a = 0; a < scratch.activeCount; a++) {
      const i = active[a] as number;
      const j = pieces[i] as number;
      const jp = previous[i] as number;
      if (j === jp) continue;
      const ds = (net.slopes[j] as number) - (net.slopes[jp] as number);
      const b = zBase + 3 * i;
      const da = ds * (zIn[b] as number);
      const db = ds * (zIn[b + 1] as number);
      const dc =
        ds * (zIn[b + 2] as number) + ((net.intercepts[j] as number) - (net.intercepts[jp] as number));
      for (let r = 0; r < rows; r++) {
        const w = columns[i * rows + r] as number;
        zOut[o + 3 * r] = (zOut[o + 3 * r] as number) + w * da;
        zOut[o + 3 * r + 1] = (zOut[o + 3 * r + 1] as number) + w * db;
        zOut[o + 3 * r + 2] = (zOut[o + 3 * r + 2] as number) + w * dc;
      }
    }
  } else {
    fullMap(net, k, zIn, zBase, pieces, scratch.h, zOut, o);
  }
  return update;
}

/** beta_k + Omega_k h_k in full (terms with h_i = 0 skipped: they add +-0 and leave the sums unchanged). */
function fullMap(
  net: Prepared,
  k: number,
  zIn: Float64Array,
  zBase: number,
  pieces: Uint8Array,
  h: Float64Array,
  zOut: Float64Array,
  o: number,
): void {
  const width = net.widths[k] as number;
  const rows = net.widths[k + 1] as number;
  const columns = net.columns[k] as Float64Array;
  const bias = net.biases[k] as Float64Array;
  let live = 0;
  for (let i = 0; i < width; i++) {
    const j = pieces[i] as number;
    const slope = net.slopes[j] as number;
    const b = zBase + 3 * i;
    const ha = slope * (zIn[b] as number);
    const hb = slope * (zIn[b + 1] as number);
    const hc = slope * (zIn[b + 2] as number) + (net.intercepts[j] as number);
    if (ha === 0 && hb === 0 && hc === 0) continue;
    h[4 * live] = ha;
    h[4 * live + 1] = hb;
    h[4 * live + 2] = hc;
    h[4 * live + 3] = i;
    live++;
  }
  // column by column (contiguous columns of Omega_k); each sum still adds its terms in unit order
  for (let r = 0; r < rows; r++) {
    zOut[o + 3 * r] = 0;
    zOut[o + 3 * r + 1] = 0;
    zOut[o + 3 * r + 2] = bias[r] as number;
  }
  for (let l = 0; l < live; l++) {
    const ha = h[4 * l] as number;
    const hb = h[4 * l + 1] as number;
    const hc = h[4 * l + 2] as number;
    const col = (h[4 * l + 3] as number) * rows;
    for (let r = 0; r < rows; r++) {
      const w = columns[col + r] as number;
      const q = o + 3 * r;
      zOut[q] = (zOut[q] as number) + w * ha;
      zOut[q + 1] = (zOut[q + 1] as number) + w * hb;
      zOut[q + 2] = (zOut[q + 2] as number) + w * hc;
    }
  }
}

/**
 * The scale of piece `out` as an update of piece out - 1's: only the active units whose piece
 * changed contribute a different term (clamped at 0 against rounding).
 */
export function updateScale(
  net: Prepared,
  k: number,
  zIn: Float64Array,
  zBase: number,
  scratch: Scratch,
  scale: Float64Array,
  out: number,
): void {
  const width = net.widths[k] as number;
  const rows = net.widths[k + 1] as number;
  const weights = net.weights[k] as Float64Array;
  const { pieces, previous, active } = scratch;
  const o = 2 * rows * out;
  scale.copyWithin(o, o - 2 * rows, o);
  for (let a = 0; a < scratch.activeCount; a++) {
    const i = active[a] as number;
    const j = pieces[i] as number;
    const jp = previous[i] as number;
    if (j === jp) continue;
    const [A, B] = [zIn[zBase + 3 * i] as number, zIn[zBase + 3 * i + 1] as number];
    const [s, sp] = [net.slopes[j] as number, net.slopes[jp] as number];
    for (let r = 0; r < rows; r++) {
      const w = weights[r * width + i] as number;
      const x = (scale[o + 2 * r] as number) + Math.abs(w * (s * A)) - Math.abs(w * (sp * A));
      const y = (scale[o + 2 * r + 1] as number) + Math.abs(w * (s * B)) - Math.abs(w * (sp * B));
      scale[o + 2 * r] = Math.max(0, x);
      scale[o + 2 * r + 1] = Math.max(0, y);
    }
  }
}

/** sum_i |Omega_K[r][i] dh_i/dx| and d/dy for the merge's map comparison (last hidden layer). */
export function writeScale(
  net: Prepared,
  k: number,
  zIn: Float64Array,
  zBase: number,
  pieces: Uint8Array,
  scale: Float64Array,
  out: number,
): void {
  const width = net.widths[k] as number;
  const rows = net.widths[k + 1] as number;
  const weights = net.weights[k] as Float64Array;
  for (let r = 0; r < rows; r++) {
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < width; i++) {
      const slope = net.slopes[pieces[i] as number] as number;
      const w = weights[r * width + i] as number;
      sx += Math.abs(w * (slope * (zIn[zBase + 3 * i] as number)));
      sy += Math.abs(w * (slope * (zIn[zBase + 3 * i + 1] as number)));
    }
    scale[2 * (rows * out + r)] = sx;
    scale[2 * (rows * out + r) + 1] = sy;
  }
}
