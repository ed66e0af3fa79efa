/**
 * Fuzz suite (issue 14) for the widgets' URL-state parser: 5,000 generated queries — random text,
 * percent-encoded bytes, prototype names, huge values — against a schema of every field type.
 * Every query is read without throwing, only schema fields with valid values come back, every
 * notice is short, nothing reaches Object.prototype, and no query takes more than a second.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUrlState, type UrlSchema, writeUrlState } from './url-state.ts';

const schema: UrlSchema = {
  'theta.1.0': { type: 'number', min: -3, max: 3 },
  layers: { type: 'integer', min: 1, max: 8 },
  activation: { type: 'choice', values: ['relu', 'abs'] },
};

const prototypeNames = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];
const key = fc.oneof(
  fc.constantFrom(...Object.keys(schema), ...prototypeNames),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('constructor.prototype', '__proto__.polluted', 'theta.1.0.x'),
);
const value = fc.oneof(
  { arbitrary: fc.integer({ min: 1000, max: 50_000 }).map((n) => 'v'.repeat(n)), weight: 1 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 10 },
  { arbitrary: fc.double().map(String), weight: 10 },
  fc.constantFrom(
    '1',
    '2.5',
    '-3',
    '3',
    'NaN',
    'Infinity',
    '1e308',
    '-0',
    '0x10',
    ' 4 ',
    'relu',
    'abs',
    '',
    '%00',
  ),
);
const query = fc
  .array(fc.tuple(fc.constantFrom('w', 'v', 'w.w', ''), key, value, fc.boolean()), { maxLength: 8 })
  .map((parts) =>
    parts
      .map(([prefix, k, v, encode]) => {
        const name = prefix ? `${prefix}.${k}` : k;
        return encode ? `${encodeURIComponent(name)}=${encodeURIComponent(v)}` : `${name}=${v}`;
      })
      .join('&'),
  );

describe('URL state fuzz', () => {
  it('5,000 queries: no throw, only valid schema values, short notices, no prototype pollution', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(query, fc.boolean(), (search, question) => {
        const start = performance.now();
        const { values, notices } = readUrlState('w', schema, question ? `?${search}` : search);
        for (const [k, v] of Object.entries(values)) {
          const field = schema[k];
          expect(field && Object.hasOwn(schema, k)).toBeTruthy();
          if (field?.type === 'choice') expect(field.values).toContain(v);
          else if (field) expect(typeof v === 'number' && v >= field.min && v <= field.max).toBe(true);
        }
        expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
        for (const notice of notices) expect(notice.length).toBeLessThan(200);
        // what was read writes back (numbers to 8 significant digits) and reads again
        const written = Object.fromEntries(
          Object.entries(values).map(([k, v]) => [
            k,
            typeof v === 'number' ? Number(String(Number(v.toPrecision(8)))) : v,
          ]),
        );
        expect(readUrlState('w', schema, writeUrlState('w', values, '')).values).toEqual(written);
        expect(performance.now() - start).toBeLessThan(1000);
      }),
      { numRuns: 5000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});
