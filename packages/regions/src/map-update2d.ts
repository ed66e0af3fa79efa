/**
 * The next layer's pre-activations on each piece of a polygon P: beta_k + Omega_k h_k with
 * h_k = s z + c fixed by the piece's pattern, and the magnitudes m of the terms summed into them
 * (the scale of their rounding, used by the cut tolerance). Neighbouring pieces of P differ in a
 * few units, so the map is a low-rank update of the previous piece's (columns i of Omega_k for
 * the changed units) instead of a matrix-vector product. The full product is used when more than
 * a quarter of the units changed, after 32 updates in a row, and for any row where an updated
 * coefficient or its magnitude is within 2^-20 of e, the sum of the magnitudes of every term
 * added or removed since the last full product (e bounds the updates' rounding; it never cancels):
 * there the update could turn an exact zero into rounding noise, which the full product (terms
 * in unit order, as the unit-by-unit sweep sums them) keeps exact. Rows with e = 0 are exact.
 */
import { nonFinite } from './errors.ts';
import type { Scratch } from './layer-cut2d.ts';
import { type Prepared, pieceOf } from './prepare.ts';

const MAX_UPDATES = 32;
const GUARD = 2 ** -20;

/** h_i and its magnitudes for every unit of layer k with a non-zero h_i (in unit order); returns their number. */
function liveUnits(
  net: Prepared,
  k: number,
  z: Float64Array,
  m: Float64Array,
  base: number,
  s: Scratch,
): number {
  const width = net.widths[k] as number;
  let live = 0;
  for (let i = 0; i < width; i++) {
    const j = s.pieces[i] as number;
    const slope = net.slopes[j] as number;
    const intercept = net.intercepts[j] as number;
    const o = base + 3 * i;
    const ha = slope * (z[o] as number);
    const hb = slope * (z[o + 1] as number);
    const hc = slope * (z[o + 2] as number) + intercept;
    if (ha === 0 && hb === 0 && hc === 0) continue;
    const as = Math.abs(slope);
    s.h[4 * live] = ha;
    s.h[4 * live + 1] = hb;
    s.h[4 * live + 2] = hc;
    s.h[4 * live + 3] = i;
    s.hm[3 * live] = as * (m[o] as number);
    s.hm[3 * live + 1] = as * (m[o + 1] as number);
    s.hm[3 * live + 2] = as * (m[o + 2] as number) + Math.abs(intercept);
    live++;
  }
  return live;
}

/** Row r of beta_k + Omega_k h_k and its magnitudes, in full, from the live units (terms in unit order). */
function fullRow(
  net: Prepared,
  k: number,
  r: number,
  live: number,
  s: Scratch,
  zo: Float64Array,
  mo: Float64Array,
  q: number,
): void {
  const rows = net.widths[k + 1] as number;
  const cols = net.columns[k] as Float64Array;
  let a = 0;
  let b = 0;
  let c = (net.biases[k] as Float64Array)[r] as number;
  let ma = 0;
  let mb = 0;
  let mc = Math.abs(c);
  for (let l = 0; l < live; l++) {
    const w = cols[(s.h[4 * l + 3] as number) * rows + r] as number;
    const aw = Math.abs(w);
    a += w * (s.h[4 * l] as number);
    b += w * (s.h[4 * l + 1] as number);
    c += w * (s.h[4 * l + 2] as number);
    ma += aw * (s.hm[3 * l] as number);
    mb += aw * (s.hm[3 * l + 1] as number);
    mc += aw * (s.hm[3 * l + 2] as number);
  }
  zo[q] = a;
  zo[q + 1] = b;
  zo[q + 2] = c;
  mo[q] = ma;
  mo[q + 1] = mb;
  mo[q + 2] = mc;
  s.err[3 * r] = ma;
  s.err[3 * r + 1] = mb;
  s.err[3 * r + 2] = mc;
}

/** True when an updated coefficient z with magnitude m and term sum e needs the full product. */
const unsure = (z: number, m: number, e: number): boolean =>
  e > 0 && (Math.abs(z) <= GUARD * e || m <= GUARD * e);

