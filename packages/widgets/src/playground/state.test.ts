import { corePlugin, createRegistry, evaluateBatch } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { boxOf, classProbabilities, freshNetwork, initialState } from './state.ts';
import { playgroundUrlValues, readPlaygroundUrl } from './state-url.ts';

const registry = createRegistry([corePlugin]);
const samples = (xs: number[]) => ({
  count: xs.length / 2,
  inputs: 2,
  targetWidth: 1,
  x: Float64Array.from(xs),
  y: new Float64Array(xs.length / 2),
});
const dataset = (xs: number[]) => ({
  name: 't',
  task: 'classification' as const,
  outputs: 2,
  train: samples(xs),
  test: samples([]),
});

describe('playground state (no DOM)', () => {
  it('takes the URL over the options over the defaults', () => {
    expect(initialState({})).toMatchObject({ activation: 'relu', optimizer: 'adam', hidden: [8, 8] });
    const s = initialState({ hidden: [3], learningRate: 0.1 }, { hidden: [4, 4] });
    expect([s.hidden, s.learningRate]).toEqual([[4, 4], 0.1]);
  });

  it('reads and writes the URL schema, with a notice per ignored parameter', () => {
    const url = readPlaygroundUrl(
      'pg',
      '?pg.hidden=5,6&pg.lr=0.1&pg.activation=nope&pg.dataset=x',
      registry,
      ['adam'],
    );
    expect(url).toMatchObject({ hidden: [5, 6], learningRate: 0.1, dataset: 'x' });
    expect(url.activation).toBeUndefined();
    expect(url.notices).toHaveLength(1);
    expect(readPlaygroundUrl('pg', '?pg.hidden=0', registry).notices[0]).toMatch(/whole numbers/);
    const values = playgroundUrlValues({ ...initialState({}), dataset: 'circles' });
    expect(values).toEqual({
      dataset: 'circles',
      activation: 'relu',
      optimizer: 'adam',
      hidden: '8,8',
      lr: '0.03',
      stop: 'none',
      validation: '0',
    });
  });

  it('carries the stop condition and the validation split in the URL, both ways', () => {
    const state = {
      ...initialState({}),
      dataset: 'circles',
      stopAt: { kind: 'loss' as const, value: 0.125 },
      validation: 0.2,
    };
    const values = playgroundUrlValues(state);
    expect(values).toMatchObject({ stop: 'loss', target: '0.125', validation: '0.2' });
    const search = `?${new URLSearchParams(Object.entries(values).map(([k, v]) => [`pg.${k}`, v]))}`;
    const back = readPlaygroundUrl('pg', search, registry, ['adam']);
    expect(back.notices).toEqual([]);
    const again = initialState({}, back);
    expect([again.stopAt, again.validation]).toEqual([state.stopAt, 0.2]);
    const accuracy = readPlaygroundUrl('pg', '?pg.stop=accuracy&pg.target=0.9', registry);
    expect(accuracy.stopAt).toEqual({ kind: 'accuracy', value: 0.9 });
    // A kind without a target takes its usual one; 'none' writes no target.
    expect(readPlaygroundUrl('pg', '?pg.stop=loss', registry).stopAt).toEqual({ kind: 'loss', value: 0.05 });
    expect(playgroundUrlValues({ ...state, stopAt: { kind: 'none', value: 1 } })).not.toHaveProperty(
      'target',
    );
  });

  it('ignores bad stop and validation values with a notice each, keeping the defaults', () => {
    const read = (search: string) => readPlaygroundUrl('pg', search, registry);
    const cases: [string, RegExp][] = [
      ['?pg.stop=always', /"pg\.stop=always": expected one of none, accuracy, loss/],
      ['?pg.stop=loss&pg.target=-1', /"pg\.target=-1": expected a number from 0 to 1000/],
      ['?pg.stop=loss&pg.target=NaN', /"pg\.target=NaN": expected a number/],
      ['?pg.stop=accuracy&pg.target=1.5', /"pg\.target=1\.5": an accuracy target is a fraction/],
      ['?pg.stop=accuracy&pg.target=0', /"pg\.target=0": an accuracy target is a fraction/],
      ['?pg.target=0.5', /"pg\.target=0\.5": set "pg\.stop" to accuracy or loss/],
      ['?pg.validation=0.5', /"pg\.validation=0\.5": expected one of 0, 0\.1, 0\.2, 0\.3/],
      ['?pg.validation=<b>', /"pg\.validation=<b>": expected one of/],
    ];
    for (const [search, notice] of cases) {
      const url = read(search);
      expect(url.notices, search).toHaveLength(1);
      expect(url.notices[0], search).toMatch(notice);
      const s = initialState({}, url);
      expect(s.validation).toBe(0);
      expect(s.stopAt.kind === 'none' || s.stopAt.value === (s.stopAt.kind === 'loss' ? 0.05 : 0.95)).toBe(
        true,
      );
    }
  });

  it('never writes a CSV file to the URL, and drawn points only while they are few', () => {
    const base = { ...initialState({}), dataset: 'CSV: big.csv', source: 'csv' as const };
    expect(playgroundUrlValues(base)).not.toHaveProperty('dataset');
    const points = [{ x1: 0.5, x2: -0.25, c: 1 as const }];
    const drawn = playgroundUrlValues({ ...base, source: 'drawn', points });
    expect([drawn['dataset'], drawn['points']]).toEqual(['drawn', '0.5:-0.25:1']);
    const many = playgroundUrlValues({ ...base, source: 'drawn', points: Array(61).fill(points[0]) });
    expect(many).not.toHaveProperty('points');
    expect(many).not.toHaveProperty('dataset');
    expect(playgroundUrlValues({ ...base, source: 'function' })['dataset']).toBe('function');
    const url = readPlaygroundUrl('pg', '?pg.dataset=drawn&pg.points=0.5:-0.25:1~1:1:0', registry);
    expect(url.points).toEqual([points[0], { x1: 1, x2: 1, c: 0 }]);
    expect(readPlaygroundUrl('pg', '?pg.points=9:9:9', registry).notices[0]).toMatch(/pg\.points.*point 1/);
  });

  it("pads the data's box by 10% on each side", () => {
    expect(boxOf(dataset([0, 0, 4, 2]))).toEqual([-0.4, 4.4, -0.2, 2.2]);
  });

  it('maps two outputs to the softmax probability of class 1', () => {
    const made = freshNetwork(initialState({ hidden: [3] }), dataset([0, 0, 1, 1]), 7);
    const net = made.network as NonNullable<typeof made.network>;
    const xs = Float64Array.of(0.3, -0.2, 1, 2);
    const p = classProbabilities(net, xs, 2, 2);
    const y = evaluateBatch(net, xs, 2);
    for (let i = 0; i < 2; i++) {
      const [a, b] = [Math.exp(y[2 * i] as number), Math.exp(y[2 * i + 1] as number)];
      expect(p[i]).toBeCloseTo(b / (a + b), 12);
    }
    expect(freshNetwork(initialState({ hidden: [3] }), undefined, 1)).toEqual({});
  });
});
