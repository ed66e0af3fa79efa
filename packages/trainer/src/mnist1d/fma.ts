/**
 * Fused multiply-add, `RN(a * b + c)` with a single rounding, in plain IEEE double arithmetic.
 *
 * JavaScript has no `Math.fma`, yet the C library that numpy calls (glibc on x86-64 with FMA
 * hardware) computes `log` with fused operations, so reproducing numpy bit for bit needs an exact
 * FMA. This is the rounding-to-odd emulation of Boldo and Melquiond ("Emulation of FMA and
 * correctly rounded sums: proved algorithms using rounding to odd", IEEE Trans. Computers 57(4),
 * 2008, Algorithm 5):
 *
 *   (uh, ul) = TwoProduct(a, b)        uh + ul = a * b exactly (Veltkamp/Dekker splitting)
 *   (th, tl) = TwoSum(c, uh)           th + tl = c + uh exactly (Knuth)
 *   v        = RO(tl + ul)             rounded to odd: if inexact, force the last mantissa bit to 1
 *   result   = RN(th + v)
 *
 * The result equals the correctly rounded `a * b + c` whenever no intermediate overflows or
 * underflows (|a|, |b| below about 2^996, products and error terms above 2^-969); outside that
 * domain, and for non-finite inputs, it falls back to `a * b + c` with two roundings.
 */

/** 2^27 + 1: splits a double into two halves of at most 26 significant bits each. */
const SPLITTER = 134217729;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
/** Index of the low 32-bit word of a double in `words` (0 on little-endian machines). */
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

/** `RN(a * b + c)` with one rounding (see the module comment for the algorithm and its domain). */
export function fma(a: number, b: number, c: number): number {
  const uh = a * b;
  if (!Number.isFinite(uh) || !Number.isFinite(c) || Math.abs(a) > 1e298 || Math.abs(b) > 1e298) {
    return uh + c;
  }
  // TwoProduct: ul = a * b - uh, exact.
  let s = SPLITTER * a;
  const ah = s - (s - a);
  const al = a - ah;
  s = SPLITTER * b;
  const bh = s - (s - b);
  const bl = b - bh;
  const ul = ah * bh - uh + ah * bl + al * bh + al * bl;
  // TwoSum: th + tl = c + uh, exact.
  const th = c + uh;
  const bv = th - c;
  const tl = c - (th - bv) + (uh - bv);
  return th + roundToOddSum(tl, ul);
}

/** `x + y` rounded to odd: the nearest double if exact, else the neighbour with an odd last bit. */
function roundToOddSum(x: number, y: number): number {
  const v = x + y;
  const bv = v - x;
  const err = x - (v - bv) + (y - bv);
  if (err === 0) return v;
  scratch[0] = v;
  const low = words[LOW] as number;
  if ((low & 1) === 1) return v;
  // v is even and the exact sum lies strictly between v and its neighbour towards err: that
  // neighbour is odd. Moving away from zero adds one unit in the last place to the bit pattern.
  if (err > 0 === v > 0) {
    words[LOW] = low + 1; // even low word: no carry
  } else if (low === 0) {
    words[LOW] = 0xffffffff;
    words[HIGH] = (words[HIGH] as number) - 1;
  } else {
    words[LOW] = low - 1;
  }
  return scratch[0] as number;
}
