/** Counted nouns for widget text: `count(1, 'unit')` is "1 unit", `count(3, 'unit')` "3 units". */
export function count(
  n: number | bigint,
  singular: string,
  plural = `${singular}s`,
  format = String,
): string {
  return `${format(n as number)} ${n === 1 || n === 1n ? singular : plural}`;
}
