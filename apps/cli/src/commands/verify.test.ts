import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Command, CommandIO } from '../command.ts';
import { main } from '../main.ts';
import { type Check, verdictOf } from '../verify/rows.ts';
import type { VerifyReport } from '../verify/verify-lecture.ts';
import { verifyCommand } from './verify.ts';

/** A CommandIO on the real file system that keeps what is printed. */
function captureIO(): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: async () => {},
    isTTY: false,
  };
}

/** C(n, k) by Pascal's triangle: an independent reference for eq. 4.17. */
const choose = (n: number, k: number): bigint => {
  let row = [1n];
  for (let i = 0; i < n; i++) row = [1n, ...row.slice(1).map((v, j) => v + (row[j] as bigint)), 1n];
  return row[k] ?? 0n;
};

describe('deepnets verify', () => {
  let report: VerifyReport;
  let status: number;
  let human: string;
  beforeAll(async () => {
    const io = captureIO();
    status = await main(['verify', '--json'], io);
    report = JSON.parse(io.out.join('')) as VerifyReport;
    const text = captureIO();
    await main(['verify'], text);
    human = text.out.join('');
  }, 120_000);

  it('finds no failing check in the repository and exits 0', () => {
    expect(status).toBe(0);
    expect(report.ok).toBe(true);
    for (const row of report.rows) expect(row.verdict, row.claim).not.toBe('fails');
    expect(report.rows.filter((r) => r.verdict === 'not checked: data missing')).toEqual([]);
    expect(report.rows.length).toBeGreaterThanOrEqual(25);
    for (const row of report.rows)
      expect(Object.keys(row)).toEqual(['claim', 'source', 'stated', 'computed', 'verdict']);
  });

  it('flags the two misprints of the sources as typos, with the computed values', () => {
    const typos = report.rows.filter((r) => r.verdict === 'differs: typo in the source');
    expect(typos.map((r) => r.stated)).toEqual(['15139', '161,501']);
    // 4 hidden layers of 63 units: (40+1)63 + 3 (63+1)63 + (63+1)10; and 11^5.
    expect(typos[0]?.computed).toContain((41 * 63 + 3 * 64 * 63 + 64 * 10).toLocaleString('en-GB'));
    expect(typos[1]?.computed).toContain((11 ** 5).toLocaleString('en-GB'));
  });

  it('shows eq. 4.17 with the upper bound beside it (Figure 4.7b: 1.80e41 against 4.37e50)', () => {
    const row = report.rows.find((r) => r.claim.includes('D_i = 10, K = 5, D = 50'));
    let sum = 0n;
    for (let j = 0; j <= 10; j++) sum += choose(50, j);
    const eq417 = 6n ** 40n * sum;
    expect(Number(eq417).toExponential(2)).toBe('1.80e+41');
    expect(row?.computed).toContain('1.80e41');
    expect(row?.computed).toContain('4.37e50');
    expect(row?.computed).toContain('reached by a construction');
    expect(row?.computed).toContain('proven upper bound');
    expect(row?.verdict).toBe('agrees');
    const small = report.rows.find((r) => r.claim.includes('D_i = 2, widths 4, 4'));
    expect(small?.computed).toContain(`gives ${9n * (choose(4, 0) + choose(4, 1) + choose(4, 2))}`);
    expect(small?.computed).toContain('proven upper bound: 121');
  });

  it('counts the composed networks’ regions by enumeration (9, 7, 13, 16, 4,826,809)', () => {
    const computed = (part: string) => report.rows.find((r) => r.claim.includes(part))?.computed ?? '';
    expect(computed('two composed 1-3-1 networks: linear')).toMatch(/^9 /);
    expect(computed('six hidden units: linear')).toContain('reaches 7');
    expect(computed('2-input network')).toMatch(/^13 /);
    expect(computed('two hidden layers of 3 units')).toContain('reaches 16');
    expect(computed('6 layers of 12 units')).toContain((13 ** 6).toLocaleString('en-GB'));
  });

  it('prints a readable table without --json', () => {
    expect(human).toContain('verdict:  differs: typo in the source');
    expect(human).toMatch(/\d+ claims: \d+ agrees/);
  });

  it('exits 2 when --experiments has no committed run', async () => {
    const io = captureIO();
    expect(await main(['verify', '--experiments', '/nonexistent-dir', '--json'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/no random-labels\/curves.json/);
  });
});

describe('verify verdicts', () => {
  const base: Check = { claim: 'c', source: 's', stated: '1', computed: '1', ok: true };
  it('agrees, fails, typo and not stated', () => {
    expect(verdictOf(base)).toBe('agrees');
    expect(verdictOf({ ...base, ok: false })).toBe('fails');
    expect(verdictOf({ ...base, ok: false, typo: 'swapped digits' })).toBe('differs: typo in the source');
    // A known misprint that suddenly agrees means our computation changed.
    expect(verdictOf({ ...base, ok: true, typo: 'swapped digits' })).toBe('fails');
    expect(verdictOf({ ...base, stated: null })).toBe('not stated in the source');
    expect(verdictOf({ ...base, stated: null, ok: false })).toBe('fails');
    expect(verdictOf({ ...base, ok: false, missing: true })).toBe('not checked: data missing');
  });

  it('a failing report prints its table and exits 1', async () => {
    const failing: Command = {
      ...verifyCommand,
      run: async () => ({ rows: [], verdicts: { fails: 1 }, ok: false, ms: 0 }),
    };
    const io = captureIO();
    expect(await main(['verify', '--json'], io, [failing])).toBe(1);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ ok: false });
  });
});
