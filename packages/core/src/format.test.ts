import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from './bounded.ts';
import { DeepnetsError, NetworkValidationError } from './errors.ts';
import { NETWORK_FORMAT, networkToJson, parseNetwork, parseNetworkJson } from './format.ts';
import { evaluate } from './forward.ts';
import { shallowNetwork } from './shallow.ts';
import { anyNetwork } from './testing/arbitraries.ts';
import { udlNetwork1 } from './testing/udl-4-1.ts';

const designExample = `{ "format": "deepnets.network/v1",
  "activation": "relu",
  "layers": [ { "weights": [[-1], [1], [1]], "biases": [0, 0, -0.67] },
              { "weights": [[-2, -3, 9.3]],  "biases": [1] } ] }`;

/** The error thrown by `fn`, for inspecting its code and message. */
function thrown(fn: () => unknown): DeepnetsError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DeepnetsError);
    return e as DeepnetsError;
  }
  throw new Error('expected an error');
}

const doc = (layers: unknown, extra: object = {}) => ({
  format: NETWORK_FORMAT,
  activation: 'relu',
  layers,
  ...extra,
});
const good = { weights: [[1], [2]], biases: [0, 0] };

describe('deepnets.network/v1', () => {
  it("reads DESIGN.md's example as UDL notebook 4.1's network 1 with phi_0 = 1", () => {
    const net = parseNetworkJson(designExample);
    const same = shallowNetwork({ ...udlNetwork1, phi: [1, -2, -3, 9.3] });
    expect(net).toEqual(same);
    expect(evaluate(net, [0.5])).toEqual(evaluate(same, [0.5]));
  });

  it('round-trips any network exactly (write, read, write)', () => {
    fc.assert(
      fc.property(anyNetwork(), fc.constantFrom('relu', 'abs', 'tanh'), (net, activation) => {
        const withAct = { ...net, activation };
        const text = networkToJson(withAct);
        const back = parseNetworkJson(text);
        expect(back).toEqual(withAct);
        expect(networkToJson(back)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('defaults a missing activation to relu', () => {
    expect(parseNetwork({ format: NETWORK_FORMAT, layers: [good] }).activation).toBe('relu');
  });

  it.each([
    ['not JSON', () => parseNetworkJson('{'), 'INVALID_FORMAT', 'not valid JSON'],
    ['not an object', () => parseNetwork([1]), 'INVALID_FORMAT', 'expected a JSON object'],
    [
      'wrong format tag',
      () => parseNetwork({ ...doc([good]), format: 'v0' }),
      'INVALID_FORMAT',
      'format: expected',
    ],
    ['missing format tag', () => parseNetwork({ layers: [good] }), 'INVALID_FORMAT', 'got nothing'],
    [
      'unknown field',
      () => parseNetwork(doc([good], { weights: 1 })),
      'INVALID_FORMAT',
      'unknown field "weights"',
    ],
    [
      'typo in a layer',
      () => parseNetwork(doc([{ weights: [[1]], bias: [0] }])),
      'INVALID_FORMAT',
      'layers[0]: unknown field "bias"',
    ],
    ['empty layers', () => parseNetwork(doc([])), 'INVALID_NETWORK', 'layers: is empty'],
    ['layers not an array', () => parseNetwork(doc({})), 'INVALID_NETWORK', 'layers: must be an array'],
    [
      'a layer with no rows',
      () => parseNetwork(doc([{ weights: [], biases: [] }])),
      'INVALID_NETWORK',
      'no rows',
    ],
    ['zero inputs', () => parseNetwork(doc([{ weights: [[]], biases: [0] }])), 'INVALID_NETWORK', 'D_i'],
    [
      'ragged rows',
      () =>
        parseNetwork(
          doc([
            { weights: [[1], [2], [3], [4]], biases: [0, 0, 0, 0] },
            {
              weights: [
                [1, 2, 3, 4],
                [1, 2, 3, 4],
                [1, 2, 3],
              ],
              biases: [0, 0, 0],
            },
          ]),
        ),
      'SHAPE_MISMATCH',
      'layers[1].weights: row 2 has 3 entries, expected 4',
    ],
    [
      'layers that disagree',
      () => parseNetwork(doc([good, { weights: [[1, 2, 3]], biases: [0] }])),
      'SHAPE_MISMATCH',
      'layers[1].weights: row 0 has 3 entries, expected 2 (layers[0] has 2 units)',
    ],
    [
      'biases of the wrong length',
      () => parseNetwork(doc([{ weights: [[1], [2]], biases: [0] }])),
      'SHAPE_MISMATCH',
      'layers[0].biases: has 1 entries, expected 2',
    ],
    [
      'a string weight',
      () => parseNetwork(doc([{ weights: [[1], ['2']], biases: [0, 0] }])),
      'INVALID_NETWORK',
      'layers[0].weights[1][0]: must be a number, got "2"',
    ],
    [
      'an infinite weight (1e999 in JSON)',
      () => parseNetworkJson(JSON.stringify(doc([good])).replace('[[1]', '[[1e999]')),
      'NON_FINITE',
      'layers[0].weights[0][0]: must be finite, got Infinity',
    ],
    [
      'a NaN bias',
      () => parseNetwork(doc([{ weights: [[1]], biases: [Number.NaN] }])),
      'NON_FINITE',
      'layers[0].biases[0]: must be finite, got NaN',
    ],
    [
      'unknown activation',
      () => parseNetwork({ ...doc([good]), activation: 'swish' }),
      'UNKNOWN_NAME',
      'unknown activation "swish"; known activations: relu, leaky-relu',
    ],
  ])('rejects %s with a typed error naming where', (_, fn, code, message) => {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(NetworkValidationError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('validates before writing', () => {
    expect(() =>
      networkToJson({ activation: 'relu', layers: [{ weights: [[Number.NaN]], biases: [0] }] }),
    ).toThrow(NetworkValidationError);
  });
});

describe('deepnets.network/v1: hostile files (issue 14, items 6 and 9)', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const huge = 'x'.repeat(10_000_000);

  it('rejects "activation": null instead of reading it as ReLU', () => {
    const e = thrown(() =>
      parseNetwork(doc([good, { weights: [[1, 1]], biases: [0] }], { activation: null })),
    );
    expect(e.path).toBe('activation');
    expect(e.message).toMatch(/got null/);
  });

  it('accepts a UTF-8 byte order mark and strips it', () => {
    const text = `\uFEFF${designExample}`;
    expect(parseNetworkJson(text)).toEqual(parseNetworkJson(designExample));
  });

  it('deep nesting anywhere gives a typed error naming the JSON path, never a stack overflow', () => {
    const at = (json: string) => thrown(() => parseNetworkJson(json));
    const fmt = at(`{"format": ${deep(200_000)}}`);
    expect(fmt).toMatchObject({ code: 'INVALID_FORMAT', path: 'format' });
    const act = at(`{"format": "${NETWORK_FORMAT}", "activation": ${deep(200_000)}, "layers": []}`);
    expect(act.path).toBe('activation');
    const weight = at(
      `{"format": "${NETWORK_FORMAT}", "layers": [{"weights": [[${deep(200_000)}]], "biases": [0]}]}`,
    );
    expect(weight.path).toBe('layers[0].weights[0][0]');
    for (const e of [fmt, act, weight]) expect(e.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });

  it('a 10 MB string in any field gives a message of at most MAX_MESSAGE_LENGTH characters', () => {
    const cases = [
      { format: huge },
      doc([good], { activation: huge }),
      doc([good], { [huge]: 1 }),
      doc([{ weights: [[huge], [1]], biases: [0, 0] }]),
      doc([{ ...good, [huge]: 1 }]),
    ];
    for (const value of cases) {
      const e = thrown(() => parseNetworkJson(JSON.stringify(value)));
      expect(e.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(e.message).toMatch(/xxx…xxx|an array|"format"/);
    }
  });
});
