/**
 * Exact linear regions of a network with two inputs on a box, as convex polygons.
 *
 * On a polygon where all earlier units keep their activation pieces, each pre-activation of
 * hidden layer k is affine, z_i(x, y) = A_i x + B_i y + C_i, so unit i changes piece along the
 * straight line z_i = b_j (a breakpoint of a[.]). The box is cut one neuron at a time: every
 * polygon crossed by the line is split in two (a convex polygon cut by a line gives two convex
 * polygons), and the chord is recorded as a boundary segment of layer k. After layer k each
 * polygon has one activation pattern, so h_k = s z + c is affine and beta_k + Omega_k h_k gives
 * the next layer's lines.
 */
import { type Network, throwIfAborted } from '@deepnets/core';
import { nonFinite, RegionsError } from './errors.ts';
import { mergePolygons } from './merge2d.ts';
import { boxPolygon, centroid, type EdgePolygon, splitPolygon } from './polygon.ts';

/** The relative tolerance of the cuts and the box's scale max(|x0|, |x1|, |y0|, |y1|). */
interface Geometry {
  tol: number;
  scale: number;
}

import {
  checkMaxBytes,
  checkMemory,
  checkTolerance,
  DEFAULT_TOLERANCE,
  type EnumerationOptions,
  MAP_TOLERANCE,
  type Prepared,
  pieceOf,
  prepare,
} from './prepare.ts';
import type { RegionCounts } from './regions1d.ts';

export interface Regions2DOptions extends EnumerationOptions {
  /** The box [x0, x1, y0, y1] (default [-1, 1, -1, 1]). */
  box?: readonly [number, number, number, number];
}

/** One activation region: a convex polygon on which y_o = dx[o] x + dy[o] y + c[o]. */
export interface Polygon2D {
  /** Counter-clockwise vertices [x0, y0, x1, y1, ...]. */
  vertices: Float64Array;
  dx: number[];
  dy: number[];
  c: number[];
  /** pattern[k - 1][i] = piece of a[.] of unit i of hidden layer k (ReLU: 0 off, 1 on). */
  pattern: number[][];
}

/** Where the units of hidden layer `layer` (1-based) change piece: segments [x0, y0, x1, y1]. */
export interface LayerBoundary {
  layer: number;
  segments: Float64Array;
  /** The unit that made each segment. */
  units: Int32Array;
}

/** All polygons of a 2-input network on a box; plain data, safe to post to a worker. */
export interface Regions2D extends RegionCounts {
  inputs: 2;
  outputs: number;
  box: [number, number, number, number];
  polygons: Polygon2D[];
  boundaries: LayerBoundary[];
  /** For each polygon, the index of its linear region (connected, one affine map). */
  linearRegionOf: Int32Array;
}

interface Work extends EdgePolygon {
  /** Pre-activations of the current layer: [A_i, B_i, C_i] at 3 i. */
  z: Float64Array;
  /** Sums of magnitudes of the terms summed into A_i, B_i and C_i (the scale of their rounding). */
  m: Float64Array;
  pattern: number[][];
  /** Output magnitudes sum_i |Omega_K[o][i] dh_i/dx| (and d/dy), the scale for comparing maps. */
  scale?: Float64Array;
}

function checkBox(box: readonly [number, number, number, number]): [number, number, number, number] {
  const [x0, x1, y0, y1] = box;
  if (!(x0 < x1 && y0 < y1) || ![x0, x1, y0, y1].every(Number.isFinite)) {
    throw new RegionsError(
      'OUT_OF_RANGE',
      `must be a finite box [x0, x1, y0, y1] with x0 < x1 and y0 < y1, got [${box.join(', ')}]`,
      'box',
    );
  }
  return [x0, x1, y0, y1];
}

/**
 * Cuts every polygon by unit i's lines; returns the new list and records the chords. A vertex is
 * on the line z_i = b_j when |z_i - b_j| <= tol max(T, min(S |grad z_i|, M)): T = |A x| + |B y| + |C|
 * the terms at the vertex, M the same with the magnitudes summed into A, B and C (their rounding),
 * S the box's scale. Relative, so the box's size alone never merges distinct lines.
 */
