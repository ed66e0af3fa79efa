/**
 * Natural logarithm computed exactly as glibc (>= 2.28) computes `log` on x86-64 CPUs with FMA,
 * i.e. the function numpy's legacy `randn` calls on such machines (`legacy_gauss` uses C's `log`).
 *
 * Why not `Math.log`: V8's `Math.log` (an fdlibm port) and glibc's `log` are both faithful but
 * round differently in about 7% of cases, and glibc's result is not always the correctly rounded
 * one either (about 0.1% of inputs), so the only way to get numpy's normal deviates bit for bit is
 * to run glibc's algorithm step by step.
 *
 * Algorithm (Szabolcs Nagy, Arm optimized-routines, 2018): write x = 2^k z with z in
 * [0x1.6p-1, 0x1.6p0), pick the table entry (invc ~ 1/c, logc = log c) of z's subinterval, and use
 *   log x = k ln2 + log c + log1p(r),   r = z invc - 1,  |r| < 2^-8,
 * with a degree-6 polynomial for log1p(r) - r. Inputs within [1 - 2^-4, 1 + 0x1.09p-4) use a
 * degree-12 polynomial in r = x - 1 instead, with r^2/2 split into exact halves.
 *
 * The glibc build used on FMA hardware (`__log_fma`, compiled with -mfma) contracts several
 * `a * b + c` into fused operations; the contractions below were read off the disassembly of
 * Debian glibc 2.36's libm and every one of them is reproduced with the exact `fma` emulation.
 * Operations whose product is exact (k * LN2_HI, r * 2^27, rhi^2 / 2) need no emulation.
 */

import { fma } from './fma.ts';
import { LN2_HI, LN2_LO, POLY, POLY1, TABLE } from './glibc-log-data.ts';

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

const [A0, A1, A2, A3, A4] = POLY as unknown as [number, number, number, number, number];
const B = POLY1;
/** High 32 bits of 0x3fe6000000000000 (0x1.6p-1): the start of the reduced range of z. */
const OFF_HIGH = 0x3fe60000;
/** The interval [1 - 2^-4, 1 + 0x1.09p-4) handled by the polynomial in x - 1. */
const NEAR_ONE_LO = 0.9375;
const NEAR_ONE_HI = 1.064697265625;

/** glibc's `log(x)` (x86-64 FMA build), bit for bit. */
export function glibcLog(x: number): number {
  if (x >= NEAR_ONE_LO && x < NEAR_ONE_HI) return logNearOne(x);
  scratch[0] = x;
  let high = words[HIGH] as number;
  let low = words[LOW] as number;
  if (!(x >= 2.2250738585072014e-308 && x < Number.POSITIVE_INFINITY)) {
    if (x === 0) return Number.NEGATIVE_INFINITY;
    if (x === Number.POSITIVE_INFINITY) return x;
    if (!(x > 0)) return Number.NaN;
    // Subnormal: scale into the normal range and take the 52 back out of the exponent field.
    scratch[0] = x * 2 ** 52;
    high = ((words[HIGH] as number) - (52 << 20)) | 0;
    low = words[LOW] as number;
  }
  const tmpHigh = (high - OFF_HIGH) | 0;
  const i = (tmpHigh >>> 13) & 0x7f;
  const k = tmpHigh >> 20;
  words[HIGH] = (high - (tmpHigh & 0xfff00000)) | 0;
  words[LOW] = low;
  const z = scratch[0] as number;
  const invc = TABLE[2 * i] as number;
  const logc = TABLE[2 * i + 1] as number;

  const r = reducedArgument(z, invc);
  const w = k * LN2_HI + logc; // k * LN2_HI is exact, so this is glibc's fma(k, LN2_HI, logc)
  const hi = w + r;
  const lo = fma(k, LN2_LO, w - hi + r);
  const r2 = r * r;
  const r3 = r * r2;
  const p1 = fma(r, A2, A1);
  const p2 = fma(r, A4, A3);
  const s = fma(r2, A0, lo);
  const p = fma(p2, r2, p1);
  return fma(r3, p, s) + hi;
}

/**
 * glibc's `fma(z, invc, -1)`. Here z * invc lies within 2^-8 of 1, so with the exact split
 * z * invc = p + e (Dekker's TwoProduct), p - 1 is exact (Sterbenz) and RN((p - 1) + e) is the
 * correctly rounded z * invc - 1: a cheaper route to the same fused result.
 */
function reducedArgument(z: number, invc: number): number {
  const p = z * invc;
  let s = 134217729 * z;
  const zh = s - (s - z);
  const zl = z - zh;
  s = 134217729 * invc;
  const ch = s - (s - invc);
  const cl = invc - ch;
  const e = zh * ch - p + zh * cl + zl * ch + zl * cl;
  return p - 1 + e;
}

/** The branch for x close to 1 (degree-12 polynomial, r^2/2 computed in two exact parts). */
function logNearOne(x: number): number {
  if (x === 1) return 0;
  const b = (j: number): number => B[j] as number;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const a1 = fma(r2, b(3), fma(r, b(2), b(1)));
  const a2 = fma(r2, b(6), fma(r, b(5), b(4)));
  const a3 = fma(r3, b(10), fma(r2, b(9), fma(r, b(8), b(7))));
  const q = fma(fma(a3, r3, a2), r3, a1);
  const w = r * 134217728; // 2^27, exact
  const rhi = r + w - w;
  const rlo = r - rhi;
  const half = rhi * rhi * b(0); // exact: rhi has at most 26 significant bits, b(0) = -1/2
  const hi = r + half;
  const lo = fma(b(0) * rlo, r + rhi, r - hi + half);
  return hi + fma(q, r3, lo);
}
