/**
 * Issue 14 regressions through the real dispatcher (`main`, in-process): overflow is an error with a
 * code, sizes are refused before allocating, messages are one bounded line naming the file and the
 * JSON path, and the network parser's edge cases (BOM, "activation": null).
 */
import { MAX_MESSAGE_LENGTH, NETWORK_FORMAT } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { memoryIO } from './testing/memory-io.ts';

const file = (layers: unknown, extra: object = {}) =>
  JSON.stringify({ format: NETWORK_FORMAT, activation: 'relu', layers, ...extra });
const twoBreakpoints = file([
  { weights: [[1], [1]], biases: [0, -1e-3] },
  { weights: [[1, -2]], biases: [0] },
]);
const overflowing = file([
  { weights: [[1e200], [1e200]], biases: [0, -1e200] },
  { weights: [[1e200, -1e200]], biases: [0] },
]);

async function run(argv: string[], files: Record<string, string>) {
  const io = memoryIO(files);
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('deepnets: overflow (item 7)', () => {
  it('eval exits 1 with NON_FINITE naming layer and unit, never {"y":[null]}', async () => {
    const r = await run(['eval', 'big.json', '--x', '1', '--json'], { 'big.json': overflowing });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/layers\[1\]: .*output 0 .*\[NON_FINITE\]/);
  });

  it('compose exits 1 with NON_FINITE instead of writing null weights', async () => {
    const r = await run(['compose', 'a.json', 'b.json'], { 'a.json': overflowing, 'b.json': overflowing });
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('null');
    expect(r.err).toMatch(/\[NON_FINITE\]/);
  });

  it('regions exits 1 with NON_FINITE instead of a wrong count', async () => {
    const r = await run(['regions', 'big.json', '--json'], { 'big.json': overflowing });
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toMatch(/unit 0 of layer 2 .*\[NON_FINITE\]/);
  });
});

describe('deepnets: sizes (item 5) and scales (item 8)', () => {
  it('compose of two 20,000-unit networks is refused with TOO_LARGE (was: out of memory, exit 134)', async () => {
    const wide = file([
      { weights: Array.from({ length: 20000 }, () => [1]), biases: Array(20000).fill(0) },
      { weights: [Array(20000).fill(1)], biases: [0] },
    ]);
    const r = await run(['compose', 'a.json', 'a.json'], { 'a.json': wide });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/400000000 weights .*limit of 5000000 \[TOO_LARGE\]/);
  });

  it('regions --domain -1e9,1e9 on a two-breakpoint network gives 3 (was 2)', async () => {
    const r = await run(['regions', 'two.json', '--domain', '-1e9,1e9', '--json'], {
      'two.json': twoBreakpoints,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ linearRegions: 3, activationRegions: 3 });
  });
});

describe('deepnets: network files (items 6 and 9)', () => {
  it('a UTF-8 BOM is accepted', async () => {
    const r = await run(['regions', 'bom.json', '--json'], { 'bom.json': `\uFEFF${twoBreakpoints}` });
    expect(r.code).toBe(0);
  });

  it('"activation": null is rejected, naming the file and the field', async () => {
    const text = file(
      [
        { weights: [[1]], biases: [0] },
        { weights: [[1]], biases: [0] },
      ],
      { activation: null },
    );
    const r = await run(['eval', 'n.json', '--x', '0'], { 'n.json': text });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/n\.json: activation: .*null.*\[INVALID_NETWORK\]/);
  });

  it('deep nesting and 10 MB strings give one bounded line naming the file and the JSON path', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const huge = 'y'.repeat(10_000_000);
    const cases: Record<string, string> = {
      'deep.json': `{"format": "${NETWORK_FORMAT}", "layers": [{"weights": [[${deep}]], "biases": [0]}]}`,
      'format.json': JSON.stringify({ format: huge }),
      'key.json': file([{ weights: [[1]], biases: [0], [huge]: 1 }]),
    };
    for (const name of Object.keys(cases)) {
      for (const command of [
        ['eval', name, '--x', '0'],
        ['regions', name],
        ['compose', name, name],
      ]) {
        const r = await run(command, cases);
        expect(r.code).toBe(1);
        expect(r.err).toContain(name);
        expect(r.err.trim().split('\n')).toHaveLength(1);
        expect(r.err.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 40);
        expect(r.err).toMatch(/\[(INVALID_FORMAT|INVALID_NETWORK)\]/);
      }
    }
    const weight = await run(['eval', 'deep.json', '--x', '0'], cases);
    expect(weight.err).toContain('layers[0].weights[0][0]');
  });

  it('a 10 MB argument is elided in usage errors', async () => {
    const r = await run(['eval', 'n.json', '--x', 'z'.repeat(10_000_000)], {});
    expect(r.code).toBe(2);
    expect(r.err.length).toBeLessThan(MAX_MESSAGE_LENGTH + 200);
  });
});
