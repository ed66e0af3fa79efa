/**
 * Small LaTeX building blocks for `toLatex`: numbers, column vectors, matrices, affine sums.
 */

/**
 * `v` rounded to `digits` significant digits, without trailing zeros; a tiny or huge value is
 * written as `m\times10^{e}`. With 17 digits the printed value reads back as exactly `v`.
 */
export function latexNumber(v: number, digits: number): string {
  if (v === 0) return '0';
  const rounded = Number(v.toPrecision(digits));
  const text = String(rounded);
  const match = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (!match) return text;
  return `${match[1]}\\times10^{${Number(match[2])}}`;
}

/** A subscript from indices: `{10}` for (1, 0), `{12,3}` once any index has two digits. */
export function sub(...indices: number[]): string {
  const sep = indices.some((i) => i > 9) ? ',' : '';
  return `_{${indices.join(sep)}}`;
}

/**
 * A subscript that names a layer first, then indices within it, always with a comma after the
 * layer: `{0,1}` for beta_{0,1}, `{2,13}` for omega_{2,13} (`{2,12,3}` once an index has two digits).
 */
export function layerSub(k: number, ...indices: number[]): string {
  const sep = indices.some((i) => i > 9) ? ',' : '';
  return `_{${k},${indices.join(sep)}}`;
}

/** A column: a plain symbol for one entry, else a bmatrix. */
export function column(entries: readonly string[]): string {
  return entries.length === 1
    ? (entries[0] as string)
    : `\\begin{bmatrix} ${entries.join(' \\\\ ')} \\end{bmatrix}`;
}

/** A matrix as a bmatrix (a plain symbol for 1 x 1). */
export function matrix(rows: readonly (readonly string[])[]): string {
  if (rows.length === 1 && rows[0]?.length === 1) return rows[0][0] as string;
  return `\\begin{bmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

/**
 * c_0 + c_1 v_1 + ... + c_n v_n. Numeric coefficients (`numeric`) are signed into the sum
 * (`0.5 - 2h_{1}`); symbolic ones are joined with `+` as in the lecture.
 */
export function affineSum(
  coefficients: readonly string[],
  variables: readonly string[],
  numeric: boolean,
): string {
  let out = coefficients[0] as string;
  variables.forEach((v, j) => {
    const c = coefficients[j + 1] as string;
    if (numeric && c.startsWith('-')) out += ` - ${c.slice(1)}${v}`;
    else out += ` + ${c}${v}`;
  });
  return out;
}

/** Lines `lhs = rhs` aligned at the equals sign. */
export function aligned(lines: readonly [string, string][]): string {
  return `\\begin{aligned} ${lines.map(([l, r]) => `${l} &= ${r}`).join(' \\\\ ')} \\end{aligned}`;
}