function cutByUnit(
  net: Prepared,
  polys: Work[],
  k: number,
  i: number,
  g: Geometry,
  seg: number[],
  units: number[],
): Work[] {
  let current = polys;
  let values = new Float64Array(16);
  let tolerances = new Float64Array(16);
  for (const bp of net.breakpoints) {
    const next: Work[] = [];
    for (const poly of current) {
      const A = poly.z[3 * i] as number;
      const B = poly.z[3 * i + 1] as number;
      const C = (poly.z[3 * i + 2] as number) - bp;
      const mA = poly.m[3 * i] as number;
      const mB = poly.m[3 * i + 1] as number;
      const mC = (poly.m[3 * i + 2] as number) + Math.abs(bp);
      const floor = g.scale * Math.hypot(A, B);
      const n = poly.verts.length / 2;
      if (values.length < n) {
        values = new Float64Array(2 * n);
        tolerances = new Float64Array(2 * n);
      }
      let pos = false;
      let neg = false;
      for (let v = 0; v < n; v++) {
        const x = poly.verts[2 * v] as number;
        const y = poly.verts[2 * v + 1] as number;
        const value = A * x + B * y + C;
        if (!Number.isFinite(value)) throw nonFinite('pre-activation (at a vertex)', k, i, value);
        const terms = Math.abs(A * x) + Math.abs(B * y) + Math.abs(C);
        const magnitude = mA * Math.abs(x) + mB * Math.abs(y) + mC;
        const tol = g.tol * Math.max(terms, Math.min(floor, magnitude));
        values[v] = value;
        tolerances[v] = tol;
        if (value > tol) pos = true;
        else if (value < -tol) neg = true;
      }
      const split = pos && neg ? splitPolygon(poly, values, tolerances, [A, B, C]) : undefined;
      if (!split) {
        next.push(poly);
        continue;
      }
      const { z, m, pattern } = poly;
      next.push(
        { verts: split.above.verts, lines: split.above.lines, z, m, pattern },
        { verts: split.below.verts, lines: split.below.lines, z, m, pattern },
      );
      seg.push(...split.chord);
      units.push(i);
    }
    current = next;
  }
  return current;
}

/** Fixes each polygon's pattern for layer k and computes the next layer's pre-activations. */
/**
 * Moves a polygon through layer k: fixes each unit's activation piece at the polygon's centroid
 * and composes the affine maps. `withScale` (last layer only) also sums the magnitudes that the
 * linear-region merge compares against. `h` is scratch space for the layer's activations h_k.
 */
function advance(
  net: Prepared,
  k: number,
  poly: Work,
  withScale: boolean,
  h: Float64Array,
  hm: Float64Array,
): Work {
  const width = net.widths[k] as number;
  const rows = net.widths[k + 1] as number;
  const w = net.weights[k] as Float64Array;
  const bias = net.biases[k] as Float64Array;
  const [cx, cy] = centroid(poly.verts);
  const layer: number[] = [];
  for (let i = 0; i < width; i++) {
    const A = poly.z[3 * i] as number;
    const B = poly.z[3 * i + 1] as number;
    const j = pieceOf(net.breakpoints, A * cx + B * cy + (poly.z[3 * i + 2] as number));
    layer.push(j);
    const s = net.slopes[j] as number;
    h[3 * i] = s * A;
    h[3 * i + 1] = s * B;
    h[3 * i + 2] = s * (poly.z[3 * i + 2] as number) + (net.intercepts[j] as number);
    const as = Math.abs(s);
    hm[3 * i] = as * (poly.m[3 * i] as number);
    hm[3 * i + 1] = as * (poly.m[3 * i + 1] as number);
    hm[3 * i + 2] = as * (poly.m[3 * i + 2] as number) + Math.abs(net.intercepts[j] as number);
  }
  const z = new Float64Array(3 * rows);
  const m = new Float64Array(3 * rows);
  for (let r = 0; r < rows; r++) {
    let a = 0;
    let b = 0;
    let c = bias[r] as number;
    let ma = 0;
    let mb = 0;
    let mc = Math.abs(c);
    for (let i = 0; i < width; i++) {
      const wi = w[r * width + i] as number;
      const aw = Math.abs(wi);
      a += wi * (h[3 * i] as number);
      b += wi * (h[3 * i + 1] as number);
      c += wi * (h[3 * i + 2] as number);
      ma += aw * (hm[3 * i] as number);
      mb += aw * (hm[3 * i + 1] as number);
      mc += aw * (hm[3 * i + 2] as number);
    }
    m[3 * r] = ma;
    m[3 * r + 1] = mb;
    m[3 * r + 2] = mc;
    if (!Number.isFinite(a + b + c))
      throw nonFinite('pre-activation', k + 1, r, Number.isFinite(a + b) ? c : a + b);
    z[3 * r] = a;
    z[3 * r + 1] = b;
    z[3 * r + 2] = c;
  }
  const pattern = [...poly.pattern, layer];
  if (!withScale) return { verts: poly.verts, lines: poly.lines, z, m, pattern };
  const scale = new Float64Array(2 * rows);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < width; i++) {
      const wi = w[r * width + i] as number;
      scale[2 * r] = (scale[2 * r] as number) + Math.abs(wi * (h[3 * i] as number));
      scale[2 * r + 1] = (scale[2 * r + 1] as number) + Math.abs(wi * (h[3 * i + 1] as number));
    }
    if (!Number.isFinite((scale[2 * r] as number) + (scale[2 * r + 1] as number))) {
      throw nonFinite('slope scale', k + 1, r, Infinity);
    }
  }
  return { verts: poly.verts, lines: poly.lines, z, m, pattern, scale };
}

