import { describe, expect, it } from 'vitest';
import { datasetFromCsv } from './csv.ts';

describe('datasetFromCsv', () => {
  it('reads a header, numeric inputs and a named target', () => {
    const d = datasetFromCsv('x1, x2, label\n0.5,1,"cat"\n\n2,-3,dog\n1e-1,4,cat\n', {
      target: 'label',
      task: 'classification',
    });
    expect(d.inputNames).toEqual(['x1', 'x2']);
    expect(d.classNames).toEqual(['cat', 'dog']);
    expect([...d.train.x]).toEqual([0.5, 1, 2, -3, 0.1, 4]);
    expect([...d.train.y]).toEqual([0, 1, 0]);
    expect([d.outputs, d.test.count, d.task]).toEqual([2, 0, 'classification']);
  });

  it('defaults to the last column, a regression target, and generated names without a header', () => {
    const d = datasetFromCsv('1;2;3\n4;5;6', { delimiter: ';' });
    expect(d.inputNames).toEqual(['column 1', 'column 2']);
    expect([...d.train.y]).toEqual([3, 6]);
    expect(d.task).toBe('regression');
  });

  it('sorts numeric class labels numerically and splits off a seeded test set', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${[10, 2, 1][i % 3]}`);
    const d = datasetFromCsv(rows.join('\n'), { task: 'classification', testFraction: 0.25, seed: 1 });
    expect(d.classNames).toEqual(['1', '2', '10']);
    expect([d.train.count, d.test.count]).toEqual([15, 5]);
    const xs = [...d.train.x, ...d.test.x].sort((a, b) => a - b);
    expect(xs).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(datasetFromCsv(rows.join('\n'), { task: 'classification', testFraction: 0.25, seed: 1 })).toEqual(
      d,
    );
  });

  it('names the line and the column of bad input', () => {
    expect(() => datasetFromCsv('a,b\n1,2\n3\n', { name: 'f.csv' })).toThrow(
      /f\.csv: line 3: has 1 fields, expected 2/,
    );
    expect(() => datasetFromCsv('a,b\n1,2\n\nx,3\n')).toThrow(/csv: line 4, column "a": "x" is not a number/);
    expect(() => datasetFromCsv('a,b\n1,two\n')).toThrow(/line 2, column "b": target "two" is not a number/);
    expect(() => datasetFromCsv('a,b\n1,2\n', { target: 'c' })).toThrow(
      /unknown target column "c"; columns: a, b/,
    );
    expect(() => datasetFromCsv('a,b\n')).toThrow(/header but no data rows/);
    expect(() => datasetFromCsv('  \n')).toThrow(/no data rows/);
    expect(() => datasetFromCsv('a,b\n1,0\n2,0\n', { task: 'classification' })).toThrow(/at least 2 classes/);
  });
});
