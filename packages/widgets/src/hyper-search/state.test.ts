import { describe, expect, it } from 'vitest';
import { initialRows, type TrialRow } from '../kit/trials.ts';
import {
  bestRow,
  DEFAULT_SETTINGS,
  HyperSearchError,
  parseList,
  planTrials,
  searchCost,
  sortRows,
} from './state.ts';

describe('planTrials', () => {
  it('grid: every (K, D, alpha) once, equal widths', () => {
    const plans = planTrials({
      ...DEFAULT_SETTINGS,
      depths: [1, 3],
      widths: [2, 5],
      learningRates: [0.1, 0.2, 0.4],
    });
    expect(plans).toHaveLength(2 * 2 * 3);
    const keys = new Set(plans.map((p) => `${p.hidden.length}/${p.hidden[0]}/${p.learningRate}`));
    expect(keys.size).toBe(12);
    expect(plans.every((p) => p.hidden.every((d) => d === p.hidden[0]))).toBe(true);
    expect(new Set(plans.map((p) => p.seed)).size).toBe(12);
  });
  it('random: draws inside the ranges, log-uniform alpha, reproducible by seed', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      strategy: 'random' as const,
      randomTrials: 32,
      depths: [1, 4],
      widths: [2, 9],
      learningRates: [0.01, 1],
    };
    const plans = planTrials(s);
    expect(plans).toHaveLength(32);
    for (const p of plans) {
      expect(p.hidden.length).toBeGreaterThanOrEqual(1);
      expect(p.hidden.length).toBeLessThanOrEqual(4);
      expect(p.hidden.every((d) => d >= 2 && d <= 9)).toBe(true);
      expect(p.learningRate).toBeGreaterThanOrEqual(0.00999);
      expect(p.learningRate).toBeLessThanOrEqual(1.001);
    }
    // log-uniform: about half the draws fall below the geometric middle 0.1
    const below = plans.filter((p) => p.learningRate < 0.1).length;
    expect(below).toBeGreaterThan(6);
    expect(below).toBeLessThan(26);
    expect(planTrials(s)).toEqual(plans);
  });
  it('refuses a grid over the trial limit and bad lists with typed errors', () => {
    expect(() =>
      planTrials({ ...DEFAULT_SETTINGS, depths: [1, 2, 3, 4], widths: [1, 2, 3], learningRates: [1, 2, 3] }),
    ).toThrow(HyperSearchError);
    expect(() => parseList('1, x', 'K', true, 6)).toThrow(/K, item 2/);
    expect(() => parseList('2.5', 'K', true, 6)).toThrow(/whole number/);
    expect(parseList('0.1 0.5', 'alpha', false, 10)).toEqual([0.1, 0.5]);
  });
});

describe('rows', () => {
  const rows: TrialRow[] = initialRows(planTrials(DEFAULT_SETTINGS), 3).map((r, i) => ({
    ...r,
    status: i < 3 ? 'done' : 'running',
    epoch: i < 3 ? 200 : 50,
    validationLoss: [0.5, 0.2, 0.9, 0.1][i % 4] as number,
  }));
  it('counts parameters as sum (D_k + 1) D_{k+1} with 2 inputs', () => {
    const r = rows.find((x) => x.hidden.length === 2 && x.hidden[0] === 8) as TrialRow;
    expect(r.parameters).toBe(3 * 8 + 9 * 8 + 9 * 3);
  });
  it('best = lowest validation loss among finished trials; cost = trials x epochs', () => {
    expect(bestRow(rows)?.trial).toBe(1);
    expect(searchCost(rows, 200)).toEqual({ planned: 8 * 200, done: 3 * 200 + 5 * 50 });
  });
  it('sorts both ways with missing values last', () => {
    const withGap = [...rows, { ...(rows[0] as TrialRow), trial: 99, validationLoss: undefined } as TrialRow];
    const up = sortRows(withGap, 'validationLoss', true).map((r) => r.trial);
    expect(up.at(-1)).toBe(99);
    expect(up.slice(0, 2)).toEqual([3, 7]);
    expect(sortRows(withGap, 'validationLoss', false)[0]?.validationLoss).toBe(0.9);
    expect(sortRows(rows, 'depth', false)[0]?.hidden.length).toBe(2);
  });
});
