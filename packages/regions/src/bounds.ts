/**
 * Bounds on the number of linear regions of ReLU networks, as exact integers (BigInt).
 * D_i inputs, K hidden layers of width D (or widths D_1..D_K).
 */
import { parametersForWidths } from '@deepnets/core';
import { checkHiddenUnits } from './bounds-limits.ts';
import { checkInteger } from './errors.ts';

/** The binomial coefficient C(n, k) (0 when k > n). */
export function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  const kk = Math.min(k, n - k);
  for (let j = 1; j <= kk; j++) result = (result * BigInt(n - kk + j)) / BigInt(j);
  return result;
}

/**
 * Zaslavsky (1975): D hyperplanes in general position cut R^{D_i} into sum_{j=0}^{D_i} C(D, j)
 * regions, the maximum for a shallow network with D_i inputs and D hidden units.
 */
export function zaslavsky(inputs: number, width: number): bigint {
  checkInteger(inputs, 1, 'inputs');
  checkInteger(width, 0, 'width');
  checkHiddenUnits(width, 'width');
  let term = 1n;
  let sum = 1n;
  for (let j = 1; j <= Math.min(inputs, width); j++) {
    term = (term * BigInt(width - j + 1)) / BigInt(j);
    sum += term;
  }
  return sum;
}

/**
 * The book's maximum for a deep network (UDL eq. 4.17; Serra et al. 2018's lower bound):
 * (D/D_i + 1)^{D_i (K - 1)} * sum_{j <= D_i} C(D, j), with D/D_i rounded down when D_i does not divide D.
 */
export function udlMaxRegions(o: { inputs: number; width: number; layers: number }): bigint {
  checkInteger(o.layers, 1, 'layers');
  checkInteger(o.inputs, 1, 'inputs');
  checkHiddenUnits(o.width * o.layers, 'layers');
  const fold = BigInt(Math.floor(o.width / o.inputs) + 1);
  return fold ** BigInt(o.inputs * (o.layers - 1)) * zaslavsky(o.inputs, o.width);
}

/**
 * Serra, Tjandraatmadja and Ramalingam (2018), Theorem 1: at most
 * sum over (j_1..j_K) in J of prod_l C(D_l, j_l), J = { 0 <= j_l <= min(D_i, D_1 - j_1, ..., D_{l-1} - j_{l-1}, D_l) }.
 *
 * Computed by dynamic programming over the recurrence instead of enumerating J: with
 * f_{K+1}(c) = 1 and f_l(c) = sum_{j <= min(c, D_l)} C(D_l, j) f_{l+1}(min(c, D_l - j)), the bound is
 * f_1(D_i). The terms with j <= D_l - c all carry f_{l+1}(c); the others are a prefix sum of
 * C(D_l, m) f_{l+1}(m), so each layer costs O(D_l + C) big-integer operations, C = min(D_i, max D_l).
 */
export function serraUpper(o: { inputs: number; widths: readonly number[] }): bigint {
  checkInteger(o.inputs, 1, 'inputs');
  for (const [l, w] of o.widths.entries()) checkInteger(w, 1, `widths[${l}]`);
  checkHiddenUnits(
    o.widths.reduce((s, w) => s + w, 0),
    'widths',
  );
  const cap = Math.min(o.inputs, Math.max(0, ...o.widths));
  let f: bigint[] = Array.from({ length: cap + 1 }, () => 1n);
  for (let l = o.widths.length - 1; l >= 0; l--) f = serraLayer(o.widths[l] as number, f);
  return f[cap] as bigint;
}

/** One step of the recurrence: f_l from g = f_{l+1} for a layer of width n, over caps c = 0..C. */
function serraLayer(n: number, g: readonly bigint[]): bigint[] {
  const top = g.length - 1;
  const rowLength = Math.min(n, top) + 1;
  const row: bigint[] = [1n];
  for (let j = 1; j < rowLength; j++) row.push(((row[j - 1] as bigint) * BigInt(n - j + 1)) / BigInt(j));
  // P[m] = sum_{j <= m} C(n, j); Q[m] = sum_{i <= m} C(n, i) g(i).
  const P: bigint[] = [];
  const Q: bigint[] = [];
  for (let m = 0; m < rowLength; m++) {
    P.push((P[m - 1] ?? 0n) + (row[m] as bigint));
    Q.push((Q[m - 1] ?? 0n) + (row[m] as bigint) * (g[m] as bigint));
  }
  return g.map((gc, c) => {
    // j in [0, min(c, n - c)]: the next cap stays c.
    const sameCap = n - c >= 0 ? gc * (P[Math.min(c, n - c)] as bigint) : 0n;
    // j in [max(0, n - c + 1), min(c, n)]: the next cap is m = n - j, m in [max(n - c, 0), min(c - 1, n)].
    const lo = Math.max(n - c, 0);
    const hi = Math.min(c - 1, n);
    const shrunk = lo > hi ? 0n : (Q[hi] as bigint) - (lo > 0 ? (Q[lo - 1] as bigint) : 0n);
    return sameCap + shrunk;
  });
}