/**
 * Every activation region of `net` (D_i = 2) on `options.box` (default [-1, 1]^2) as a convex
 * polygon with its affine map and pattern, the boundary segments of each hidden layer, and both
 * region counts (linear regions: adjacent polygons with equal maps merged).
 */
export function regions2d(net: Network, options: Regions2DOptions = {}): Regions2D {
  const box = checkBox(options.box ?? [-1, 1, -1, 1]);
  const tol = checkTolerance(options.tolerance, DEFAULT_TOLERANCE, 'tolerance');
  const mapTolerance = checkTolerance(options.mapTolerance, MAP_TOLERANCE, 'mapTolerance');
  const maxBytes = checkMaxBytes(options.maxBytes);
  const p = prepare(net, 2);
  // An estimate per polygon: object and vertices (~300 B), the next layer's lines, the pattern so far.
  const units = p.widths.slice(1, -1).reduce((s, w) => s + w, 0);
  const polygonBytes = 300 + 24 * Math.max(...p.widths.slice(1)) + 8 * units;
  const [x0, x1, y0, y1] = box;
  const geometry: Geometry = { tol, scale: Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1)) };
  const w0 = p.weights[0] as Float64Array;
  const z0 = new Float64Array(3 * (p.widths[1] as number));
  for (let i = 0; i < (p.widths[1] as number); i++) {
    z0[3 * i] = w0[2 * i] as number;
    z0[3 * i + 1] = w0[2 * i + 1] as number;
    z0[3 * i + 2] = (p.biases[0] as Float64Array)[i] as number;
  }
  let polys: Work[] = [{ ...boxPolygon(x0, x1, y0, y1), z: z0, m: z0.map(Math.abs), pattern: [] }];
  const hidden = p.widths.length - 2;
  const boundaries: LayerBoundary[] = [];
  for (let k = 1; k <= hidden; k++) {
    throwIfAborted(options.signal);
    const seg: number[] = [];
    const unitsOf: number[] = [];
    for (let i = 0; i < (p.widths[k] as number); i++) {
      // a unit's m parallel lines cut each polygon into at most m + 1 (checked before the cut allocates)
      const next = polys.length * (p.breakpoints.length + 1);
      checkMemory(next * polygonBytes, maxBytes, `up to ${next} polygons after unit ${i} of layer ${k}`);
      polys = cutByUnit(p, polys, k, i, geometry, seg, unitsOf);
    }
    const scratch = new Float64Array(3 * (p.widths[k] as number));
    const scratchM = new Float64Array(3 * (p.widths[k] as number));
    polys = polys.map((poly) => advance(p, k, poly, k === hidden, scratch, scratchM));
    boundaries.push({ layer: k, segments: Float64Array.from(seg), units: Int32Array.from(unitsOf) });
    options.onProgress?.({ layer: k, layers: hidden, regions: polys.length });
  }
  const outputs = p.widths[hidden + 1] as number;
  const polygons: Polygon2D[] = polys.map((poly) => {
    const z = poly.z;
    const dx: number[] = [];
    const dy: number[] = [];
    const c: number[] = [];
    for (let r = 0; r < outputs; r++) {
      dx.push(z[3 * r] as number);
      dy.push(z[3 * r + 1] as number);
      c.push(z[3 * r + 2] as number);
    }
    return { vertices: poly.verts, dx, dy, c, pattern: poly.pattern };
  });
  const scales = polys.map((poly) => poly.scale ?? new Float64Array(2 * outputs));
  const { regionOf, count } = mergePolygons(polygons, scales, mapTolerance, tol);
  return {
    inputs: 2,
    outputs,
    box,
    polygons,
    boundaries,
    activationRegions: polygons.length,
    linearRegions: count,
    linearRegionOf: regionOf,
  };
}

/** The two region counts of `regions2d` (linear and activation regions), for callers that need no polygons. */
export function countRegions2d(net: Network, options: Regions2DOptions = {}): RegionCounts {
  const { activationRegions, linearRegions } = regions2d(net, options);
  return { activationRegions, linearRegions };
}
