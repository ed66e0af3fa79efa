/**
 * The kit's scales, built on d3-scale: `scaleLinear` maps a domain interval onto a range interval
 * (pixels), `ticks` gives d3's round tick values and `formatTick` one label style for every axis
 * (plain numbers below 10^5, SI-free exponent form `1e5` above, never mixed within an axis).
 */
import { format } from 'd3-format';
import { scaleLinear as d3ScaleLinear } from 'd3-scale';

export interface LinearScale {
  (value: number): number;
  invert(pixel: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
}

/** A d3 linear scale from `domain` to `range`, with its ends readable as plain tuples. */
export function scaleLinear(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const d3 = d3ScaleLinear().domain(domain).range(range);
  const degenerate = domain[0] === domain[1];
  const scale = ((value: number) => (degenerate ? range[0] : d3(value))) as LinearScale;
  scale.invert = (pixel) => (degenerate ? domain[0] : d3.invert(pixel));
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/**
 * Round, readable tick values covering [lo, hi]: d3's ticks (steps 1, 2 or 5 times a power of ten),
 * with the largest d3 count that gives at most `count` intervals, so small plots stay uncrowded.
 */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const scale = d3ScaleLinear().domain([lo, hi]);
  let values = scale.ticks(count);
  for (let c = count - 1; c >= 1 && values.length > count + 1; c--) values = scale.ticks(c);
  return values.map((v) => Number(v.toPrecision(12)));
}

const plain = format(',');
const exponent = format('.0e');

/**
 * Labels for the values of one axis, in one style: all plain (`-0.5`, `50,000`) when every value is
 * below 10^5 in size, otherwise all in exponent form (`5e4`, `1e5`) so an axis never mixes the two.
 * Decimals follow the tick step (0.2 -> one digit), minus signs are typographic.
 */
export function formatTicks(values: readonly number[]): string[] {
  const big = values.some((v) => Math.abs(v) >= 1e5);
  const step = values.length > 1 ? Math.abs((values[1] as number) - (values[0] as number)) : 1;
  const digits = Math.min(6, Math.max(0, -Math.floor(Math.log10(step || 1) + 1e-9)));
  const fixed = format(`,.${digits}f`);
  return values.map((v) => {
    const text =
      v === 0 ? '0' : big ? exponent(v).replace('e+', 'e') : Number.isInteger(v) ? plain(v) : fixed(v);
    return text.replace('-', '\u2212');
  });
}
