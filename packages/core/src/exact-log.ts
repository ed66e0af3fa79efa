/**
 * ln(x) from IEEE-754 +, -, *, / only (each correctly rounded), so that it gives the same bits
 * in every JavaScript engine; `Math.log` may differ in the last bit between engines. Used by the
 * RNG's normal(), which must give the same stream in Node, browsers and workers.
 */

const LN2_HI = 0.6931471803691238; // ln 2 split into a head with few bits and a tail,
const LN2_LO = 1.9082149292705877e-10; // so that e * LN2_HI is exact for |e| < 2^20

/** ln(x) for finite x > 0, within about 1 ulp of the true value. */
export function portableLog(x: number): number {
  let m = x;
  let e = 0;
  // Scale m into [sqrt(1/2), sqrt(2)) by exact powers of two.
  while (m >= Math.SQRT2) {
    m *= 0.5;
    e++;
  }
  while (m < Math.SQRT1_2) {
    m *= 2;
    e--;
  }
  // ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m - 1)/(m + 1), |s| < 0.172.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let k = 1; k <= 41; k += 2) {
    sum += term / k;
    term *= s2;
  }
  return e * LN2_HI + (2 * sum + e * LN2_LO);
}
