// Commands whose result is data keep stdout pure data, with or without --json: `deepnets compose
// a.json b.json > c.json` must write a network file that `deepnets eval c.json` reads (issue 13).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, networkToJson, parseNetworkJson, shallowNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from './command.ts';
import { defaultIO, main } from './main.ts';

/** The real file system with stdout and stderr captured, as a shell redirect would split them. */
function capture(): CommandIO & { out: string; err: string } {
  const io = { ...defaultIO(), out: '', err: '' };
  io.stdout = (text) => {
    io.out += text.endsWith('\n') ? text : `${text}\n`;
  };
  io.stderr = (text) => {
    io.err += text;
  };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), 'deepnets-stdout-'));
const a = shallowNetwork({
  theta: [
    [0, -1],
    [0, 1],
    [-0.67, 1],
  ],
  phi: [1, -2, -3, 9.3],
});
const b = shallowNetwork({
  theta: [
    [-0.6, -1],
    [0.2, 1],
    [-0.5, 1],
  ],
  phi: [0.5, -1, -1.5, 2],
});
writeFileSync(join(dir, 'a.json'), networkToJson(a));
writeFileSync(join(dir, 'b.json'), networkToJson(b));

describe('data on stdout', () => {
  for (const json of [[], ['--json']]) {
    it(`compose ${json.join(' ')} > c.json, then eval c.json gives B(A(x))`, async () => {
      const io = capture();
      expect(await main(['compose', join(dir, 'a.json'), join(dir, 'b.json'), ...json], io)).toBe(0);
      const file = join(dir, `c${json.length}.json`);
      writeFileSync(file, io.out);
      parseNetworkJson(readFileSync(file, 'utf8'));
      if (json.length === 0) expect(io.err).toContain('(depth K = 2, widths 1-3-3-1)');
      for (const x of [-0.9, -0.2, 0.35, 0.8]) {
        const run = capture();
        expect(await main(['eval', file, '--x', String(x), '--json'], run)).toBe(0);
        const { y } = JSON.parse(run.out) as { y: number[] };
        expect(y[0]).toBeCloseTo(evaluate(b, evaluate(a, [x]))[0] as number, 12);
      }
    });
  }

  it('construct max-regions prints a network file with or without --json', async () => {
    for (const json of [[], ['--json']]) {
      const io = capture();
      expect(await main(['construct', 'max-regions', '--layers', '2', '--width', '3', ...json], io)).toBe(0);
      expect(parseNetworkJson(io.out).layers).toHaveLength(3);
    }
  });

  it('mnist1d without --out prints the data set as JSON with or without --json', async () => {
    for (const json of [[], ['--json']]) {
      const io = capture();
      expect(await main(['mnist1d', '--samples', '20', '--seed', '3', ...json], io)).toBe(0);
      const data = JSON.parse(io.out) as { y: number[]; yTest: number[] };
      expect(data.y.length + data.yTest.length).toBe(20);
      if (json.length === 0) expect(io.err).toContain('16 train + 4 test sequences');
    }
  });
});
