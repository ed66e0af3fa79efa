/**
 * An independent reference for 2-D counts: the activation regions of a small ReLU network on a
 * box in exact rational arithmetic (BigInt numerators and denominators). Every double of the
 * network and the box is converted exactly, so signs are decided without any tolerance: a polygon
 * is split only where the affine function is strictly positive at one vertex and strictly
 * negative at another, hence every region found has positive area. Slow (for tests only).
 */
import type { Network } from '@deepnets/core';

/** A rational n / d with d > 0, in lowest terms. */
type Q = readonly [bigint, bigint];

const abs = (a: bigint): bigint => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y) [x, y] = [y, x % y];
  return x;
}
function q(n: bigint, d: bigint): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
}
const add = (a: Q, b: Q): Q => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const sub = (a: Q, b: Q): Q => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
const div = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);
const sign = (a: Q): number => (a[0] > 0n ? 1 : a[0] < 0n ? -1 : 0);
const ZERO: Q = [0n, 1n];

/** The exact value of a finite double. */
export function rational(x: number): Q {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  if (x === 0) return ZERO;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  const n = negative ? -mantissa : mantissa;
  return power >= 0 ? q(n << BigInt(power), 1n) : q(n, 1n << BigInt(-power));
}

type Point = readonly [Q, Q];
/** Affine map of each unit: [A, B, C] with z = A x + B y + C. */
type Maps = (readonly [Q, Q, Q])[];

const valueAt = ([A, B, C]: readonly [Q, Q, Q], [x, y]: Point): Q => add(add(mul(A, x), mul(B, y)), C);

/** The two sides of a convex polygon cut by z = 0, or undefined when z does not change sign strictly. */
function split(poly: readonly Point[], map: readonly [Q, Q, Q]): [Point[], Point[]] | undefined {
  const values = poly.map((p) => valueAt(map, p));
  const signs = values.map(sign);
  if (!signs.includes(1) || !signs.includes(-1)) return undefined;
  const above: Point[] = [];
  const below: Point[] = [];
  poly.forEach((p, k) => {
    const k1 = (k + 1) % poly.length;
    const [s, s1] = [signs[k] as number, signs[k1] as number];
    if (s >= 0) above.push(p);
    if (s <= 0) below.push(p);
    if (s * s1 < 0) {
      const t = div(values[k] as Q, sub(values[k] as Q, values[k1] as Q));
      const p1 = poly[k1] as Point;
      const cross: Point = [add(p[0], mul(t, sub(p1[0], p[0]))), add(p[1], mul(t, sub(p1[1], p[1])))];
      above.push(cross);
      below.push(cross);
    }
  });
  return [above, below];
}

/** Twice the area of a polygon (shoelace), exactly. */
function twiceArea(poly: readonly Point[]): Q {
  let s = ZERO;
  poly.forEach((p, k) => {
    const p1 = poly[(k + 1) % poly.length] as Point;
    s = add(s, sub(mul(p[0], p1[1]), mul(p1[0], p[1])));
  });
  return s;
}

/** n / d rounded to a double (both shifted into range first, so huge and tiny values survive). */
function toDouble([n, d]: Q): number {
  const shift = Math.max(abs(n).toString(2).length, d.toString(2).length) - 900;
  if (shift <= 0) return Number(n) / Number(d);
  return Number(n >> BigInt(shift)) / Number(d >> BigInt(shift));
}

/** One exact activation region: its pattern (rows joined by '|'), area and perimeter (rounded to doubles). */
export interface ExactRegion {
  pattern: string;
  area: number;
  perimeter: number;
}

/** The exact activation regions (in no particular order) of a ReLU network with two inputs on `box`. */
export function exactRegions2d(net: Network, box: readonly [number, number, number, number]): ExactRegion[] {
  const [x0, x1, y0, y1] = box.map(rational) as [Q, Q, Q, Q];
  const first = net.layers[0] as Network['layers'][0];
  let work: { poly: Point[]; maps: Maps; pattern: number[][] }[] = [
    {
      poly: [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
      ],
      maps: first.weights.map((row, i) => [
        rational(row[0] as number),
        rational(row[1] as number),
        rational(first.biases[i] as number),
      ]),
      pattern: [],
    },
  ];
  for (let k = 1; k < net.layers.length; k++) {
    const width = (net.layers[k - 1] as Network['layers'][0]).weights.length;
    for (let i = 0; i < width; i++) {
      work = work.flatMap((w) => {
        const parts = split(w.poly, w.maps[i] as readonly [Q, Q, Q]);
        return parts ? parts.map((poly) => ({ ...w, poly })) : [w];
      });
    }
    const next = net.layers[k] as Network['layers'][0];
    work = work.map((w) => {
      const n = BigInt(w.poly.length);
      const centre: Point = [
        w.poly.reduce((s, p) => add(s, p[0]), ZERO),
        w.poly.reduce((s, p) => add(s, p[1]), ZERO),
      ].map((v) => q(v[0], v[1] * n)) as unknown as Point;
      const on = w.maps.map((m) => (sign(valueAt(m, centre)) >= 0 ? 1 : 0));
      const maps: Maps = next.weights.map((row, r) => {
        let acc: [Q, Q, Q] = [ZERO, ZERO, rational(next.biases[r] as number)];
        row.forEach((weight, j) => {
          if (!on[j]) return;
          const wq = rational(weight);
          const [A, B, C] = w.maps[j] as readonly [Q, Q, Q];
          acc = [add(acc[0], mul(wq, A)), add(acc[1], mul(wq, B)), add(acc[2], mul(wq, C))];
        });
        return acc;
      });
      return { poly: w.poly, maps, pattern: [...w.pattern, on] };
    });
  }
  return work.map((w) => ({
    pattern: w.pattern.join('|'),
    area: toDouble(twiceArea(w.poly)) / 2,
    perimeter: w.poly.reduce((sum, p, k) => {
      const p1 = w.poly[(k + 1) % w.poly.length] as Point;
      return sum + Math.hypot(toDouble(sub(p1[0], p[0])), toDouble(sub(p1[1], p[1])));
    }, 0),
  }));
}
