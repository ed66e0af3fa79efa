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
    });
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
