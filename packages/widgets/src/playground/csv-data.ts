/**
 * Your own data from a CSV file: parsed with papaparse on the page (nothing is uploaded), then two
 * input columns x1, x2 and a label (classification) or target (regression) column make a data
 * set. Every problem is a `DeepnetsError` whose path names the line and column of the file, so
 * the page shows where a bad file is wrong instead of failing.
 */
import { DeepnetsError } from '@deepnets/core';
import Papa from 'papaparse';
import type { PlaygroundDataset } from './menus.ts';

/** At most this many data rows are read (the playground trains full-batch on the page's worker). */
export const MAX_CSV_ROWS = 5000;
/** At most this many classes in a label column. */
export const MAX_CSV_CLASSES = 8;

export interface CsvTable {
  /** Column names: the header's, or "column 1", "column 2", … when the file has none. */
  columns: string[];
  /** Data rows (cells as text); `lineOf[r]` is the file line of row r (1-based). */
  rows: string[][];
  lineOf: number[];
}

/** "line L, column C" of character `index` of `text` (both 1-based). */
export function lineColumn(text: string, index: number): string {
  const before = text.slice(0, Math.max(0, index));
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

const isNumber = (cell: string) => cell.trim() !== '' && Number.isFinite(Number(cell));

/**
 * Parses CSV `text` (comma, semicolon or tab separated; a first row with a non-number cell is the
 * header). Throws a `DeepnetsError` (INVALID_FORMAT, or TOO_LARGE past MAX_CSV_ROWS) whose path
 * says where: papaparse's first error with its line and column, or a row of the wrong length.
 */
export function parseCsvTable(text: string): CsvTable {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: false });
  // An undetectable delimiter is only a warning: papaparse then reads commas.
  const first = parsed.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (first) {
    const where = first.index === undefined ? `row ${(first.row ?? 0) + 1}` : lineColumn(clean, first.index);
    throw new DeepnetsError('INVALID_FORMAT', `${first.message} (${first.code})`, where);
  }
  // The file line each record starts on: records start at 0 and after every newline outside quotes.
  const starts = [1];
  let line = 1;
  let quoted = false;
  for (const c of clean) {
    if (c === '"') quoted = !quoted;
    else if (c === '\n') {
      line++;
      if (!quoted) starts.push(line);
    }
  }
  const kept = parsed.data
    .map((row, i) => ({ row, line: starts[i] ?? i + 1 }))
    .filter(({ row }) => row.some((cell) => cell.trim() !== ''));
  const data = kept.map((k) => k.row);
  if (data.length === 0) throw new DeepnetsError('INVALID_FORMAT', 'the file has no rows', 'line 1');
  const header = data[0]?.some((cell) => !isNumber(cell)) ? (data[0] as string[]) : undefined;
  const rows = header ? data.slice(1) : data;
  const lineOf = kept.map((k) => k.line).slice(header ? 1 : 0);
  const width = (data[0] as string[]).length;
  if (width < 3) {
    throw new DeepnetsError(
      'INVALID_FORMAT',
      `expected at least 3 columns (x1, x2, label), got ${width}`,
      'line 1',
    );
  }
  if (rows.length > MAX_CSV_ROWS) {
    throw new DeepnetsError(
      'TOO_LARGE',
      `${rows.length} rows; the playground reads at most ${MAX_CSV_ROWS}`,
      'file',
    );
  }
  rows.forEach((row, r) => {
    if (row.length !== width) {
      throw new DeepnetsError(
        'INVALID_FORMAT',
        `expected ${width} fields like the first row, got ${row.length}`,
        `line ${lineOf[r] ?? r + 1}`,
      );
    }
  });
  const columns = header
    ? header.map((h, i) => h.trim() || `column ${i + 1}`)
    : rows[0]?.map((_, i) => `column ${i + 1}`);
  return { columns: columns ?? [], rows, lineOf };
}

export interface CsvChoice {
  x1: number;
  x2: number;
  target: number;
  task: 'classification' | 'regression';
}

/** A first guess for the dialog: the first two number columns as inputs, the last column as target. */
export function guessCsvChoice(table: CsvTable): CsvChoice {
  const n = table.columns.length;
  const numeric = table.columns.map((_, c) => table.rows.every((row) => isNumber(row[c] ?? '')));
  const inputs = numeric.map((ok, c) => (ok && c !== n - 1 ? c : -1)).filter((c) => c >= 0);
  const target = n - 1;
  const labels = new Set(table.rows.map((row) => row[target]));
  const classes =
    !numeric[target] ||
    (labels.size <= MAX_CSV_CLASSES && [...labels].every((l) => Number.isInteger(Number(l))));
  return { x1: inputs[0] ?? 0, x2: inputs[1] ?? 1, target, task: classes ? 'classification' : 'regression' };
}

/**
 * The data set of `table` for `choice`: inputs (x1, x2) per row; a label column's distinct values
 * (sorted) become classes 0..C-1 (2 <= C <= MAX_CSV_CLASSES), a target column stays a number.
 * A cell that is not a number throws with its line and column.
 */
export function csvDataset(table: CsvTable, choice: CsvChoice, name: string): PlaygroundDataset {
  const count = table.rows.length;
  const x = new Float64Array(2 * count);
  const y = new Float64Array(count);
  const number = (r: number, c: number) => {
    const cell = table.rows[r]?.[c] ?? '';
    const v = Number(cell);
    if (!isNumber(cell)) {
      throw new DeepnetsError(
        'INVALID_FORMAT',
        `expected a number in column "${table.columns[c]}", got ${JSON.stringify(cell.slice(0, 20))}`,
        `line ${table.lineOf[r] ?? r + 1}, column ${c + 1}`,
      );
    }
    return v;
  };
  let outputs = 1;
  let classes: string[] = [];
  if (choice.task === 'classification') {
    classes = [...new Set(table.rows.map((row) => (row[choice.target] ?? '').trim()))].sort((a, b) =>
      isNumber(a) && isNumber(b) ? Number(a) - Number(b) : a.localeCompare(b),
    );
    if (classes.length < 2 || classes.length > MAX_CSV_CLASSES) {
      throw new DeepnetsError(
        'OUT_OF_RANGE',
        `a label column needs 2 to ${MAX_CSV_CLASSES} distinct values, "${table.columns[choice.target]}" has ${classes.length}`,
        `column ${choice.target + 1}`,
      );
    }
    outputs = classes.length;
  }
  for (let r = 0; r < count; r++) {
    x[2 * r] = number(r, choice.x1);
    x[2 * r + 1] = number(r, choice.x2);
    y[r] =
      choice.task === 'classification'
        ? classes.indexOf((table.rows[r]?.[choice.target] ?? '').trim())
        : number(r, choice.target);
  }
  const samples = { count, inputs: 2, targetWidth: 1, x, y };
  const empty = { count: 0, inputs: 2, targetWidth: 1, x: new Float64Array(0), y: new Float64Array(0) };
  return { name, task: choice.task, outputs, train: samples, test: empty };
}