/**
 * Serra et al. (2018)'s lower bound for widths D_1..D_K >= D_i:
 * prod_{l < K} (floor(D_l / D_i) + 1)^{D_i} * sum_{j <= D_i} C(D_K, j). Equals eq. 4.17 for equal widths.
 */
export function serraLower(o: { inputs: number; widths: readonly number[] }): bigint {
  checkInteger(o.inputs, 1, 'inputs');
  for (const [l, w] of o.widths.entries()) checkInteger(w, o.inputs, `widths[${l}]`);
  checkHiddenUnits(
    o.widths.reduce((s, w) => s + w, 0),
    'widths',
  );
  let product = 1n;
  for (const w of o.widths.slice(0, -1)) product *= BigInt(Math.floor(w / o.inputs) + 1) ** BigInt(o.inputs);
  return product * zaslavsky(o.inputs, o.widths[o.widths.length - 1] as number);
}

/**
 * Montufar, Pascanu, Cho and Bengio (2014), lower bound for K layers of width D >= D_i:
 * floor(D / D_i)^{D_i (K - 1)} * sum_{j <= D_i} C(D, j).
 */
export function montufarLower(o: { inputs: number; width: number; layers: number }): bigint {
  checkInteger(o.layers, 1, 'layers');
  checkInteger(o.width, o.inputs, 'width');
  checkHiddenUnits(o.width * o.layers, 'layers');
  return (
    BigInt(Math.floor(o.width / o.inputs)) ** BigInt(o.inputs * (o.layers - 1)) * zaslavsky(o.inputs, o.width)
  );
}

/** The trivial bound 2^(hidden units): every unit on or off. */
export function trivialUpper(hiddenUnits: number): bigint {
  checkInteger(hiddenUnits, 0, 'hiddenUnits');
  checkHiddenUnits(hiddenUnits, 'hiddenUnits');
  return 2n ** BigInt(hiddenUnits);
}

/** All bounds for D_i inputs, K layers of width D and D_o outputs (default 1). */
export interface RegionBounds {
  parameters: number;
  /** Zaslavsky's shallow maximum (only for K = 1). */
  zaslavsky: bigint | undefined;
  udl: bigint;
  serraLower: bigint;
  serraUpper: bigint;
  montufarLower: bigint | undefined;
  trivial: bigint;
}

export function regionBounds(o: {
  inputs: number;
  width: number;
  layers: number;
  outputs?: number;
}): RegionBounds {
  checkInteger(o.inputs, 1, 'inputs');
  checkInteger(o.width, 1, 'width');
  checkInteger(o.layers, 1, 'layers');
  checkHiddenUnits(o.width * o.layers, 'layers');
  const widths = Array.from({ length: o.layers }, () => o.width);
  return {
    parameters: parametersForWidths([o.inputs, ...widths, o.outputs ?? 1]),
    zaslavsky: o.layers === 1 ? zaslavsky(o.inputs, o.width) : undefined,
    udl: udlMaxRegions(o),
    serraLower: o.width >= o.inputs ? serraLower({ inputs: o.inputs, widths }) : udlMaxRegions(o),
    serraUpper: serraUpper({ inputs: o.inputs, widths }),
    montufarLower: o.width >= o.inputs ? montufarLower(o) : undefined,
    trivial: trivialUpper(o.width * o.layers),
  };
}

/** One point of Figure 4.7: K layers of width D, its parameter count and the maximum regions. */
export interface Figure47Point {
  layers: number;
  width: number;
  parameters: number;
  regions: bigint;
  log10Regions: number;
}

/**
 * The data of the book's Figure 4.7: maximum regions (eq. 4.17) against parameters for
 * K = 1..5 and widths D = step, 2 step, ..., maxWidth (D_i = 1: step 1 up to 20; D_i = 10: step 10 up to 100).
 */
export function figure47Data(
  inputs: number,
  o: { maxLayers?: number; maxWidth?: number; step?: number } = {},
): Figure47Point[] {
  checkInteger(inputs, 1, 'inputs');
  const step = o.step ?? inputs;
  const maxWidth = o.maxWidth ?? 20 * step;
  const points: Figure47Point[] = [];
  for (let layers = 1; layers <= (o.maxLayers ?? 5); layers++) {
    for (let width = step; width <= maxWidth; width += step) {
      const regions = udlMaxRegions({ inputs, width, layers });
      const text = regions.toString();
      const log10Regions = text.length - 1 + Math.log10(Number(`0.${text.slice(0, 17)}`) * 10);
      points.push({
        layers,
        width,
        parameters: parametersForWidths([inputs, ...Array(layers).fill(width), 1]),
        regions,
        log10Regions,
      });
    }
  }
  return points;
}
