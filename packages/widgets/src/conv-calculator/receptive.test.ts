import { describe, expect, it } from 'vitest';
import { convParameters, denseParameters, layersToSee, receptiveField } from './receptive.ts';

/**
 * Brute force, independent of `receptive.ts`: the explicit set of input pixels each unit depends
 * on, propagated through the layers (2-D, k x k, stride s, zero padding).
 */
function bruteLayers(h: number, w: number, k: number, s: number, max = 200): number {
  const pad = (k - 1) / 2;
  let sets: Set<number>[][] = Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => new Set([y * w + x])),
  );
  for (let layer = 1; layer <= max; layer++) {
    const hh = Math.ceil(sets.length / s);
    const ww = Math.ceil((sets[0] as Set<number>[]).length / s);
    const next: Set<number>[][] = [];
    for (let y = 0; y < hh; y++) {
      const row: Set<number>[] = [];
      for (let x = 0; x < ww; x++) {
        const seen = new Set<number>();
        for (let dy = -pad; dy <= pad; dy++) {
          for (let dx = -pad; dx <= pad; dx++) {
            const src = sets[y * s + dy]?.[x * s + dx];
            if (src) for (const p of src) seen.add(p);
          }
        }
        if (seen.size === h * w) return layer;
        row.push(seen);
      }
      next.push(row);
    }
    sets = next;
  }
  return Number.POSITIVE_INFINITY;
}

describe('receptive fields', () => {
  it('grows by k - 1 per stride-1 layer and multiplies with strides', () => {
    expect(receptiveField(0, 3)).toBe(1);
    expect(receptiveField(1, 3)).toBe(3);
    expect(receptiveField(500, 3)).toBe(1001);
    expect(receptiveField(3, 3, 2)).toBe(1 + 2 * (1 + 2 + 4));
  });

  it('agrees with a brute-force propagation of pixel sets on small images', () => {
    for (const [h, w] of [
      [7, 7],
      [10, 13],
      [16, 9],
      [21, 21],
    ] as const) {
      for (const k of [3, 5]) {
        for (const s of [1, 2]) {
          const expected = bruteLayers(h, w, k, s);
          expect(Math.max(layersToSee(h, k, s), layersToSee(w, k, s)), `${h}x${w} k=${k} s=${s}`).toBe(
            expected,
          );
        }
      }
    }
  });

  it('a 1-megapixel image needs 500 layers of 3 x 3 convolutions (stride 1)', () => {
    const n = 1000;
    expect(layersToSee(n, 3)).toBe(500);
    // With stride 1 a unit in the middle sees r_L pixels centred on it: r_L >= n first at L = 500.
    expect(receptiveField(499, 3)).toBeLessThan(n);
    expect(receptiveField(500, 3)).toBeGreaterThanOrEqual(n);
  });

  it('counts parameters: dense 10^6 x 10^6 against a 3 x 3 kernel', () => {
    expect(denseParameters(1e6, 1e6)).toBe(1e12 + 1e6);
    expect(convParameters(3, 3, 3)).toBe(27 * 3 + 3);
  });
});
