import { evaluate } from '@deepnets/core';
import { regions1d } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import { deepNetwork, sawtoothState, shallowNetwork } from './state.ts';

/** Parameters of 1-2-...-2-1 counted layer by layer: (fan-in + 1) times fan-out. */
const deepParameters = (K: number) => (1 + 1) * 2 + (K - 1) * (2 + 1) * 2 + (2 + 1) * 1;

describe('sawtooth state (Node, no DOM)', () => {
  for (const K of [1, 3, 6, 12]) {
    it(`K = ${K}: 2^K pieces, 2^K - 1 or more shallow units, equal functions`, () => {
      const deep = deepNetwork(K);
      const deepRegions = regions1d(deep, { domain: [0, 1] });
      const shallow = shallowNetwork(deepRegions);
      const { state, series } = sawtoothState(
        K,
        { deep, shallow },
        { deep: deepRegions, shallow: regions1d(shallow, { domain: [0, 1] }) },
      );
      expect(state.deep.regions).toBe(2 ** K);
      expect(state.shallow.regions).toBe(2 ** K);
      expect(state.deep.parameters).toBe(deepParameters(K));
      expect(state.shallow.units).toBeGreaterThanOrEqual(2 ** K - 1);
      expect(state.maxDifference).toBeLessThan(1e-9);
      // The drawn series is the network itself at every grid point.
      for (const i of [0, 7, 1024, 2048])
        expect(series.deep[i]).toBeCloseTo(evaluate(deep, [series.xs[i] as number])[0] as number, 12);
    });
  }
});
