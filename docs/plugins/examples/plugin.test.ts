// How to test a plugin: register it into a fresh registry and check each contribution against
// an independent reference (here, the activation's pieces against its closed form).
import { corePlugin, createRegistry } from '@deepnets/core';
import kinkPlugin, { doubleKink } from 'deepnets-plugin-kink';
import { describe, expect, it } from 'vitest';

describe('deepnets-plugin-kink', () => {
  it('registers and its pieces match max(0, z) + max(0, z - 1)', () => {
    const registry = createRegistry([corePlugin, kinkPlugin]);
    const act = registry.get('activation', 'kink/double');
    expect(act).toBe(doubleKink);
    for (let z = -2; z <= 3; z += 0.25) expect(act.f(z)).toBe(Math.max(0, z) + Math.max(0, z - 1));
  });
});
