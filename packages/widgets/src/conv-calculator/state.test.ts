import { createRng, initNetwork, parametersForWidths } from '@deepnets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUrlState } from '../kit/url-state.ts';
import {
  convState,
  DEFAULT_OPTIONS,
  fieldCurve,
  float32Bytes,
  optionsFromUrl,
  URL_SCHEMA,
  urlValues,
} from './state.ts';

/** Pixels a unit sees after L stacked k x k convolutions with stride s, walked one layer at a time. */
function fieldByPropagation(layers: number, k: number, s: number): number {
  // The span of input pixels under one unit: each layer widens it by k - 1 steps of the current jump.
  let span = 1;
  let jump = 1;
  for (let l = 0; l < layers; l++) {
    span += (k - 1) * jump;
    jump *= s;
  }
  return span;
}

describe('conv-calculator state', () => {
  it('counts the dense layer as core counts a 1-layer network H W C -> units, array by array', () => {
    const o = { ...DEFAULT_OPTIONS, height: 6, width: 5, channels: 3, units: 7 };
    const net = initNetwork([90, 7], { init: 'he-normal', rng: createRng(1) });
    const counted = net.layers.reduce((n, l) => n + l.weights.flat().length + l.biases.length, 0);
    expect(convState(o).dense).toBe(counted);
    expect(convState(o).dense).toBe(parametersForWidths([90, 7]));
  });

  it('counts the convolution as its kernel array k x k x C x Co plus Co biases', () => {
    for (const [k, C, Co] of [
      [3, 1, 1],
      [5, 3, 16],
      [7, 64, 1024],
    ] as const) {
      const kernel = Array.from({ length: Co }, () =>
        Array.from({ length: C }, () => new Float64Array(k * k)),
      );
      const counted = kernel.flat().reduce((n, a) => n + a.length, 0) + Co;
      expect(convState({ ...DEFAULT_OPTIONS, kernel: k, channels: C, outChannels: Co }).conv).toBe(counted);
    }
  });

  it('the layers to see the image are the first depth (at least 1) whose propagated field covers its longer side', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom(3, 5, 7),
        fc.constantFrom(1, 2),
        (height, width, kernel, stride) => {
          const { layers } = convState({ ...DEFAULT_OPTIONS, height, width, kernel, stride });
          const side = Math.max(height, width);
          expect(fieldByPropagation(layers, kernel, stride)).toBeGreaterThanOrEqual(side);
          // Stride 1: the fewest layers whose field covers it (at least one). With stride 2 the units
          // sit on every other pixel, so it can take one more (receptive.test.ts's 2-D brute force).
          if (stride === 1 && layers > 1)
            expect(fieldByPropagation(layers - 1, kernel, stride)).toBeLessThan(side);
        },
      ),
    );
  });

  it('draws the field curve from the same propagation, and past the depth needed', () => {
    const o = { ...DEFAULT_OPTIONS, height: 64, width: 64, kernel: 5 };
    const { maxL, ls, rs } = fieldCurve(o, convState(o).layers);
    expect(maxL).toBeGreaterThanOrEqual(convState(o).layers);
    expect(rs).toEqual(ls.map((l) => fieldByPropagation(Math.floor(l), 5, 1)));
  });

  it('round-trips through the URL', () => {
    const o = { ...DEFAULT_OPTIONS, height: 32, width: 48, channels: 3, units: 100, kernel: 7, stride: 2 };
    const search = `?${new URLSearchParams(Object.entries(urlValues(o)).map(([k, v]) => [`cc.${k}`, String(v)]))}`;
    const { values, notices } = readUrlState('cc', URL_SCHEMA, search);
    expect(notices).toEqual([]);
    expect(optionsFromUrl(DEFAULT_OPTIONS, values)).toEqual(o);
  });

  it('sizes parameters as float32 bytes', () => {
    expect(float32Bytes(250)).toBe('1.00 kB');
    expect(float32Bytes(1_000_001_000_000)).toBe('4.00 TB');
  });
});
