/**
 * Exact region counts are BigInt (they pass 2^53 quickly: 10 inputs, 5 layers of 100 units give
 * about 10^55). These helpers take log10 without going through a float that would overflow, and
 * print the exact integer with thousands separators.
 */

/** log10(n) for n >= 1, to about 15 significant digits (from the decimal digits, not Number(n)). */
export function log10Big(n: bigint): number {
  if (n <= 0n) return Number.NEGATIVE_INFINITY;
  const text = n.toString();
  const head = Number(`${text.slice(0, 1)}.${text.slice(1, 17) || '0'}`);
  return text.length - 1 + Math.log10(head);
}

/** 161051n -> "161,051". */
export function formatBig(n: bigint | number): string {
  const text = (typeof n === 'bigint' ? n : BigInt(Math.round(n))).toString();
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/** Short form for big numbers: "161,051" up to 10^9, "1.9 × 10^13" above (Unicode superscripts). */
export function shortBig(n: bigint | number): string {
  const big = typeof n === 'bigint' ? n : BigInt(Math.round(n));
  if (big < 1_000_000_000n) return formatBig(big);
  const log = log10Big(big);
  const exponent = Math.floor(log);
  const mantissa = 10 ** (log - exponent);
  return `${mantissa.toFixed(2)} × 10${superscript(exponent)}`;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 13 -> "¹³", -2 -> "⁻²". */
export function superscript(n: number): string {
  return [...String(n)].map((c) => (c === '-' ? '⁻' : (SUPERSCRIPT[Number(c)] ?? c))).join('');
}
