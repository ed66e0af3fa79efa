/**
 * A user's CSV file as a `Dataset`: one example per line, one column is the target, all others
 * are numeric inputs. Errors name the line (1-based, as an editor shows it) and the column.
 *
 * Fields are separated by `delimiter` (`,` by default) and trimmed; surrounding double quotes
 * are removed, quoted delimiters are not supported. The first line is a header when any of
 * its fields is not a number; otherwise the columns are called `column 1`, `column 2`, ...
 */
import { createRng, DeepnetsError } from '@deepnets/core';
import { createSamples, splitSamples } from './samples.ts';
import type { Dataset } from './types.ts';

export interface CsvOptions {
  /** Target column: a header name or a 0-based index; the last column by default. */
  target?: string | number;
  /** `"regression"` (default): numeric targets; `"classification"`: labels become classes. */
  task?: 'regression' | 'classification';
  /** Fraction of the rows held out as the test set (seeded permutation); 0 by default. */
  testFraction?: number;
  seed?: number;
  delimiter?: string;
  /** Data set name (e.g. the file name), `"csv"` by default; also used in error paths. */
  name?: string;
}

/** A CSV data set also knows its input column names and, for classification, the class labels. */
export interface CsvDataset extends Dataset {
  inputNames: string[];
  /** `classNames[c]` is the label of class c (labels sorted, numerically when all are numbers). */
  classNames?: string[];
}

const isNumber = (field: string): boolean => field !== '' && Number.isFinite(Number(field));

export function datasetFromCsv(text: string, options: CsvOptions = {}): CsvDataset {
  const name = options.name ?? 'csv';
  const fail = (message: string, where: string) =>
    new DeepnetsError('INVALID_FORMAT', message, `${name}: ${where}`);
  const split = (line: string) =>
    line.split(options.delimiter ?? ',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ fields: split(line), line: i + 1, blank: line.trim() === '' }))
    .filter((l) => !l.blank);
  const first = lines[0];
  if (!first) throw fail('the file has no data rows', 'line 1');
  const hasHeader = first.fields.some((f) => !isNumber(f));
  const columns = hasHeader ? first.fields : first.fields.map((_, j) => `column ${j + 1}`);
  const rows = hasHeader ? lines.slice(1) : lines;
  if (rows.length === 0) throw fail('the file has a header but no data rows', `line ${first.line + 1}`);
  if (columns.length < 2)
    throw fail('needs at least one input column and a target column', `line ${first.line}`);

  const t = options.target ?? columns.length - 1;
  const targetIndex = typeof t === 'number' ? t : columns.indexOf(t);
  if (!Number.isInteger(targetIndex) || targetIndex < 0 || targetIndex >= columns.length) {
    throw fail(`unknown target column ${JSON.stringify(t)}; columns: ${columns.join(', ')}`, 'target');
  }
  const inputNames = columns.filter((_, j) => j !== targetIndex);
  const task = options.task ?? 'regression';
  const labels = rows.map(({ fields, line }) => {
    if (fields.length !== columns.length) {
      throw fail(`has ${fields.length} fields, expected ${columns.length}`, `line ${line}`);
    }
    return fields[targetIndex] as string;
  });
  let classNames: string[] | undefined;
  if (task === 'classification') {
    const unique = [...new Set(labels)];
    classNames = unique.every(isNumber) ? unique.sort((a, b) => Number(a) - Number(b)) : unique.sort();
    if (classNames.length < 2)
      throw fail(`needs at least 2 classes, found ${classNames.length}`, columns[targetIndex] as string);
  }
  const all = createSamples(rows.length, inputNames.length, 1);
  rows.forEach(({ fields, line }, r) => {
    let c = 0;
    fields.forEach((field, j) => {
      if (j === targetIndex) return;
      if (!isNumber(field)) throw fail(`"${field}" is not a number`, `line ${line}, column "${columns[j]}"`);
      all.x[r * inputNames.length + c++] = Number(field);
    });
    const label = labels[r] as string;
    if (classNames) all.y[r] = classNames.indexOf(label);
    else if (isNumber(label)) all.y[r] = Number(label);
    else throw fail(`target "${label}" is not a number`, `line ${line}, column "${columns[targetIndex]}"`);
  });
  const fraction = options.testFraction ?? 0;
  const [train, test] =
    fraction === 0
      ? [all, createSamples(0, inputNames.length, 1)]
      : splitSamples(all, fraction, createRng(options.seed ?? 0), 'testFraction');
  const outputs = classNames ? classNames.length : 1;
  return { name, task, outputs, train, test, inputNames, ...(classNames ? { classNames } : {}) };
}
