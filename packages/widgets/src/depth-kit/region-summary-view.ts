/**
 * The maximum number of linear regions of a shape, said as what each number is (regions'
 * `regionSummary`): the exact maximum, eq. 4.17 with its status, the count a construction
 * reaches (a lower bound on the maximum) and the proven upper bound (Serra et al. 2018).
 * Each number sits in a <strong> with a data attribute holding the plain integer:
 * `data-bound` (exact maximum or upper bound, `data-bound-kind` says which), `data-eq417`
 * (with `data-eq417-status`) and `data-construction`.
 */
import type { Eq417Status, RegionSummary } from '@deepnets/regions';
import { htmlElement } from '../kit/dom.ts';
import { shortBig } from './bigint.ts';

const EQ417_STATUS: Record<Eq417Status, string> = {
  exact: 'the exact maximum',
  construction: 'reached by a construction, so a lower bound on the maximum',
  'not-known-reached': 'not known to be reached at this width: its construction needs D ≥ 3Dᵢ',
  'exceeds-upper-bound': 'more than the proven upper bound, so no network reaches it',
};

const number = (parent: HTMLElement, value: bigint, attributes: Record<string, string>) => {
  const el = htmlElement('strong', attributes, parent);
  el.textContent = shortBig(value);
  el.title = value.toLocaleString('en-GB');
};

/** Appends the sentence(s) about the maximum to `parent`. */
export function appendRegionSummary(parent: HTMLElement, s: RegionSummary): void {
  if (s.exact) {
    parent.append('The maximum is exactly ');
    number(parent, s.upper.value, { 'data-bound': s.upper.value.toString(), 'data-bound-kind': 'exact' });
    parent.append(' linear regions (a construction reaches the proven upper bound).');
    return;
  }
  const eq = s.eq417;
  if (eq) {
    parent.append('Eq. 4.17 gives ');
    number(parent, eq.value, { 'data-eq417': eq.value.toString(), 'data-eq417-status': eq.status });
    parent.append(` linear regions (${EQ417_STATUS[eq.status]})`);
  }
  if (!eq || eq.value !== s.lower.value) {
    parent.append(eq ? '; a construction reaches ' : 'A construction reaches ');
    number(parent, s.lower.value, { 'data-construction': s.lower.value.toString() });
  }
  parent.append('; the proven upper bound is ');
  number(parent, s.upper.value, { 'data-bound': s.upper.value.toString(), 'data-bound-kind': 'upper-bound' });
  parent.append(' (Serra et al. 2018). The true maximum lies in between.');
}
