/**
 * What is actually known about the maximum number of linear regions of a ReLU network with D_i
 * inputs and hidden widths D_1..D_K, each number labelled as what it is:
 *
 * - `exact`: the maximum itself (a construction reaches a proven upper bound);
 * - `construction`: a number of regions that a known network of this shape reaches — a lower bound
 *   on the maximum;
 * - `upper-bound`: a proven upper bound (Serra, Tjandraatmadja and Ramalingam 2018, Theorem 1).
 *
 * The book's eq. 4.17, (D/D_i + 1)^{D_i (K-1)} sum_{j <= D_i} C(D, j), is the exact maximum for
 * shallow networks (Zaslavsky) and for one input with D >= 3 ((D + 1)^K). For D_i >= 2 it is the
 * count of the zig-zag construction — each input folded by floor(D / D_i) >= 3 units into
 * floor(D / D_i) + 1 pieces — a lower bound on the maximum, and the upper bound is larger. With
 * fewer than 3 units per input a zig-zag cannot make floor(D / D_i) + 1 pieces that each sweep the
 * same interval (two ReLUs of x never alternate slope signs three times), so there eq. 4.17 is
 * not known to be reached, and for D = 1 it even exceeds the upper bound (2^K against 3).
 */
import { montufarLower, serraLower, serraUpper, udlMaxRegions, zaslavsky } from './bounds.ts';
import { checkInteger } from './errors.ts';

/** What a region count is. */
export type RegionCountKind = 'exact' | 'construction' | 'upper-bound';

/** A region count with what it is and where it comes from. */
export interface LabelledCount {
  value: bigint;
  kind: RegionCountKind;
  /** Who proves it, e.g. "Serra et al. 2018, Theorem 1". */
  source: string;
}

/** How eq. 4.17 relates to the maximum for a given shape. */
export type Eq417Status =
  /** eq. 4.17 is the maximum. */
  | 'exact'
  /** eq. 4.17 is reached by the zig-zag construction: a lower bound on the maximum. */
  | 'construction'
  /** below the upper bound, but no construction is known at this width (D < 3 D_i). */
  | 'not-known-reached'
  /** larger than the proven upper bound: not reachable (D = 1, K >= 2). */
  | 'exceeds-upper-bound';

export interface RegionSummary {
  /** The best lower bound we can name: a construction (or the exact maximum). */
  lower: LabelledCount;
  /** The proven upper bound (or the exact maximum). */
  upper: LabelledCount;
  /** True when lower = upper: the maximum is known exactly. */
  exact: boolean;
  /** eq. 4.17 and its status; only for equal widths D_1 = ... = D_K. */
  eq417?: { value: bigint; status: Eq417Status };
}

const SERRA_UPPER = 'Serra et al. 2018, Theorem 1';
const ZIGZAG = 'zig-zag construction (book eq. 4.17; Serra et al. 2018)';

/** The largest region count a known construction reaches for D_i inputs and widths D_1..D_K. */
function constructionCount(inputs: number, widths: readonly number[]): LabelledCount {
  const narrowest = Math.min(...widths);
  const layers = widths.length;
  if (layers === 1)
    return { value: zaslavsky(inputs, narrowest), kind: 'construction', source: 'Zaslavsky 1975' };
  if (narrowest < inputs) {
    // The first layer's 2^D regions; later ReLUs pass h >= 0 through unchanged.
    return {
      value: zaslavsky(inputs, narrowest),
      kind: 'construction',
      source: 'first layer (Zaslavsky 1975)',
    };
  }
  if (narrowest >= 3 * inputs)
    return { value: serraLower({ inputs, widths }), kind: 'construction', source: ZIGZAG };
  // A network of the narrowest width embeds in this one (zero weights on the extra units).
  return {
    value: montufarLower({ inputs, width: narrowest, layers }),
    kind: 'construction',
    source: 'folding construction (Montufar et al. 2014)',
  };
}

/**
 * The labelled summary for D_i inputs and hidden widths D_1..D_K. The construction is the zig-zag
 * one (Serra et al.'s lower bound, eq. 4.17 for equal widths) when every D_k >= 3 D_i; otherwise
 * the folding one for the narrowest width (a network of that width embeds in this one).
 */
export function regionSummary(o: { inputs: number; widths: readonly number[] }): RegionSummary {
  checkInteger(o.inputs, 1, 'inputs');
  if (o.widths.length === 0) checkInteger(0, 1, 'widths.length');
  for (const [l, w] of o.widths.entries()) checkInteger(w, 1, `widths[${l}]`);
  const layers = o.widths.length;
  const narrowest = Math.min(...o.widths);
  const upperValue = serraUpper({ inputs: o.inputs, widths: o.widths });
  const built = constructionCount(o.inputs, o.widths);
  const exact = built.value === upperValue;
  const lower: LabelledCount = exact ? { ...built, kind: 'exact' } : built;
  const upper: LabelledCount = exact
    ? { value: upperValue, kind: 'exact', source: `${built.source} reaches ${SERRA_UPPER}` }
    : { value: upperValue, kind: 'upper-bound', source: SERRA_UPPER };
  const summary: RegionSummary = { lower, upper, exact };
  if (o.widths.every((w) => w === narrowest)) {
    const value = udlMaxRegions({ inputs: o.inputs, width: narrowest, layers });
    const status: Eq417Status =
      value > upperValue
        ? 'exceeds-upper-bound'
        : exact && value === upperValue
          ? 'exact'
          : value <= built.value
            ? 'construction'
            : 'not-known-reached';
    summary.eq417 = { value, status };
  }
  return summary;
}

/** A short English label for a kind, for readouts: "exact maximum", "reached by a construction", "proven upper bound". */
export function regionCountLabel(kind: RegionCountKind): string {
  return {
    exact: 'exact maximum',
    construction: 'reached by a construction',
    'upper-bound': 'proven upper bound',
  }[kind];
}
