import { NETWORK_FORMAT, type Network, networkToJson, networkToSnapshot } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { networkFromDocument } from './network-document.ts';

const net: Network = {
  activation: 'relu',
  layers: [
    { weights: [[-1], [1], [0.1 + 0.2]], biases: [-0, 5e-324, -0.67] },
    { weights: [[-2, -3, 9.3]], biases: [1] },
  ],
};
const all = (n: Network) => n.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
const same = (n: Network) =>
  all(n).every((v, i) => Object.is(v, all(net)[i])) && all(n).length === all(net).length;
const fileJson = JSON.parse(networkToJson(net));
const error = (text: string) => {
  try {
    networkFromDocument(text);
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected an error');
};

describe('networkFromDocument: the network in a file the CLI writes', () => {
  it('reads a network file, a float64 snapshot, an experiment state and a snapshots file, bit for bit', () => {
    expect(same(networkFromDocument(networkToJson(net)).network)).toBe(true);
    expect(networkFromDocument(networkToJson(net)).where).toBe('');
    const snapshot = networkToSnapshot(net);
    expect(snapshot.dtype).toBe('float64');
    expect(same(networkFromDocument(JSON.stringify(snapshot)).network)).toBe(true);
    // Spliced as text: JSON.stringify would write the bias -0 as 0.
    const state = `{"name": "1x3", "checkpoint": {"epoch": 12, "network": ${networkToJson(net)}}}`;
    const fromState = networkFromDocument(state);
    expect(same(fromState.network)).toBe(true);
    expect(fromState.where).toBe('checkpoint.network (epoch 12)');
    const density = { labels: 'true', training: { checkpoint: { epoch: 7, network: fileJson } } };
    expect(networkFromDocument(JSON.stringify(density)).where).toBe('training.checkpoint.network (epoch 7)');
    const other = { ...net, layers: [net.layers[0], { weights: [[1, 1, 1]], biases: [2] }] } as Network;
    const snapshots = {
      snapshots: [
        { epoch: 0, network: networkToSnapshot(other) },
        { epoch: 50, network: snapshot },
      ],
    };
    const last = networkFromDocument(JSON.stringify(snapshots));
    expect(same(last.network)).toBe(true);
    expect(last.where).toBe('snapshots[1].network (epoch 50)');
  });

  it("gives the parser's typed errors, with the place inside an experiment file", () => {
    expect(error('{"format": ').code).toBe('INVALID_FORMAT');
    expect(error(JSON.stringify({ format: 'deepnets.network/v2' })).message).toMatch(/^format: expected/);
    expect(error(JSON.stringify({ name: 'x' }))).toMatchObject({ code: 'INVALID_FORMAT' });
    expect(error(JSON.stringify({ name: 'x' })).message).toContain(NETWORK_FORMAT);
    const bad = {
      checkpoint: { epoch: 1, network: { ...fileJson, layers: [{ weights: [[1, 2]], biases: [0, 1] }] } },
    };
    const e = error(JSON.stringify(bad));
    expect(e.message).toMatch(/^checkpoint\.network: layers\[0\]/);
    const snap = { ...networkToSnapshot(net), parameters: 'AAAA' };
    expect(error(JSON.stringify({ snapshots: [{ epoch: 1, network: snap }] }))).toMatchObject({
      code: 'SHAPE_MISMATCH',
    });
    expect(error(JSON.stringify({ snapshots: [{ epoch: 1, network: snap }] })).message).toMatch(
      /^snapshots\[0\]\.network\.parameters/,
    );
  });
});
