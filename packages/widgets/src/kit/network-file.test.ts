import { NETWORK_FORMAT, type Network, ShapeError } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { networkFileText, readNetworkFile } from './network-file.ts';

const net: Network = {
  activation: 'relu',
  layers: [
    { weights: [[-1], [1], [0.1 + 0.2]], biases: [-0, 5e-324, -0.67] },
    { weights: [[-2, -3, 9.3]], biases: [1] },
  ],
};

describe('network files (deepnets.network/v1)', () => {
  it('write every number so that reading gives the same bits back', () => {
    const text = networkFileText(net);
    expect(JSON.parse(text).format).toBe(NETWORK_FORMAT);
    const read = readNetworkFile(text);
    expect(read.ok).toBe(true);
    const back = read.ok ? read.network : net;
    const all = (n: Network) => n.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
    expect(all(back).map((v, i) => Object.is(v, all(net)[i]))).toEqual(all(net).map(() => true));
  });

  it("return the parser's code and message for bad files, and the widget's own refusal", () => {
    expect(readNetworkFile('{')).toMatchObject({ ok: false, code: 'INVALID_FORMAT' });
    const wrong = readNetworkFile(
      JSON.stringify({ format: NETWORK_FORMAT, layers: [{ weights: [[1, 2]], biases: [0, 1] }] }),
    );
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.message).toMatch(/layers\[0\]/);
    const refused = readNetworkFile(networkFileText(net), () => {
      throw new ShapeError('needs 2 inputs', 'layers[0].weights');
    });
    expect(refused).toMatchObject({ ok: false, code: 'SHAPE_MISMATCH' });
    expect(!refused.ok && refused.message).toBe('layers[0].weights: needs 2 inputs');
  });
});
