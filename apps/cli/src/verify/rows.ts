/**
 * One row of `deepnets verify`: a claim of the lecture (or the book it follows), where it is made,
 * the value the source states (the only literals in the check), the value our code computes, and
 * the verdict.
 */

/** What the comparison of stated and computed found. */
export type Verdict =
  | 'agrees'
  | 'differs: typo in the source'
  | 'not stated in the source'
  /** The data a check needs is not there (e.g. the committed experiment files outside the repository). */
  | 'not checked: data missing'
  /** Our code contradicts the source (or a known typo, or its own cross-check): a defect. */
  | 'fails';

export interface VerifyRow {
  claim: string;
  /** Where the claim is made: slide, figure, caption, equation, reference generator. */
  source: string;
  /** What the source states, as printed there; null when it states nothing. */
  stated: string | null;
  /** What our code computes (and how). */
  computed: string;
  verdict: Verdict;
}

/** A check before its verdict: `ok` is whether the computed value satisfies the stated relation. */
export interface Check {
  claim: string;
  source: string;
  stated: string | null;
  computed: string;
  /** Stated and computed agree (or, with `stated` null, the computation's own cross-check holds). */
  ok: boolean;
  /** The source is known to misprint this number; the verdict is a typo when they differ. */
  typo?: string;
  /** Set when the check could not run. */
  missing?: boolean;
}

/**
 * The verdict of a check: a known typo must differ (else our code changed), an unstated value must
 * pass its cross-check, a stated one must agree.
 */
export function verdictOf(check: Check): Verdict {
  if (check.missing) return 'not checked: data missing';
  if (check.typo !== undefined) return check.ok ? 'fails' : 'differs: typo in the source';
  if (check.stated === null) return check.ok ? 'not stated in the source' : 'fails';
  return check.ok ? 'agrees' : 'fails';
}

export function toRow(check: Check): VerifyRow {
  const computed =
    check.typo !== undefined && !check.ok ? `${check.computed} (${check.typo})` : check.computed;
  return {
    claim: check.claim,
    source: check.source,
    stated: check.stated,
    computed,
    verdict: verdictOf(check),
  };
}

/** 161051 -> "161,051" (exact, any size). */
export const grouped = (v: number | bigint): string => BigInt(v).toLocaleString('en-GB');

/** 1.8e41 -> "1.80e41": three significant digits of an exact integer. */
export function scientific(v: bigint): string {
  const text = v.toString();
  if (text.length <= 6) return grouped(v);
  const mantissa = Number(`${text[0]}.${text.slice(1, 12)}`).toFixed(2);
  return mantissa === '10.00' ? `1.00e${text.length}` : `${mantissa}e${text.length - 1}`;
}
