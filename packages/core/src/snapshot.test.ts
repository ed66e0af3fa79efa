import { describe, expect, it } from 'vitest';
import { initNetwork } from './init.ts';
import type { Network } from './network.ts';
import { networkToSnapshot, parseSnapshot, SNAPSHOT_FORMAT } from './snapshot.ts';

/** Every parameter's 64 bits, so that -0 and the last bit count. */
const bits = (net: Network): bigint[] => {
  const values = net.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
  return Array.from(new BigUint64Array(Float64Array.from(values).buffer));
};

const float32Net = (): Network => {
  const net = initNetwork([40, 63, 63, 10], { init: 'he-normal', rng: 9, biases: 0.1 });
  const layers = net.layers.map((l) => ({
    weights: l.weights.map((r) => r.map(Math.fround)),
    biases: l.biases.map(Math.fround),
  }));
  (layers[0]!.biases as number[])[0] = -0;
  return { activation: 'relu', layers };
};

describe('snapshot format deepnets.snapshot/v1', () => {
  it('float32 networks: 4 bytes a parameter, reloaded bit for bit (-0 included), through JSON text', () => {
    const net = float32Net();
    const snap = networkToSnapshot(net);
    expect(snap.dtype).toBe('float32');
    expect(snap.widths).toEqual([40, 63, 63, 10]);
    const count = 63 * 41 + 63 * 64 + 10 * 64;
    expect(snap.parameters.length).toBe(4 * Math.ceil((4 * count) / 3));
    const back = parseSnapshot(JSON.parse(JSON.stringify(snap)));
    expect(bits(back)).toEqual(bits(net));
    expect(Object.is(back.layers[0]!.biases[0], -0)).toBe(true);
  });

  it('float64 networks are kept in float64 and reload bit for bit', () => {
    const net = initNetwork([3, 5, 2], { init: 'he-normal', rng: 2, biases: 0.3, activation: 'leaky-relu' });
    const snap = networkToSnapshot(net);
    expect(snap.dtype).toBe('float64');
    const back = parseSnapshot(snap);
    expect(back.activation).toBe('leaky-relu');
    expect(bits(back)).toEqual(bits(net));
    expect(() => networkToSnapshot(net, { dtype: 'float32' })).toThrow(/not float32 values/);
  });

  it('the base64 text equals Node Buffer encoding of the little-endian values', () => {
    const net: Network = {
      activation: 'relu',
      layers: [
        {
          weights: [
            [1.5, -2],
            [0.25, 3],
          ],
          biases: [-0, 7],
        },
      ],
    };
    for (const dtype of ['float32', 'float64'] as const) {
      const snap = networkToSnapshot(net, { dtype });
      const values = [1.5, -2, 0.25, 3, -0, 7];
      const buffer = Buffer.alloc((dtype === 'float32' ? 4 : 8) * values.length);
      for (const [i, v] of values.entries()) {
        if (dtype === 'float32') buffer.writeFloatLE(v, 4 * i);
        else buffer.writeDoubleLE(v, 8 * i);
      }
      expect(snap.parameters).toBe(buffer.toString('base64'));
    }
  });

  it('rejects malformed documents with a typed error that names the field', () => {
    const snap = networkToSnapshot(float32Net());
    expect(() => parseSnapshot({ ...snap, format: 'deepnets.network/v1' })).toThrow(/snapshot\.format/);
    expect(() => parseSnapshot({ ...snap, widths: [40, 63, 10] })).toThrow(
      expect.objectContaining({
        code: 'SHAPE_MISMATCH',
        message: expect.stringMatching(/snapshot\.parameters: holds/),
      }),
    );
    expect(() => parseSnapshot({ ...snap, parameters: 'a$==' })).toThrow(/not base64/);
    expect(() => parseSnapshot({ ...snap, dtype: 'float16' })).toThrow(/snapshot\.dtype/);
    expect(() => parseSnapshot({ ...snap, extra: 1 })).toThrow(/unknown field "extra"/);
    const nan = networkToSnapshot(
      { activation: 'relu', layers: [{ weights: [[1]], biases: [0] }] },
      { dtype: 'float64' },
    );
    nan.parameters = Buffer.from(new Float64Array([Number.NaN, 0]).buffer).toString('base64');
    expect(() => parseSnapshot(nan)).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
    expect(SNAPSHOT_FORMAT).toBe('deepnets.snapshot/v1');
  });
});
