/**
 * The 1-D sweep: one hidden layer of pieces at a time, in flat typed arrays.
 *
 * On piece p = [x_p, x_{p+1}] of the input line, the pre-activations of hidden layer k are affine,
 * z_i(x) = A_i x + B_i. Unit i changes its activation piece where z_i(x) crosses a breakpoint b_j of
 * a[.], at t = (b_j - B_i) / A_i. Cutting p at those crossings gives sub-pieces on which every unit
 * of layer k sits on one activation piece (slope s, intercept c), so h_k = s z + c is affine and the
 * next pre-activations beta_k + Omega_k h_k are affine too. Between two neighbouring sub-pieces only
 * the crossing units change, so the next layer's coefficients are updated by a rank-one step
 * (column i of Omega_k times the change of h_i) instead of a full matrix-vector product.
 *
 * Numerical policy: each crossing t carries its own tolerance delta_t = tol max(|t|, min(S, U_i)):
 * relative to |t| itself, and otherwise to the smaller of the domain's scale S = max(|lo|, |hi|)
 * (1 on an infinite domain) and the unit's own scale U_i = ((m_B + |b_j|) + |t| m_A) / |A_i|, where
 * m_A and m_B are the sums of magnitudes of the terms summed into A_i and B_i (the size of their
 * rounding errors). A crossing within delta_t of a piece's end, or of another crossing, is not a
 * separate cut (it is identified with that point). So a domain of [-1e9, 1e9] resolves breakpoints
 * 1e-3 apart near 0, and weights of 1e-300 cut where weights of 1 do. Units keep a consistent piece index because the index at the start of
 * each piece is derived from the same comparisons that accept or reject cuts.
 */

import { Crossings } from './crossings.ts';
import { nonFinite } from './errors.ts';
import { checkMemory, type Prepared } from './prepare.ts';

/** Pieces of the input line with an affine map per piece: value_r(x) = a[p * width + r] x + b[...]. */
export interface Pieces1D {
  count: number;
  /** count + 1 increasing x values. */
  edges: Float64Array;
  width: number;
  a: Float64Array;
  b: Float64Array;
  /** Sums of magnitudes of the terms summed into a and b (the scale of their rounding errors). */
  ma: Float64Array;
  mb: Float64Array;
}

/** What the last layer's sweep reports besides the pieces. */
export interface FinalSweep {
  pieces: Pieces1D | undefined;
  activationRegions: number;
  linearRegions: number;
  /** For each stored piece, the index of its linear region (merged neighbours share one). */
  regionOf: Int32Array | undefined;
}

function grow(arr: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  if (size <= arr.length) return arr;
  const next = new Float64Array(Math.max(size, arr.length * 2));
  next.set(arr);
  return next;
}

/** The first piece: the whole domain, with z_1(x) = beta_0 + Omega_0 x. */
export function firstPieces(net: Prepared, lo: number, hi: number): Pieces1D {
  return {
    count: 1,
    edges: Float64Array.of(lo, hi),
    width: net.widths[1] as number,
    a: Float64Array.from(net.weights[0] as Float64Array),
    b: Float64Array.from(net.biases[0] as Float64Array),
    ma: Float64Array.from(net.weights[0] as Float64Array, Math.abs),
    mb: Float64Array.from(net.biases[0] as Float64Array, Math.abs),
  };
}

/**
 * Cuts `input` (pre-activations of hidden layer k, 1-based) at the units' crossings and returns the
 * pieces with the pre-activations of layer k + 1 (or, for the last hidden layer, the outputs y).
 * With `final`, it also counts linear regions; `store = false` then keeps no pieces (counting only).
 */
