/** The live, sortable table of trials: one row per trial, headers are sort buttons. */
import { htmlElement } from '../kit/dom.ts';
import type { TrialRow } from '../kit/trials.ts';
import { type SortKey, sortRows } from './state.ts';

const COLUMNS: { key: SortKey; text: string }[] = [
  { key: 'trial', text: 'trial' },
  { key: 'depth', text: 'K' },
  { key: 'parameters', text: 'params' },
  { key: 'learningRate', text: 'alpha' },
  { key: 'trainLoss', text: 'train loss' },
  { key: 'validationLoss', text: 'val. loss' },
  { key: 'validationAccuracy', text: 'val. acc.' },
];

const fixed = (v: number | undefined, digits: number) => (v === undefined ? '' : v.toFixed(digits));

export interface TrialTable {
  render(rows: readonly TrialRow[], bestTrial: number | undefined): void;
}

export function createTrialTable(parent: HTMLElement): TrialTable {
  let sort: { key: SortKey; ascending: boolean } = { key: 'trial', ascending: true };
  let last: { rows: readonly TrialRow[]; best: number | undefined } = { rows: [], best: undefined };
  const scroll = htmlElement('div', { class: 'dn-table-scroll' }, parent);
  const table = htmlElement('table', { class: 'dn-trials', 'data-role': 'trials' }, scroll);
  htmlElement('caption', { class: 'dn-caption' }, table).textContent =
    'Trials (click a heading to sort; the best validation loss is highlighted)';
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  const headers = COLUMNS.map(({ key, text }) => {
    const th = htmlElement('th', { scope: 'col', 'aria-sort': 'none' }, head);
    const b = htmlElement('button', { type: 'button', 'data-sort': key }, th);
    b.textContent = text;
    b.addEventListener('click', () => {
      sort = { key, ascending: sort.key === key ? !sort.ascending : true };
      draw();
    });
    return { key, th };
  });
  htmlElement('th', { scope: 'col' }, head).textContent = 'widths D_k';
  htmlElement('th', { scope: 'col' }, head).textContent = 'epoch / status';
  const body = htmlElement('tbody', {}, table);

  function draw(): void {
    for (const { key, th } of headers) {
      th.setAttribute('aria-sort', key === sort.key ? (sort.ascending ? 'ascending' : 'descending') : 'none');
    }
    body.replaceChildren();
    for (const row of sortRows(last.rows, sort.key, sort.ascending)) {
      const tr = htmlElement('tr', { 'data-trial': row.trial, 'data-status': row.status }, body);
      if (row.trial === last.best) tr.dataset.best = 'true';
      const cells = [
        String(row.trial + 1),
        String(row.hidden.length),
        String(row.parameters),
        String(row.learningRate),
        fixed(row.trainLoss, 4),
        fixed(row.validationLoss, 4),
        row.validationAccuracy === undefined ? '' : `${(100 * row.validationAccuracy).toFixed(1)}%`,
        row.hidden.join(', '),
        row.status === 'running' || row.status === 'done' ? `${row.epoch} ${row.status}` : row.status,
      ];
      cells.forEach((text, i) => {
        htmlElement(
          'td',
          { 'data-col': COLUMNS[i]?.key ?? (i === 7 ? 'widths' : 'status') },
          tr,
        ).textContent = text;
      });
    }
  }

  return {
    render(rows, best) {
      last = { rows, best };
      draw();
    },
  };
}
