/**
 * Parses C99 hexadecimal floating-point literals such as `-0x1.7cc7f79e69000p-2`, which JavaScript
 * lacks. Tables of constants copied from C sources keep their exact, auditable spelling this way.
 */

const HEX_FLOAT = /^(-?)0x([01])(?:\.([0-9a-f]{0,13}))?p([+-]?\d+)$/i;

/** The exact double written as `[-]0x1.hhhh…p±e` (at most 13 fraction digits, normal range). */
export function parseHexFloat(text: string): number {
  const m = HEX_FLOAT.exec(text);
  if (!m) throw new Error(`not a hexadecimal float: ${text}`);
  const digits = m[3] ?? '';
  // lead + fraction has at most 53 significant bits, so every step below is exact.
  const fraction = digits.length > 0 ? Number.parseInt(digits, 16) / 16 ** digits.length : 0;
  const magnitude = (Number(m[2]) + fraction) * 2 ** Number(m[4]);
  return m[1] === '-' ? -magnitude : magnitude;
}