export function sweepLayer(
  net: Prepared,
  k: number,
  input: Pieces1D,
  tol: number,
  domainScale: number,
  final: { mapTolerance: number; store: boolean } | undefined,
  maxBytes: number,
): { pieces: Pieces1D | undefined; linearRegions: number; regionOf: Int32Array | undefined; count: number } {
  const width = input.width;
  const rows = net.widths[k + 1] as number;
  const cols = net.columns[k] as Float64Array;
  const bias = net.biases[k] as Float64Array;
  const bps = net.breakpoints;
  const m = bps.length;
  const slopes = net.slopes;
  const intercepts = net.intercepts;
  const { edges, a: inA, b: inB, ma: inMA, mb: inMB } = input;
  const store = final ? final.store : true;
  const mapTol = final ? final.mapTolerance : 0;

  const crossings = new Crossings(width * m);
  const idx = new Int32Array(width);
  const nA = new Float64Array(rows);
  const nB = new Float64Array(rows);
  const nMA = new Float64Array(rows);
  const nMB = new Float64Array(rows);
  const absA = new Float64Array(rows);
  const prevA = new Float64Array(rows);
  const prevAbs = new Float64Array(rows);

  // Largest slope any unit of this layer can reach on the domain, sum_i |w_ri| max_p |a_pi| max_j |s_j|:
  // slopes are compared relative to it, so rounding left over from earlier layers (a "zero" slope
  // of 1e-18) does not split a linear region.
  const layerScale = new Float64Array(rows);
  if (final) {
    let maxSlope = 0;
    for (let j = 0; j <= m; j++) maxSlope = Math.max(maxSlope, Math.abs(slopes[j] as number));
    for (let i = 0; i < width; i++) {
      let maxA = 0;
      for (let p = 0; p < input.count; p++) maxA = Math.max(maxA, Math.abs(inA[p * width + i] as number));
      const cb = i * rows;
      for (let r = 0; r < rows; r++) {
        layerScale[r] = (layerScale[r] as number) + Math.abs(cols[cb + r] as number) * maxA * maxSlope;
      }
    }
    for (let r = 0; r < rows; r++) {
      if (!Number.isFinite(layerScale[r])) throw nonFinite('slope scale', k + 1, r, layerScale[r] as number);
    }
  }

  /** Bytes of `pieces` pieces of this layer: edges, a, b and their magnitudes (8 bytes each). */
  const bytesFor = (pieces: number) => 8 * (pieces + 1) * (1 + 4 * rows) + (final && store ? 4 * pieces : 0);
  const label = (pieces: number) => `the ${pieces} pieces of layer ${k + 1} (${rows} values each)`;
  let cap = store ? Math.max(16, input.count * 2) : 0;
  checkMemory(bytesFor(cap), maxBytes, label(cap));
  let outEdges = new Float64Array(cap + 1);
  let outA = new Float64Array(cap * rows);
  let outB = new Float64Array(cap * rows);
  let outMA = new Float64Array(cap * rows);
  let outMB = new Float64Array(cap * rows);
  let regionOf = final && store ? new Int32Array(cap) : undefined;
  let out = 0;
  let linear = 0;

  for (let p = 0; p < input.count; p++) {
    const lo = edges[p] as number;
    const hi = edges[p + 1] as number;
    const base = p * width;
    // Crossings strictly inside (lo + delta_t, hi - delta_t), and each unit's activation piece at the start.
    crossings.count = 0;
    for (let i = 0; i < width; i++) {
      const ai = inA[base + i] as number;
      const bi = inB[base + i] as number;
      let above = 0;
      for (let j = 0; j < m; j++) {
        const bp = bps[j] as number;
        if (ai === 0) {
          if (bi >= bp) above++;
          continue;
        }
        const t = (bp - bi) / ai;
        const abs = Math.abs(ai);
        const unitScale =
          ((inMB[base + i] as number) + Math.abs(bp)) / abs +
          Math.abs(t) * ((inMA[base + i] as number) / abs);
        const delta = tol * Math.max(Math.abs(t), Math.min(domainScale, unitScale));
        const started = t <= lo + delta; // the crossing lies at or before the start of the piece
        if (ai > 0 ? started : !started) above++;
        if (!started && t < hi - delta) crossings.push(t, i, delta);
      }
      idx[i] = above;
    }
    crossings.sort();
    const { ts, us, ds } = crossings;
    const c = crossings.count;
    // Next layer's coefficients on the first sub-piece: beta_k + Omega_k (s z + c).
    nA.fill(0);
    absA.fill(0);
    nMA.fill(0);
    for (let r = 0; r < rows; r++) {
      nB[r] = bias[r] as number;
      nMB[r] = Math.abs(bias[r] as number);
    }
    for (let i = 0; i < width; i++) {
      const s = slopes[idx[i] as number] as number;
      const hA = s * (inA[base + i] as number);
      const hB = s * (inB[base + i] as number) + (intercepts[idx[i] as number] as number);
      const mA = Math.abs(s) * (inMA[base + i] as number);
      const mB = Math.abs(s) * (inMB[base + i] as number) + Math.abs(intercepts[idx[i] as number] as number);
      const cb = i * rows;
      for (let r = 0; r < rows; r++) {
        const w = cols[cb + r] as number;
        const aw = Math.abs(w);
        nA[r] = (nA[r] as number) + w * hA;
        nB[r] = (nB[r] as number) + w * hB;
        absA[r] = (absA[r] as number) + Math.abs(w * hA);
        nMA[r] = (nMA[r] as number) + aw * mA;
        nMB[r] = (nMB[r] as number) + aw * mB;
      }
    }
    let x = lo;
    let q = 0;
    for (;;) {
      // emit the sub-piece starting at x (written inline: this is the hot path)
      for (let r = 0; r < rows; r++) {
        if (!Number.isFinite((nA[r] as number) + (nB[r] as number))) {
          const bad = Number.isFinite(nA[r]) ? (nB[r] as number) : (nA[r] as number);
          throw nonFinite(final ? 'output map' : 'pre-activation', k + 1, r, bad);
        }
      }
      if (final) {
        let same = out > 0;
        for (let r = 0; r < rows && same; r++) {
          const d = Math.abs((nA[r] as number) - (prevA[r] as number));
          const scale = Math.max(absA[r] as number, prevAbs[r] as number, layerScale[r] as number);
          // d / scale, not mapTol * scale: the product would lose precision for scales near 1e-300
          if (d > 0 && !(scale > 0 && d / scale <= mapTol)) same = false;
        }
        if (!same) linear++;
        for (let r = 0; r < rows; r++) {
          prevA[r] = nA[r] as number;
          prevAbs[r] = absA[r] as number;
        }
      }
      if (store) {
        if (out + 1 > cap) {
          cap *= 2;
          checkMemory(bytesFor(cap), maxBytes, label(cap));
          outEdges = grow(outEdges, cap + 1);
          outA = grow(outA, cap * rows);
          outB = grow(outB, cap * rows);
          outMA = grow(outMA, cap * rows);
          outMB = grow(outMB, cap * rows);
          if (regionOf) {
            const next = new Int32Array(cap);
            next.set(regionOf);
            regionOf = next;
          }
        }
        outEdges[out] = x;
        const o = out * rows;
        for (let r = 0; r < rows; r++) {
          outA[o + r] = nA[r] as number;
          outB[o + r] = nB[r] as number;
          outMA[o + r] = nMA[r] as number;
          outMB[o + r] = nMB[r] as number;
        }
        if (regionOf) regionOf[out] = linear - 1;
      }
      out++;
      if (q >= c) break;
      x = ts[q] as number;
      const dx = ds[q] as number;
      // every crossing within its tolerance (or x's) of x is the same cut
      while (q < c && (ts[q] as number) - x <= Math.max(dx, ds[q] as number)) {
        const i = us[q] as number;
        const ai = inA[base + i] as number;
        const bi = inB[base + i] as number;
        const from = idx[i] as number;
        const to = ai > 0 ? from + 1 : from - 1;
        idx[i] = to;
        const ds = (slopes[to] as number) - (slopes[from] as number);
        const dA = ds * ai;
        const dB = ds * bi + (intercepts[to] as number) - (intercepts[from] as number);
        const dS = Math.abs(slopes[to] as number) - Math.abs(slopes[from] as number);
        const dAbs = dS * Math.abs(ai);
        const dMA = dS * (inMA[base + i] as number);
        const dMB =
          dS * (inMB[base + i] as number) +
          Math.abs(intercepts[to] as number) -
          Math.abs(intercepts[from] as number);
        const cb = i * rows;
        for (let r = 0; r < rows; r++) {
          const w = cols[cb + r] as number;
          const aw = Math.abs(w);
          nA[r] = (nA[r] as number) + w * dA;
          nB[r] = (nB[r] as number) + w * dB;
          absA[r] = (absA[r] as number) + aw * dAbs;
          nMA[r] = Math.max(0, (nMA[r] as number) + aw * dMA);
          nMB[r] = Math.max(0, (nMB[r] as number) + aw * dMB);
        }
        q++;
      }
    }
  }
  if (!store) return { pieces: undefined, linearRegions: linear, regionOf: undefined, count: out };
  outEdges[out] = edges[input.count] as number;
  const pieces: Pieces1D = {
    count: out,
    edges: outEdges.subarray(0, out + 1),
    width: rows,
    a: outA.subarray(0, out * rows),
    b: outB.subarray(0, out * rows),
    ma: outMA.subarray(0, out * rows),
    mb: outMB.subarray(0, out * rows),
  };
  return { pieces, linearRegions: linear, regionOf: regionOf?.subarray(0, out), count: out };
}
