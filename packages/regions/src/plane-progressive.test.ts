import { AbortError, initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { polygonArea } from './polygon.ts';
import { countRegions2d, type LayerPartition, regions2d } from './regions2d.ts';

const net = initNetwork([2, 12, 12, 12, 3], { init: 'he-normal', rng: 5, biases: 0.1 });

describe('progressive 2-D enumeration (onPartition)', () => {
  it('gives the layer-1 partition first, then every final polygon once, in order, with its output map', () => {
    const parts: LayerPartition[] = [];
    const r = regions2d(net, { onPartition: (p) => parts.push(p) });
    expect(parts[0]?.layer).toBe(1);
    expect(parts[0]?.layers).toBe(3);
    const layer1Area = Array.from(parts[0]?.count ?? [], (n, p) => {
      const s = 2 * (parts[0]?.start[p] as number);
      return polygonArea((parts[0] as LayerPartition).xy.subarray(s, s + 2 * n));
    }).reduce((a, b) => a + b, 0);
    expect(layer1Area).toBeCloseTo(4, 9);
    const finals = parts.slice(1);
    expect(finals.every((p) => p.layer === 3)).toBe(true);
    expect(finals.reduce((s, p) => s + p.count.length, 0)).toBe(r.activationRegions);
    let q = 0;
    for (const part of finals) {
      for (let p = 0; p < part.count.length; p++, q++) {
        const s = 2 * (part.start[p] as number);
        const polygon = r.polygons[q];
        expect(part.xy.subarray(s, s + 2 * (part.count[p] as number))).toEqual(polygon?.vertices);
        for (let o = 0; o < 3; o++) {
          expect(part.maps[3 * (3 * p + o)]).toBe(polygon?.dx[o]);
          expect(part.maps[3 * (3 * p + o) + 1]).toBe(polygon?.dy[o]);
          expect(part.maps[3 * (3 * p + o) + 2]).toBe(polygon?.c[o]);
        }
      }
    }
  });

  it('countRegions2d gives the counts of regions2d', () => {
    const r = regions2d(net);
    expect(countRegions2d(net)).toEqual({
      activationRegions: r.activationRegions,
      linearRegions: r.linearRegions,
    });
  });

  it('an abort after the first polygons stops the enumeration before the next layer-1 polygon', () => {
    const controller = new AbortController();
    let calls = 0;
    expect(() =>
      regions2d(net, {
        signal: controller.signal,
        onPartition: () => {
          calls++;
          controller.abort();
        },
      }),
    ).toThrow(AbortError);
    expect(calls).toBe(1);
  });
});
