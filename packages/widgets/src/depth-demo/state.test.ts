import { parametersForWidths } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { initialRows, type TrialRow } from '../kit/trials.ts';
import {
  CHANCE_LOSS,
  DEFAULT_DEPTH_DEMO,
  depthPlans,
  stallDepth,
  summariseDepths,
  TRAINED_LOSS,
} from './state.ts';

describe('depth demo', () => {
  it('plans one run per (depth, seed) with distinct seeds', () => {
    const plans = depthPlans(DEFAULT_DEPTH_DEMO);
    expect(plans).toHaveLength(DEFAULT_DEPTH_DEMO.depths.length * DEFAULT_DEPTH_DEMO.seeds);
    expect(new Set(plans.map((p) => p.seed)).size).toBe(plans.length);
    expect(plans.at(-1)?.hidden).toHaveLength(48);
  });
  it('ln 2 is the loss of predicting 1/2 for two classes; trained means below half of it', () => {
    expect(CHANCE_LOSS).toBeCloseTo(-Math.log(0.5), 15);
    expect(TRAINED_LOSS).toBeCloseTo(0.5 * -Math.log(0.5), 15);
  });
  it('summarises by depth and finds where most runs stop training', () => {
    const settings = { ...DEFAULT_DEPTH_DEMO, depths: [2, 16, 32], seeds: 2 };
    const outcome: Record<number, [number, number][]> = {
      2: [
        [0.1, 0.97],
        [0.2, 0.95],
      ],
      16: [
        [0.05, 1],
        [CHANCE_LOSS, 0.5],
      ],
      32: [
        [CHANCE_LOSS, 0.5],
        [CHANCE_LOSS * 1.001, 0.5],
      ],
    };
    const rows: TrialRow[] = initialRows(depthPlans(settings), 2).map((r) => {
      const i = r.trial % 2;
      const [loss, acc] = (outcome[r.hidden.length] as [number, number][])[i] as [number, number];
      return { ...r, status: 'done', trainLoss: loss, trainAccuracy: acc };
    });
    const summary = summariseDepths(rows, settings.depths);
    expect(summary.map((s) => s.trained)).toEqual([2, 1, 0]);
    expect(summary.map((s) => s.atChance)).toEqual([0, 1, 2]);
    expect(summary[0]?.medianLoss).toBeCloseTo(0.15, 12);
    expect(summary[2]?.parameters).toBe(parametersForWidths([2, ...Array(32).fill(8), 2]));
    expect(stallDepth(summary)).toBe(32);
    expect(stallDepth(summary.slice(0, 2))).toBeUndefined();
  });
});
