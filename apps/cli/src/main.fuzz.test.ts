/**
 * Fuzz suite (issue 14) for the CLI entry points: 7,000 generated command lines run in-process
 * through `main` (eval, compose, regions, bounds, construct, help and unknown words) over generated
 * network files (valid, mutated, deep, huge, with a BOM). Every run exits 0, 1 or 2; a failure is
 * one bounded stderr line ending in a known `[CODE]` (exit 1) or a usage message (exit 2), so
 * nothing untyped escapes; `--json` output parses and holds no null; no run takes more than two
 * seconds; nothing reaches Object.prototype.
 */
import { MAX_MESSAGE_LENGTH, NETWORK_FORMAT } from '@deepnets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { memoryIO } from './testing/memory-io.ts';

const CODES =
  /\[(INVALID_NETWORK|INVALID_FORMAT|SHAPE_MISMATCH|NON_FINITE|UNKNOWN_NAME|NOT_PIECEWISE_LINEAR|OUT_OF_RANGE|PRECISION_LOST|TOO_LARGE)\]\n$/;

const coefficient = fc.oneof(
  { arbitrary: fc.double({ min: -3, max: 3, noNaN: true }), weight: 8 },
  { arbitrary: fc.constantFrom(0, 1e200, -1e200, 1e-300, 1e150), weight: 1 },
);
const vector = (n: number) => fc.array(coefficient, { minLength: n, maxLength: n });

/** A network document with inputs D_i in {1, 2, 3}, up to 3 hidden layers of up to 4 units. */
const network = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
  )
  .chain(([inputs, sizes]) => {
    const dims = [inputs, ...sizes];
    return fc.tuple(
      fc.constantFrom('relu', 'leaky-relu', 'abs', 'tanh', 'relu'),
      fc.tuple(
        ...dims.slice(1).map((rows, k) =>
          fc.record({
            weights: fc.array(vector(dims[k] as number), { minLength: rows, maxLength: rows }),
            biases: vector(rows),
          }),
        ),
      ),
    );
  })
  .map(([activation, layers]) => ({ format: NETWORK_FORMAT, activation, layers }));

const fileText = fc.oneof(
  { arbitrary: network.map((n) => JSON.stringify(n)), weight: 10 },
  { arbitrary: network.map((n) => `\uFEFF${JSON.stringify(n)}`), weight: 1 },
  { arbitrary: network.map((n) => JSON.stringify({ ...n, activation: null })), weight: 1 },
  {
    arbitrary: network.chain((n) => fc.nat({ max: 60 }).map((c) => JSON.stringify(n).slice(0, c))),
    weight: 2,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 2 },
  {
    arbitrary: fc
      .integer({ min: 1, max: 50_000 })
      .map(
        (d) =>
          `{"format":"${NETWORK_FORMAT}","layers":[{"weights":[[${'['.repeat(d)}${']'.repeat(d)}]],"biases":[0]}]}`,
      ),
    weight: 1,
  },
  {
    arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => JSON.stringify({ format: 'f'.repeat(n) })),
    weight: 1,
  },
);

const word = fc.constantFrom(
  'eval',
  'compose',
  'regions',
  'bounds',
  'construct',
  'max-regions',
  'help',
  'evil',
  '--',
);
const flagName = fc.constantFrom(
  'x',
  'domain',
  'box',
  'inputs',
  'width',
  'layers',
  'outputs',
  'json',
  'trace',
  'help',
  'constructor',
  '__proto__',
);
const flagValue = fc.oneof(
  fc.constantFrom(
    '0',
    '1',
    '2',
    '3',
    '4',
    '6',
    '-1',
    '0.5',
    '1e9',
    '100000',
    'abc',
    '',
    'NaN',
    'Infinity',
    '1,2',
  ),
  fc.constantFrom(
    '-1,1',
    '-1e9,1e9',
    '0,1',
    '-1e300,1e300',
    '1,-1',
    '-1,1,-1,1',
    '-1e300,1e300,-1e300,1e300',
    '0,0',
  ),
  fc.array(fc.double(), { minLength: 1, maxLength: 4 }).map((vs) => vs.join(',')),
  fc.integer({ min: 1000, max: 100_000 }).map((n) => '9'.repeat(n)),
);
const small = fc.integer({ min: 1, max: 12 }).map(String);
/** Well-formed command lines (most of them do real work). */
const wellFormed = fc.oneof(
  fc
    .tuple(fc.constantFrom('-1', '0.5', '0,1', '1,2,3', '1e300'), fc.boolean())
    .map(([x, t]) => ['eval', 'a.json', '--x', x, ...(t ? ['--trace'] : []), '--json']),
  fc.constant(['compose', 'a.json', 'b.json', '--json']),
  fc
    .constantFrom(
      [],
      ['--domain', '-1e9,1e9'],
      ['--domain', '-2,2'],
      ['--box', '-1e9,1e9,-1,1'],
      ['--box', '0,1,0,1'],
    )
    .map((extra) => ['regions', 'a.json', ...extra, '--json']),
  fc
    .tuple(small, small, small)
    .map(([i, w, l]) => ['bounds', '--inputs', i, '--width', w, '--layers', l, '--json']),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 3, max: 8 }))
    .map(([l, w]) => ['construct', 'max-regions', '--layers', String(l), '--width', String(w), '--json']),
);
const freeForm = fc
  .tuple(
    fc.array(word, { minLength: 1, maxLength: 2 }),
    fc.array(fc.constantFrom('a.json', 'b.json', 'missing.json'), { maxLength: 3 }),
    fc.array(fc.tuple(flagName, flagValue, fc.boolean()), { maxLength: 5 }),
  )
  .map(([words, files, flags]) => [
    ...words,
    ...files,
    ...flags.flatMap(([name, value, joined]) => (joined ? [`--${name}=${value}`] : [`--${name}`, value])),
  ]);

const argv = fc.oneof(wellFormed, freeForm);

describe('CLI fuzz', () => {
  it('7,000 command lines through main(): typed, bounded, parseable, no hang, no pollution', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const exits = [0, 0, 0];
    await fc.assert(
      fc.asyncProperty(argv, fileText, fileText, async (args, a, b) => {
        const io = memoryIO({ 'a.json': a, 'b.json': b });
        const start = performance.now();
        const code = await main(args, io);
        const err = io.err.join('');
        const out = io.out.join('');
        expect([0, 1, 2]).toContain(code);
        exits[code] = (exits[code] as number) + 1;
        if (code === 1) {
          expect(err).toMatch(CODES);
          expect(err.split('\n')).toHaveLength(2);
          expect(err.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 40);
        }
        if (code === 2) expect(err.split('\n')[0]?.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 60);
        const help =
          args.some((w) => w === 'help' || w.startsWith('--help')) ||
          !/^(eval|compose|regions|bounds|construct)/.test(args.join(' '));
        if (code === 0 && args.includes('--json') && !help) {
          expect(() => JSON.parse(out)).not.toThrow();
          // no number turned into null inside an array (bounds' n/a fields are null by contract)
          expect(out).not.toMatch(/[[,]null|null\]/);
        }
        expect(performance.now() - start).toBeLessThan(2000);
      }),
      { numRuns: 7000, timeout: 5000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    // the generator reaches real work, typed refusals and usage errors alike
    for (const count of exits) expect(count).toBeGreaterThan(300);
  }, 120_000);
});