/**
 * Fixes the pattern of piece q of `s.local` (the active units at its vertex average) and writes
 * the next layer's pre-activations and magnitudes at zOut/mOut[3 rows out ..], as an update of
 * piece out - 1's when `hasPrevious`. Leaves the pattern in `s.pieces`; the caller copies it to
 * `s.previous`. Returns true for an update. Throws `NON_FINITE` when a coefficient overflows.
 */
export function advancePiece(
  net: Prepared,
  k: number,
  q: number,
  z: Float64Array,
  m: Float64Array,
  base: number,
  zOut: Float64Array,
  mOut: Float64Array,
  out: number,
  hasPrevious: boolean,
  s: Scratch,
): boolean {
  const width = net.widths[k] as number;
  const rows = net.widths[k + 1] as number;
  const { local, pieces, previous, active } = s;
  const n = local.count[q] as number;
  const v0 = 2 * (local.start[q] as number);
  let cx = 0;
  let cy = 0;
  for (let v = 0; v < n; v++) {
    cx += local.xy[v0 + 2 * v] as number;
    cy += local.xy[v0 + 2 * v + 1] as number;
  }
  cx /= n;
  cy /= n;
  let changed = 0;
  for (let a = 0; a < s.activeCount; a++) {
    const i = active[a] as number;
    const o = base + 3 * i;
    const j = pieceOf(
      net.breakpoints,
      (z[o] as number) * cx + (z[o + 1] as number) * cy + (z[o + 2] as number),
    );
    pieces[i] = j;
    if (j !== previous[i]) changed++;
  }
  const o = 3 * rows * out;
  let live = -1;
  const update = hasPrevious && 4 * changed <= width && s.sinceFull < MAX_UPDATES;
  if (update) {
    s.sinceFull++;
    zOut.copyWithin(o, o - 3 * rows, o);
    mOut.copyWithin(o, o - 3 * rows, o);
    const columns = net.columns[k] as Float64Array;
    const err = s.err;
    for (let a = 0; a < s.activeCount; a++) {
      const i = active[a] as number;
      const j = pieces[i] as number;
      const jp = previous[i] as number;
      if (j === jp) continue;
      const ds = (net.slopes[j] as number) - (net.slopes[jp] as number);
      const dm = Math.abs(net.slopes[j] as number) - Math.abs(net.slopes[jp] as number);
      const di = (net.intercepts[j] as number) - (net.intercepts[jp] as number);
      const dmi = Math.abs(net.intercepts[j] as number) - Math.abs(net.intercepts[jp] as number);
      const b = base + 3 * i;
      const da = ds * (z[b] as number);
      const db = ds * (z[b + 1] as number);
      const dc = ds * (z[b + 2] as number) + di;
      const ma = dm * (m[b] as number);
      const mb = dm * (m[b + 1] as number);
      const mc = dm * (m[b + 2] as number) + dmi;
      for (let r = 0; r < rows; r++) {
        const w = columns[i * rows + r] as number;
        const aw = Math.abs(w);
        const t = o + 3 * r;
        zOut[t] = (zOut[t] as number) + w * da;
        zOut[t + 1] = (zOut[t + 1] as number) + w * db;
        zOut[t + 2] = (zOut[t + 2] as number) + w * dc;
        mOut[t] = Math.max(0, (mOut[t] as number) + aw * ma);
        mOut[t + 1] = Math.max(0, (mOut[t + 1] as number) + aw * mb);
        mOut[t + 2] = Math.max(0, (mOut[t + 2] as number) + aw * mc);
        err[3 * r] = (err[3 * r] as number) + Math.abs(aw * ma) + Math.abs(w * da);
        err[3 * r + 1] = (err[3 * r + 1] as number) + Math.abs(aw * mb) + Math.abs(w * db);
        err[3 * r + 2] = (err[3 * r + 2] as number) + Math.abs(aw * mc) + Math.abs(w * dc);
      }
    }
    for (let r = 0; r < rows; r++) {
      const t = o + 3 * r;
      if (
        !unsure(zOut[t] as number, mOut[t] as number, err[3 * r] as number) &&
        !unsure(zOut[t + 1] as number, mOut[t + 1] as number, err[3 * r + 1] as number) &&
        !unsure(zOut[t + 2] as number, mOut[t + 2] as number, err[3 * r + 2] as number)
      )
        continue;
      if (live < 0) live = liveUnits(net, k, z, m, base, s);
      fullRow(net, k, r, live, s, zOut, mOut, t);
    }
  } else {
    s.sinceFull = 0;
    live = liveUnits(net, k, z, m, base, s);
    for (let r = 0; r < rows; r++) fullRow(net, k, r, live, s, zOut, mOut, o + 3 * r);
  }
  for (let r = 0; r < rows; r++) {
    const t = o + 3 * r;
    const a = zOut[t] as number;
    const b = zOut[t + 1] as number;
    const c = zOut[t + 2] as number;
    if (!Number.isFinite(a + b + c))
      throw nonFinite('pre-activation', k + 1, r, Number.isFinite(a + b) ? c : a + b);
  }
  return update;
}

