import { describe, expect, it } from 'vitest';
import { canonicalJson, fnv1a64, planSweep, trialId } from './plan.ts';
import { parseSweepSpec } from './spec.ts';

const FIGURE_20_2 = {
  experiment: 'random-labels',
  models: ['1x298', '2x100', '3x75', '4x63'],
  seeds: [1, 2, 3, 4, 5],
  labels: ['shuffle', 'true'],
  samples: 400,
  lr: 0.1,
  maxEpochs: 20000,
};

describe('sweep spec and plan', () => {
  it('plans the scaled Figure 20.2 as 40 trials with distinct stable ids', () => {
    const trials = planSweep(parseSweepSpec(JSON.stringify(FIGURE_20_2)));
    expect(trials).toHaveLength(4 * 5 * 2);
    expect(new Set(trials.map((t) => t.id)).size).toBe(40);
    const again = planSweep(parseSweepSpec({ ...FIGURE_20_2, seeds: [5, 4, 3, 2, 1] }));
    expect(new Set(again.map((t) => t.id))).toEqual(new Set(trials.map((t) => t.id)));
    const first = trials[0];
    expect(first?.settings).toMatchObject({
      model: '1x298',
      hidden: [298],
      seed: 1,
      labels: 'shuffle',
      lr: 0.1,
    });
    expect(first?.id).toMatch(/^rl-[0-9a-f]{16}$/);
  });

  it('plans the train form with the deepnets train flags', () => {
    const trials = planSweep(
      parseSweepSpec({
        experiment: 'train',
        dataset: 'two-moons',
        hidden: ['8,8', 16],
        epochs: 300,
        lr: [0.01, 0.03],
        optimizer: 'adam',
        seed: [0, 1],
      }),
    );
    expect(trials).toHaveLength(8);
    expect(trials.map((t) => t.settings['hidden'])).toContainEqual([8, 8]);
    expect(trials.map((t) => t.settings['hidden'])).toContainEqual([16]);
    expect(trials[0]?.id).toMatch(/^train-[0-9a-f]{16}$/);
  });

  it('ids hash canonical settings: key order does not matter, any value does', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
    const a = trialId({ experiment: 'train', seed: 1, lr: 0.1 });
    expect(trialId({ lr: 0.1, seed: 1, experiment: 'train' })).toBe(a);
    expect(trialId({ experiment: 'train', seed: 1, lr: 0.10000000000000002 })).not.toBe(a);
    // FNV-1a 64 reference values (the algorithm's published test vectors).
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('a list of specs is the union of their grids', () => {
    const trials = planSweep(parseSweepSpec([FIGURE_20_2, { ...FIGURE_20_2, seeds: [5, 6] }]));
    expect(trials).toHaveLength(48);
  });

  it.each([
    ['not json', '{', /^spec: is not JSON/],
    ['unknown experiment', { experiment: 'nope' }, /^experiment: must be one of random-labels, train/],
    ['unknown key', { experiment: 'train', widths: 3 }, /^widths: is not a flag of train/],
    ['bad seed in an axis', { ...FIGURE_20_2, seeds: [1, 2, -3] }, /^seeds\[2\]: must be a whole number/],
    ['unknown model', { ...FIGURE_20_2, models: ['5x5'] }, /^models\[0\]: must be one of the models/],
    ['empty axis', { ...FIGURE_20_2, labels: [] }, /^labels: is an empty grid axis/],
    ['negative lr', { ...FIGURE_20_2, lr: -1 }, /^lr: must be a positive finite number/],
    [
      'missing train flag',
      { experiment: 'train', dataset: 'xor', hidden: 4, lr: 0.1 },
      /^epochs: is required/,
    ],
    [
      'bad hidden',
      { experiment: 'train', dataset: 'xor', hidden: '4,x', epochs: 3, lr: 1 },
      /^hidden: must be hidden widths/,
    ],
    [
      'second of a list',
      [FIGURE_20_2, { ...FIGURE_20_2, samples: 0 }],
      /^\[1\]\.samples: must be a whole number/,
    ],
    ['not an object', 42, /^spec: must be a JSON object/],
  ])('rejects %s naming the field', (_name, spec, message) => {
    expect(() => parseSweepSpec(spec)).toThrow(message);
    try {
      parseSweepSpec(spec);
    } catch (e) {
      expect((e as { code: string }).code).toBe('INVALID_FORMAT');
    }
  });
});
