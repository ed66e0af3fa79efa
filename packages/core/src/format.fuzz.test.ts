/**
 * Fuzz suite (issue 14) for the network parser: 8,000 generated documents — arbitrary JSON, valid
 * networks with one field mutated, deep nesting, huge strings and numbers, prototype keys, a BOM,
 * truncated text. Every document is either read into a network that validates and round-trips, or
 * refused with a `NetworkValidationError` whose code is known and whose message is at most
 * `MAX_MESSAGE_LENGTH` characters; nothing else is thrown, nothing reaches Object.prototype, and
 * no document takes more than a second.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from './bounded.ts';
import { NetworkValidationError } from './errors.ts';
import { NETWORK_FORMAT, networkToJson, parseNetworkJson } from './format.ts';
import { anyNetwork } from './testing/arbitraries.ts';
import { validateNetwork } from './validate.ts';

const CODES = ['INVALID_FORMAT', 'INVALID_NETWORK', 'SHAPE_MISMATCH', 'NON_FINITE', 'UNKNOWN_NAME'];
const nest = (depth: number, inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

/** A value to plant somewhere in a document. */
const hostile = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 8 },
  {
    arbitrary: fc.constantFrom(null, true, '', 'relu', '__proto__', 'constructor', -0, 1e308, 5e-324, [], {}),
    weight: 8,
  },
  { arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => ({ $raw: nest(n, '1') })), weight: 1 },
  { arbitrary: fc.integer({ min: 1000, max: 100_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
  { arbitrary: fc.constantFrom({ $raw: '1e400' }, { $raw: '-1e999' }, { $raw: '"\\ud800"' }), weight: 2 },
);

/** JSON text of `value`, where `{ $raw }` objects are spliced in verbatim (deep nests, 1e400). */
function text(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && '$raw' in v ? `@@${v.$raw}@@` : v,
  ).replace(/"@@(.*?)@@"/g, (_, raw: string) => raw.replace(/\\"/g, '"').replace(/\\\\/g, '\\'));
}

const layer = fc.record({
  weights: fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  }),
  biases: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { maxLength: 3 }),
});

/** A near-valid document with one field replaced, added or removed. */
const mutated = fc
  .tuple(
    fc.array(layer, { minLength: 1, maxLength: 3 }),
    fc.constantFrom(
      'format',
      'activation',
      'layers',
      'weights',
      'biases',
      'row',
      'entry',
      'extra',
      'layerExtra',
    ),
    hostile,
  )
  .map(([layers, where, value]) => {
    const doc: Record<string, unknown> = { format: NETWORK_FORMAT, activation: 'relu', layers };
    const first = layers[0] as Record<string, unknown> & { weights: unknown[][] };
    if (where === 'format' || where === 'activation' || where === 'layers') doc[where] = value;
    else if (where === 'weights' || where === 'biases') first[where] = value;
    else if (where === 'row') first.weights[0] = value as unknown[];
    else if (where === 'entry') (first.weights[0] as unknown[])[0] = value;
    else if (where === 'extra')
      doc[typeof value === 'string' ? value.slice(0, 100_000) || 'k' : '__proto__'] = value;
    else first.constructor = value;
    return text(doc);
  });

const document = fc.oneof(
  anyNetwork().map(networkToJson),
  anyNetwork('leaky-relu').map((net) => networkToJson(net).replace('{', '{ "zz": 1, ')),
  mutated,
  fc.jsonValue({ maxDepth: 4 }).map((v) => text(v)),
  fc.string({ maxLength: 200 }),
  mutated.chain((t) => fc.nat({ max: t.length }).map((n) => t.slice(0, n))),
  mutated.map((t) => `\uFEFF${t}`),
);

describe('network parser fuzz', () => {
  it('8,000 documents: a valid network or a typed, bounded NetworkValidationError', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    let accepted = 0;
    fc.assert(
      fc.property(document, (json) => {
        const start = performance.now();
        try {
          const net = parseNetworkJson(json);
          validateNetwork(net);
          expect(parseNetworkJson(networkToJson(net))).toEqual(net);
          accepted++;
        } catch (error) {
          expect(error).toBeInstanceOf(NetworkValidationError);
          const e = error as NetworkValidationError;
          expect(CODES).toContain(e.code);
          expect(e.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
        }
        expect(performance.now() - start).toBeLessThan(1000);
      }),
      { numRuns: 8000 },
    );
    expect(accepted).toBeGreaterThan(800);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).relu).toBeUndefined();
  }, 60_000);
});
