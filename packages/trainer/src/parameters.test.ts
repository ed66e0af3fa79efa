import { initNetwork, parametersForWidths } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { layoutFromWidths, layoutOf, packParameters, unpackParameters } from './parameters.ts';

describe('flat parameters', () => {
  it('packs and unpacks a network exactly, with core counting the same parameters', () => {
    const net = initNetwork([3, 5, 4, 2], { init: 'he-uniform', rng: 3, activation: 'tanh' });
    const layout = layoutOf(net);
    expect(layout.size).toBe(parametersForWidths([3, 5, 4, 2]));
    expect(unpackParameters(packParameters(net, layout), layout, 'tanh')).toEqual(net);
  });

  it('names the layer whose shapes do not chain', () => {
    const net = initNetwork([2, 3, 1], { init: 'he-normal', rng: 1 });
    net.layers[1]?.weights[0]?.push(0);
    expect(() => layoutOf(net)).toThrow(/layers\[1\]\.weights\[0\]: has 4 entries, expected 3/);
    expect(() => layoutFromWidths([2, 0])).toThrow(/widths\[1\]/);
  });
});
