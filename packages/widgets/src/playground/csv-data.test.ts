import { describe, expect, it } from 'vitest';
import { csvDataset, guessCsvChoice, lineColumn, MAX_CSV_ROWS, parseCsvTable } from './csv-data.ts';
import { decodePoints, drawnDataset, encodePoints, MAX_URL_POINTS } from './drawn-data.ts';
import { functionDataset, toyFunction } from './function-data.ts';

const good = 'x,y,label\n0.1,0.2,red\n-0.5,0.4,blue\n\n0.3,-0.9,red\n';

describe('CSV data', () => {
  it('reads a header, skips blank lines and maps labels to sorted classes', () => {
    const table = parseCsvTable(good);
    expect(table.columns).toEqual(['x', 'y', 'label']);
    expect(table.lineOf).toEqual([2, 3, 5]);
    const choice = guessCsvChoice(table);
    expect(choice).toEqual({ x1: 0, x2: 1, target: 2, task: 'classification' });
    const d = csvDataset(table, choice, 'CSV');
    expect([...d.train.x]).toEqual([0.1, 0.2, -0.5, 0.4, 0.3, -0.9]);
    expect([...d.train.y]).toEqual([1, 0, 1]); // blue = 0, red = 1
    expect(d.outputs).toBe(2);
  });

  it('guesses regression for a column of many numbers and keeps them', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i / 20},${-i / 20},${(i * 0.37).toFixed(3)}`);
    const table = parseCsvTable(rows.join('\n'));
    expect(table.columns).toEqual(['column 1', 'column 2', 'column 3']);
    const choice = guessCsvChoice(table);
    expect(choice.task).toBe('regression');
    expect(csvDataset(table, choice, 'r').train.y[19]).toBeCloseTo(19 * 0.37, 12);
  });

  it("names the line and column of papaparse's errors and of bad cells", () => {
    // papaparse reports the position just after the opening quote (line 3, column 3).
    const quote = 'a,b,c\n1,2,3\n4,"5,6\n';
    expect(() => parseCsvTable(quote)).toThrow(
      /^line 3, column 4: Quoted field unterminated \(MissingQuotes\)/,
    );
    expect(lineColumn(quote, quote.indexOf('"'))).toBe('line 3, column 3');
    expect(() => parseCsvTable('a,b,c\n1,2,3\n4,5\n')).toThrow(
      /^line 3: expected 3 fields like the first row, got 2/,
    );
    expect(() => parseCsvTable('a,b\n1,2\n')).toThrow(/at least 3 columns/);
    expect(() => parseCsvTable('')).toThrow(/no rows/);
    const table = parseCsvTable('x,y,c\n1,2,0\n1,oops,1\n');
    expect(() => csvDataset(table, { x1: 0, x2: 1, target: 2, task: 'classification' }, 'n')).toThrow(
      /^line 3, column 2: expected a number in column "y", got "oops"/,
    );
    const many = `x,y,c\n${Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `${i},0,${i % 2}`).join('\n')}`;
    expect(() => parseCsvTable(many)).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
    const one = parseCsvTable('x,y,c\n1,2,a\n3,4,a\n');
    expect(() => csvDataset(one, { x1: 0, x2: 1, target: 2, task: 'classification' }, 'o')).toThrow(
      /2 to 8 distinct/,
    );
  });
});

describe('drawn points and the toy function', () => {
  it('encode small sets for the URL and refuse bad text', () => {
    const points = [
      { x1: 0.12, x2: -0.5, c: 1 as const },
      { x1: -1, x2: 1, c: 0 as const },
    ];
    const text = encodePoints(points) as string;
    expect(text).toBe('0.12:-0.5:1~-1:1:0');
    expect(decodePoints(text)).toEqual(points);
    expect(encodePoints(Array(MAX_URL_POINTS + 1).fill(points[0]))).toBeUndefined();
    for (const bad of ['1:2:1', '0:0:2', '0:0', 'a:b:1', ':0:1'])
      expect(() => decodePoints(bad)).toThrow(/point 1/);
    const d = drawnDataset(points);
    expect([d?.train.count, d?.outputs, [...(d?.train.y ?? [])]]).toEqual([2, 2, [1, 0]]);
    expect(drawnDataset(points.slice(1))).toBeUndefined();
  });

  it('samples the function with small noise, the same for the same seed', () => {
    const d = functionDataset(500, 3, 0.05);
    const a = functionDataset(500, 3, 0.05);
    expect([...a.train.y]).toEqual([...d.train.y]);
    let sq = 0;
    for (let i = 0; i < 500; i++) {
      const r =
        (d.train.y[i] as number) - toyFunction(d.train.x[2 * i] as number, d.train.x[2 * i + 1] as number);
      sq += r * r;
    }
    expect(Math.sqrt(sq / 500)).toBeGreaterThan(0.04);
    expect(Math.sqrt(sq / 500)).toBeLessThan(0.06);
    expect(d.task).toBe('regression');
  });
});
