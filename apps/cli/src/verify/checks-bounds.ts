/**
 * The book's eq. 4.17 with the bounds beside it (`regionSummary`): exact maximum, reached by a
 * construction, or proven upper bound — and the 2-input construction counted by enumeration.
 */
import {
  type EnumerationOptions,
  maxRegions2dNetwork,
  regionCountLabel,
  regionSummary,
  regions2d,
  udlMaxRegions,
} from '@deepnets/regions';
import { type Check, grouped, scientific } from './rows.ts';

const describe = (
  inputs: number,
  widths: number[],
): { text: string; lower: bigint; upper: bigint; eq: bigint } => {
  const s = regionSummary({ inputs, widths });
  const eq = s.eq417?.value ?? 0n;
  const status = {
    exact: 'the exact maximum',
    construction: 'reached by a construction, a lower bound on the maximum',
    'not-known-reached': 'not known to be reached at this width',
    'exceeds-upper-bound': 'above the proven upper bound',
  }[s.eq417?.status ?? 'exact'];
  const lowerText =
    s.lower.value === eq ? '' : `; ${regionCountLabel(s.lower.kind)}: ${scientific(s.lower.value)}`;
  const text = s.exact
    ? `eq. 4.17 gives ${scientific(eq)}, ${status}`
    : `eq. 4.17 gives ${scientific(eq)}, ${status}${lowerText}; ${regionCountLabel(s.upper.kind)}: ${scientific(s.upper.value)} (${s.upper.source})`;
  return { text, lower: s.lower.value, upper: s.upper.value, eq };
};

export function boundChecks(options: EnumerationOptions = {}): Check[] {
  const slide = describe(1, [10, 10, 10, 10, 10]);
  const book = describe(10, [50, 50, 50, 50, 50]);
  const small = describe(2, [4, 4]);
  const built = regions2d(maxRegions2dNetwork({ layers: 2, width: 6 }), { ...options, box: [0, 1, 0, 1] });
  const builtBound = describe(2, [6, 6]);
  return [
    {
      claim: 'eq. 4.17, D_i = 1, K = 5, D = 10',
      source: 'book, eq. 4.17 (slide "Number of linear regions per parameter")',
      stated: null,
      computed: slide.text,
      ok: slide.lower === slide.upper && slide.eq === slide.upper,
    },
    {
      claim: 'eq. 4.17, D_i = 10, K = 5, D = 50 (Figure 4.7b’s marked point)',
      source: 'book, Figure 4.7b caption',
      stated: 'more than 10^40',
      computed: book.text,
      ok: book.lower > 10n ** 40n && book.lower === book.eq && book.upper > book.lower,
    },
    {
      claim: 'eq. 4.17, D_i = 2, widths 4, 4',
      source: 'book, eq. 4.17',
      stated: null,
      computed: small.text,
      ok: small.lower <= small.eq && small.eq <= small.upper,
    },
    {
      claim: 'eq. 4.17, D_i = 2, K = 2, D = 6: the construction’s regions',
      source: 'book, eq. 4.17',
      stated: null,
      computed: `${grouped(built.linearRegions)} (exact enumeration of the construction on [0, 1]²); ${builtBound.text}`,
      ok: BigInt(built.linearRegions) === udlMaxRegions({ inputs: 2, width: 6, layers: 2 }),
    },
  ];
}
