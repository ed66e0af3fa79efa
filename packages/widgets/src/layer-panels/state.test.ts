import { evaluate, forwardTrace, NetworkValidationError } from '@deepnets/core';
import { regions1d } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import { bruteForceRegions1d } from '../kit/brute-force-regions.ts';
import { DEFAULT_LAYER_PANELS, layerPanelsNetwork, randomLayerPanels } from './params.ts';
import {
  DEFAULT_OPTIONS,
  jointsByLayer,
  layerPanelsState,
  parametersOfNetwork,
  urlValues,
  withUrlValues,
} from './state.ts';

const stateOf = (params: Record<string, number>) => {
  const net = layerPanelsNetwork(params);
  return { net, state: layerPanelsState(params, net, regions1d(net, { domain: [0, 1] }), 0) };
};

describe('layer panels state (Node, no DOM)', () => {
  for (const [name, params] of [
    ['the default', DEFAULT_LAYER_PANELS],
    ['random seed 3', randomLayerPanels(3)],
    ['random seed 11', randomLayerPanels(11)],
  ] as const) {
    it(`${name}: region count by dense sampling, output and units equal to the network's own forward pass`, () => {
      const { net, state } = stateOf(params);
      expect(state.linearRegions).toBe(bruteForceRegions1d(net, [0, 1]).linear);
      state.trace.xs.forEach((x, k) => {
        const t = forwardTrace(net, [x]);
        expect(state.trace.y[k]).toBeCloseTo(evaluate(net, [x])[0] as number, 12);
        for (let u = 0; u < 3; u++) {
          expect(state.trace.h1[u]?.[k]).toBeCloseTo(Math.max(0, t.preActivations[0]?.[u] as number), 12);
          expect(state.trace.z2[u]?.[k]).toBeCloseTo(t.preActivations[1]?.[u] as number, 12);
        }
      });
      // Each joint is where the unit it names has a zero pre-activation.
      const { first, second } = jointsByLayer(state.trace.joints);
      for (const j of first) expect(forwardTrace(net, [j.x]).preActivations[0]?.[j.unit]).toBeCloseTo(0, 9);
      for (const j of second) expect(forwardTrace(net, [j.x]).preActivations[1]?.[j.unit]).toBeCloseTo(0, 9);
    });
  }

  it('reads the 22 sliders back from the network file the widget exports, bit for bit', () => {
    for (const seed of [1, 2, 5]) {
      const params = randomLayerPanels(seed);
      const read = parametersOfNetwork(layerPanelsNetwork(params));
      expect(Object.keys(read)).toHaveLength(22);
      for (const [key, value] of Object.entries(params)) expect(Object.is(read[key], value)).toBe(true);
    }
  });

  it('refuses a file of another shape, activation or out-of-range number, saying where', () => {
    const net = layerPanelsNetwork(DEFAULT_LAYER_PANELS);
    const wrongShape = { ...net, layers: net.layers.slice(1) };
    expect(() => parametersOfNetwork(wrongShape)).toThrow(/networks 1-3-3-1 .* the file has 3-3-1/);
    expect(() => parametersOfNetwork({ ...net, activation: 'tanh' })).toThrow(/ReLU/);
    const far = layerPanelsNetwork({ ...DEFAULT_LAYER_PANELS, 'psi.2.3': 0 });
    (far.layers[1]?.weights[1] as number[])[2] = 7.5;
    try {
      parametersOfNetwork(far);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NetworkValidationError);
      expect((e as NetworkValidationError).message).toMatch(/psi 2 3 = 7.5 is outside/);
      expect((e as NetworkValidationError).path).toBe('layers[1].weights[1][2]');
    }
  });

  it('round-trips the URL values (parameters and seed)', () => {
    const options = { ...DEFAULT_OPTIONS, params: randomLayerPanels(4), seed: 9 };
    const back = withUrlValues(DEFAULT_OPTIONS, urlValues(options));
    expect(back.params).toEqual(options.params);
    expect(back.seed).toBe(9);
  });
});
