/**
 * `verifyLecture`: every checked claim of the lecture as rows {claim, source, stated, computed,
 * verdict}. Used by `deepnets verify` and by the docs page "Checking the lecture" (at build time).
 */
import type { EnumerationOptions } from '@deepnets/regions';
import { boundChecks } from './checks-bounds.ts';
import { compositionChecks } from './checks-composition.ts';
import { figure202Checks, imageChecks, mnist1dChecks } from './checks-data.ts';
import { parameterChecks } from './checks-parameters.ts';
import { regionChecks } from './checks-regions.ts';
import { type Check, toRow, type Verdict, type VerifyRow } from './rows.ts';

export interface VerifyOptions extends EnumerationOptions {
  /** The text of experiments/random-labels/curves.json; undefined when it is not available. */
  figure202Curves?: string;
}

export interface VerifyReport {
  rows: VerifyRow[];
  /** How many rows got each verdict. */
  verdicts: Record<Verdict, number>;
  /** True when no row fails. */
  ok: boolean;
  ms: number;
}

/** Runs every check (a few seconds: the largest enumeration has 4.8 million regions). */
export function verifyLecture(options: VerifyOptions = {}): VerifyReport {
  const start = performance.now();
  const { figure202Curves, ...enumeration } = options;
  const checks: Check[] = [
    ...parameterChecks(),
    ...regionChecks(enumeration),
    ...compositionChecks(),
    ...boundChecks(enumeration),
    ...imageChecks(),
    ...mnist1dChecks(),
    ...figure202Checks(figure202Curves),
  ];
  const rows = checks.map(toRow);
  const verdicts: Record<Verdict, number> = {
    agrees: 0,
    'differs: typo in the source': 0,
    'not stated in the source': 0,
    'not checked: data missing': 0,
    fails: 0,
  };
  for (const r of rows) verdicts[r.verdict]++;
  return { rows, verdicts, ok: verdicts.fails === 0, ms: performance.now() - start };
}
