import { createRng, initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { udlMaxRegions } from './bounds.ts';
import { countRegionsOnSegment } from './restrict.ts';
import { lineStatistics } from './statistics.ts';

describe('lineStatistics (Hanin and Rolnick)', () => {
  it('counts regions along random segments, far below the maximum, about one per neuron', () => {
    const widths = [4, 10, 10, 10, 1];
    const s = lineStatistics(widths, { networks: 8, seed: 5 });
    expect(s.hiddenUnits).toBe(30);
    expect(s.counts).toHaveLength(8);
    expect(s.regionsPerNeuron).toBeGreaterThan(0);
    expect(s.regionsPerNeuron).toBeLessThan(2);
    expect(BigInt(Math.max(...s.counts))).toBeLessThan(udlMaxRegions({ inputs: 1, width: 10, layers: 3 }));
    expect(lineStatistics(widths, { networks: 8, seed: 5 })).toEqual(s);
  });

  it('each count is the exact count along that segment (same random stream)', () => {
    const rng = createRng(9);
    const net = initNetwork([3, 6, 1], { init: 'he-normal', rng, biases: 0.1 });
    const point = () => Array.from({ length: 3 }, () => rng.normal());
    const expected = countRegionsOnSegment(net, point(), point()).activationRegions;
    expect(lineStatistics([3, 6, 1], { networks: 1, seed: 9 }).counts).toEqual([expected]);
  });
});