/**
 * sum_i |Omega_K[r][i] dh_i/dx| and d/dy of the piece with pattern `s.pieces` (last hidden layer):
 * the scale against which the merge compares the output gradients. With `update`, from the
 * previous piece's (out - 1) by the terms of the units whose piece changed (clamped at 0 against
 * rounding: it only sets a tolerance). Throws `NON_FINITE` on overflow.
 */
export function writeScale(
  net: Prepared,
  k: number,
  z: Float64Array,
  base: number,
  s: Scratch,
  scale: Float64Array,
  out: number,
  update: boolean,
): void {
  if (update) {
    updateScale(net, k, z, base, s, scale, out);
    return;
  }
  const width = net.widths[k] as number;
  const rows = net.widths[k + 1] as number;
  const weights = net.weights[k] as Float64Array;
  for (let r = 0; r < rows; r++) {
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < width; i++) {
      const slope = net.slopes[s.pieces[i] as number] as number;
      if (slope === 0) continue;
      const w = weights[r * width + i] as number;
      sx += Math.abs(w * (slope * (z[base + 3 * i] as number)));
      sy += Math.abs(w * (slope * (z[base + 3 * i + 1] as number)));
    }
    if (!Number.isFinite(sx + sy)) throw nonFinite('slope scale', k + 1, r, Infinity);
    scale[2 * (rows * out + r)] = sx;
    scale[2 * (rows * out + r) + 1] = sy;
  }
}

function updateScale(
  net: Prepared,
  k: number,
  z: Float64Array,
  base: number,
  s: Scratch,
  scale: Float64Array,
  out: number,
): void {
  const width = net.widths[k] as number;
  const rows = net.widths[k + 1] as number;
  const weights = net.weights[k] as Float64Array;
  const o = 2 * rows * out;
  scale.copyWithin(o, o - 2 * rows, o);
  for (let a = 0; a < s.activeCount; a++) {
    const i = s.active[a] as number;
    const j = s.pieces[i] as number;
    const jp = s.previous[i] as number;
    if (j === jp) continue;
    const A = z[base + 3 * i] as number;
    const B = z[base + 3 * i + 1] as number;
    const slope = net.slopes[j] as number;
    const before = net.slopes[jp] as number;
    for (let r = 0; r < rows; r++) {
      const w = weights[r * width + i] as number;
      const x = (scale[o + 2 * r] as number) + Math.abs(w * (slope * A)) - Math.abs(w * (before * A));
      const y = (scale[o + 2 * r + 1] as number) + Math.abs(w * (slope * B)) - Math.abs(w * (before * B));
      if (!Number.isFinite(x + y)) throw nonFinite('slope scale', k + 1, r, Infinity);
      scale[o + 2 * r] = Math.max(0, x);
      scale[o + 2 * r + 1] = Math.max(0, y);
    }
  }
}
