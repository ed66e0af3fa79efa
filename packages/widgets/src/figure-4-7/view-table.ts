/** Figure 4.7 widget, view: the table of the points the reader added. */
import type { RegionSummary } from '@deepnets/regions';
import { formatBig, shortBig } from '../depth-kit/bigint.ts';
import { htmlElement } from '../kit/dom.ts';
import type { AddedPoint } from './points.ts';

/** Short status of eq. 4.17 for the table. */
const statusWord = (s: RegionSummary): string =>
  ({
    exact: '(exact maximum)',
    construction: '(reached by a construction)',
    'not-known-reached': '(not known to be reached)',
    'exceeds-upper-bound': '(above the upper bound)',
  })[s.eq417?.status ?? 'exact'];

/** One row per added point: kind, Dᵢ, K, D, parameters, eq. 4.17, proven upper bound, exact regions. */
export function drawAddedTable(body: HTMLElement, added: readonly AddedPoint[]): void {
  body.replaceChildren();
  for (const p of added) {
    const row = htmlElement('tr', { 'data-kind': p.kind }, body);
    const name = { bound: 'eq. 4.17 only', construction: 'construction', random: 'random He' }[p.kind];
    for (const cell of [name, p.inputs, p.layers, p.width, formatBig(p.parameters)]) {
      htmlElement('td', {}, row).textContent = String(cell);
    }
    const bound = htmlElement('td', { 'data-eq417': p.bound.toString() }, row);
    bound.textContent = shortBig(p.bound);
    bound.title = formatBig(p.bound);
    htmlElement('small', {}, bound).textContent = ` ${statusWord(p.summary)}`;
    const upper = htmlElement('td', { 'data-bound': p.summary.upper.value.toString() }, row);
    upper.textContent = shortBig(p.summary.upper.value);
    upper.title = formatBig(p.summary.upper.value);
    const exact = htmlElement('td', {}, row);
    if (p.exact !== undefined) {
      htmlElement('span', { 'data-regions': p.exact }, exact).textContent = formatBig(p.exact);
    } else exact.textContent = '—';
  }
}
