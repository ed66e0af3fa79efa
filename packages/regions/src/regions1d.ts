/**
 * Exact linear regions of a network with one input (D_i = 1), on an interval or the whole line.
 *
 * The network f(x) = beta_K + Omega_K h_K with h_k = a[beta_{k-1} + Omega_{k-1} h_{k-1}] is affine
 * on each piece between consecutive breakpoints. An *activation region* is a maximal interval on
 * which every hidden unit stays on one piece of a[.] (one activation pattern); a *linear region*
 * is a maximal interval on which f is one affine map (neighbouring activation regions with equal
 * slopes merged; f is continuous, so equal slopes mean equal maps).
 */
import { type Network, throwIfAborted } from '@deepnets/core';
import { RegionsError } from './errors.ts';
import {
  checkMaxBytes,
  checkTolerance,
  DEFAULT_TOLERANCE,
  type EnumerationOptions,
  MAP_TOLERANCE,
  type Prepared,
  prepare,
} from './prepare.ts';
import { firstPieces, type Pieces1D, sweepLayer } from './sweep1d.ts';

export interface Regions1DOptions extends EnumerationOptions {
  /** The interval [lo, hi] (default [-1, 1]); `[-Infinity, Infinity]` is the whole real line. */
  domain?: readonly [number, number];
}

/** Region counts of a network on a domain. */
export interface RegionCounts {
  /** Distinct activation patterns (each is one convex set, so: pieces cut by breakpoints). */
  activationRegions: number;
  /** Maximal connected sets on which f is one affine map. */
  linearRegions: number;
}

/** All pieces of a network with one input; plain data (typed arrays), safe to post to a worker. */
export interface Regions1D extends RegionCounts {
  inputs: 1;
  /** D_o. */
  outputs: number;
  domain: [number, number];
  /** x_0 = lo < x_1 < ... < x_n = hi; activation region p is [x_p, x_{p+1}]. */
  edges: Float64Array;
  /** The interior edges x_1 .. x_{n-1}: where some unit changes its activation piece. */
  breakpoints: Float64Array;
  /** dy_o/dx on region p at index p * D_o + o. */
  slopes: Float64Array;
  /** y_o = slope x + intercept on region p, at index p * D_o + o. */
  intercepts: Float64Array;
  /** For each activation region, the index of the linear region that contains it. */
  linearRegionOf: Int32Array;
}

function checkDomain(domain: readonly [number, number]): [number, number] {
  const [lo, hi] = Array.isArray(domain) ? domain : [];
  if (typeof lo !== 'number' || typeof hi !== 'number' || domain.length !== 2) {
    throw new RegionsError('OUT_OF_RANGE', 'must be an interval [lo, hi] of two numbers', 'domain');
  }
  if (!(lo < hi) || Number.isNaN(lo) || Number.isNaN(hi) || lo === Infinity || hi === -Infinity) {
    throw new RegionsError(
      'OUT_OF_RANGE',
      `must be an interval [lo, hi] with lo < hi, got [${lo}, ${hi}]`,
      'domain',
    );
  }
  return [lo, hi];
}

function sweep(
  net: Prepared,
  domain: [number, number],
  options: Regions1DOptions,
  store: boolean,
): ReturnType<typeof sweepLayer> {
  const tol = checkTolerance(options.tolerance, DEFAULT_TOLERANCE, 'tolerance');
  const mapTolerance = checkTolerance(options.mapTolerance, MAP_TOLERANCE, 'mapTolerance');
  const maxBytes = checkMaxBytes(options.maxBytes);
  const hidden = net.widths.length - 2;
  const [lo, hi] = domain;
  const domainScale = Number.isFinite(lo) && Number.isFinite(hi) ? Math.max(Math.abs(lo), Math.abs(hi)) : 1;
  let pieces: Pieces1D = firstPieces(net, domain[0], domain[1]);
  if (hidden === 0) {
    return { pieces, linearRegions: 1, regionOf: Int32Array.of(0), count: 1 };
  }
  for (let k = 1; k < hidden; k++) {
    throwIfAborted(options.signal);
    pieces = sweepLayer(net, k, pieces, tol, domainScale, undefined, maxBytes).pieces as Pieces1D;
    options.onProgress?.({ layer: k, layers: hidden, regions: pieces.count });
  }
  throwIfAborted(options.signal);
  const result = sweepLayer(net, hidden, pieces, tol, domainScale, { mapTolerance, store }, maxBytes);
  options.onProgress?.({ layer: hidden, layers: hidden, regions: result.count });
  return result;
}

/**
 * Every activation region of `net` (D_i = 1) on `options.domain` (default [-1, 1]) with its affine
 * map, exactly (up to the numerical policy of the README), plus both region counts.
 * Memory grows with the regions of one layer; `countRegions1d` keeps none of the last layer.
 */
export function regions1d(net: Network, options: Regions1DOptions = {}): Regions1D {
  const domain = checkDomain(options.domain ?? [-1, 1]);
  const prepared = prepare(net, 1);
  const { pieces, linearRegions, regionOf, count } = sweep(prepared, domain, options, true);
  const p = pieces as Pieces1D;
  return {
    inputs: 1,
    outputs: p.width,
    domain,
    edges: p.edges,
    breakpoints: p.edges.subarray(1, count),
    slopes: p.a,
    intercepts: p.b,
    activationRegions: count,
    linearRegions,
    linearRegionOf: regionOf as Int32Array,
  };
}

/** The two region counts of `net` (D_i = 1) on a domain, without storing the last layer's pieces. */
export function countRegions1d(net: Network, options: Regions1DOptions = {}): RegionCounts {
  const domain = checkDomain(options.domain ?? [-1, 1]);
  const { linearRegions, count } = sweep(prepare(net, 1), domain, options, false);
  return { activationRegions: count, linearRegions };
}
