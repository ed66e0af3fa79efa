import { NETWORK_FORMAT, type Network, networkToJson, networkToSnapshot } from '@deepnets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
// A real `deepnets experiment` file: the snapshots of the 40-298-10 MNIST-1D model (40 inputs).
import experimentSnapshots from '../../../../experiments/region-density/snapshots/true-1x298.json?raw';
import {
  dropNetworkFile,
  exportedNetwork,
  networkNumbers,
  pickNetworkFile,
  sameBits,
} from '../kit/network-file-test-helpers.ts';
import { host, nextDraw, setSearch, shownRegions, until } from '../kit/test-helpers.ts';
import { mountNetworkBuilder, type NetworkBuilderState } from './mount.ts';
import '../../test/cli-command.ts';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  setSearch('');
});

const root = () => document.querySelector('[data-widget="network-builder"]') as HTMLElement;
const errorLine = () => root().querySelector('[data-role="network-file-error"]') as HTMLElement;
/** The next drawn state whose network has the numbers of `text` (a network file). */
const drawnFrom = (subscribe: Parameters<typeof until<NetworkBuilderState>>[0], net: Network) =>
  until(subscribe, (s) => sameBits(networkNumbers(s.network), networkNumbers(net)));

/** `deepnets regions` on `text` (default domain [-1, 1] or box [-1, 1]^2, as the builder). */
async function cliCount(text: string): Promise<number> {
  const run = await commands.cliRegions(text, []);
  expect(run.err).toBe('');
  return (JSON.parse(run.out) as { linearRegions: number }).linearRegions;
}

describe('network-builder: networks travel as deepnets.network/v1 files', { timeout: 60_000 }, () => {
  it('exports the network it shows and re-imports it bit for bit (picker and drop), 1-D and 2-D', async () => {
    const handle = mountNetworkBuilder(host(), { inputs: 2, widths: [5, 3], seed: 7 });
    const first = await nextDraw(handle.subscribe);
    const { text, fileName } = await exportedNetwork(root());
    expect(fileName).toBe('network-builder.json');
    expect(JSON.parse(text).format).toBe(NETWORK_FORMAT);
    expect(sameBits(networkNumbers(JSON.parse(text)), networkNumbers(first.network))).toBe(true);
    expect(await cliCount(text)).toBe(shownRegions(root()));
    // New sample draws other weights; opening the export brings the first network back.
    let pending = nextDraw(handle.subscribe);
    (root().querySelector('[data-action="sample"]') as HTMLButtonElement).click();
    expect(sameBits(networkNumbers((await pending).network), networkNumbers(first.network))).toBe(false);
    pending = drawnFrom(handle.subscribe, first.network);
    pickNetworkFile(root(), 'mine.json', text);
    const reopened = await pending;
    expect(reopened.source).toBe('mine.json');
    expect(reopened.linearRegions).toBe(first.linearRegions);
    expect(root().textContent).toContain('The network of mine.json has');
    // A 1-D network dropped on the widget: its shape becomes the builder's (inputs, widths).
    const oneD: Network = {
      activation: 'leaky-relu',
      layers: [
        { weights: [[1], [-2], [0.5]], biases: [-0, 0.25, 1e-3] },
        { weights: [[1, 1, -3]], biases: [0.125] },
      ],
    };
    pending = drawnFrom(handle.subscribe, oneD);
    dropNetworkFile(root(), 'leaky.json', networkToJson(oneD));
    const dropped = await pending;
    expect([dropped.inputs, dropped.widths]).toEqual([1, [3]]);
    expect((root().querySelector('[data-layer-width="1"]') as HTMLInputElement).value).toBe('3');
    const again = await exportedNetwork(root());
    expect(sameBits(networkNumbers(JSON.parse(again.text)), networkNumbers(oneD))).toBe(true);
    expect(JSON.parse(again.text).activation).toBe('leaky-relu');
    // Changing the shape goes back to random weights and says so.
    pending = nextDraw(handle.subscribe);
    (root().querySelector('[data-action="add-layer"]') as HTMLButtonElement).click();
    expect((await pending).source).toBe('');
    expect(root().querySelector('[data-role="limit"]')?.textContent).toMatch(
      /Random weights again.*leaky\.json/,
    );
    handle.destroy();
  });

  it('opens a deepnets construct file, and its count is what deepnets regions counts (125 = 5^3)', async () => {
    const handle = mountNetworkBuilder(host(), { inputs: 2, widths: [2] });
    await nextDraw(handle.subscribe);
    const built = await commands.cliRun(['construct', 'max-regions', '--layers', '3', '--width', '4']);
    expect(built.code).toBe(0);
    const net = JSON.parse(built.out) as Network;
    const pending = drawnFrom(handle.subscribe, net);
    pickNetworkFile(root(), 'max-regions.json', built.out);
    const state = await pending;
    expect([state.inputs, state.widths]).toEqual([1, [4, 4, 4]]);
    const cli = await cliCount(built.out);
    expect(shownRegions(root())).toBe(cli);
    expect(state.linearRegions).toBe(cli);
    // (D + 1)^K with D = 4, K = 3, the count the construction reaches on [0, 1] (and so on [-1, 1]).
    expect(cli).toBeGreaterThanOrEqual(5 ** 3);
    handle.destroy();
  });

  it('opens the network in deepnets experiment files, and says why it cannot show a 40-input one', async () => {
    const handle = mountNetworkBuilder(host());
    await nextDraw(handle.subscribe);
    const built = await commands.cliRun(['construct', 'max-regions', '--layers', '2', '--width', '3']);
    const net = JSON.parse(built.out) as Network;
    // The shapes `deepnets experiment` writes: a state (checkpoint.network) and a snapshots file.
    const pending = drawnFrom(handle.subscribe, net);
    pickNetworkFile(
      root(),
      '1x3.state.json',
      `{"name": "x", "checkpoint": {"epoch": 9, "network": ${built.out}}}`,
    );
    const before = await pending;
    expect(before.source).toBe('1x3.state.json (checkpoint.network (epoch 9))');
    const snapshots = { snapshots: [{ epoch: 4, network: networkToSnapshot(net) }] };
    pickNetworkFile(root(), 'snaps.json', JSON.stringify(snapshots));
    await vi.waitFor(() =>
      expect(root().textContent).toContain('snaps.json (snapshots[0].network (epoch 4))'),
    );
    expect(errorLine().hidden).toBe(true);
    pickNetworkFile(root(), 'true-1x298.json', experimentSnapshots);
    await vi.waitFor(() => expect(errorLine().hidden).toBe(false));
    expect(errorLine().dataset.code).toBe('OUT_OF_RANGE');
    expect(errorLine().textContent).toMatch(/^true-1x298\.json: .*1 or 2 inputs; this one has 40/);
    expect(errorLine().textContent).toContain('deepnets regions FILE');
    expect(sameBits(networkNumbers(before.network), networkNumbers(net))).toBe(true);
    handle.destroy();
  });

  it('gives each bad file its typed message and leaves the network shown untouched', async () => {
    const handle = mountNetworkBuilder(host(), { widths: [3, 2], seed: 5 });
    const before = await nextDraw(handle.subscribe);
    const states: NetworkBuilderState[] = [];
    handle.subscribe((s) => states.push(s));
    const file = (layers: unknown, activation = 'relu') =>
      JSON.stringify({ format: NETWORK_FORMAT, activation, layers });
    const line = (weights: number[][], biases: number[]) => ({ weights, biases });
    const cases: [string, string, RegExp][] = [
      ['{"format": "deepnets.network/v1", "layers": [', 'INVALID_FORMAT', /not valid JSON/],
      [
        JSON.stringify({ format: 'deepnets.network/v2', layers: [] }),
        'INVALID_FORMAT',
        /format: expected "deepnets\.network\/v1"/,
      ],
      [
        '{"format": "deepnets.network/v1", "layers": [{"weights": [[NaN]], "biases": [0]}]}',
        'INVALID_FORMAT',
        /not valid JSON/,
      ],
      [
        '{"format": "deepnets.network/v1", "layers": [{"weights": [[1e999]], "biases": [0]}, {"weights": [[1]], "biases": [0]}]}',
        'NON_FINITE',
        /layers\[0\]\.weights\[0\]\[0\]/,
      ],
      [file([line([[1], [2]], [0, 1]), line([[1, 1, 1]], [0])]), 'SHAPE_MISMATCH', /layers\[1\]/],
      [file([line([[1, 2]], [0, 1])]), 'SHAPE_MISMATCH', /layers\[0\]/],
      [file([line([[1]], [0]), line([[1], [1]], [0, 0])]), 'OUT_OF_RANGE', /one output; this one has 2/],
      [
        file([line(Array(17).fill([1]), Array(17).fill(0)), line([Array(17).fill(1)], [0])]),
        'TOO_LARGE',
        /at most 16 units/,
      ],
      [
        file([line([[1]], [0]), line([[1]], [0])], 'tanh'),
        'NOT_PIECEWISE_LINEAR',
        /"tanh" is not piecewise linear/,
      ],
      // Read fine, but its regions cannot be counted exactly: refused after opening, the previous network shown again.
      [file([line([[1e-300]], [0.5]), line([[1e-300]], [0])]), 'PRECISION_LOST', /underflow/],
    ];
    for (const [text, code, message] of cases) {
      pickNetworkFile(root(), 'bad.json', text);
      await vi.waitFor(() => {
        expect(errorLine().dataset.code).toBe(code);
        expect(errorLine().textContent).toMatch(message);
      });
      expect(errorLine().hidden, text).toBe(false);
      expect(errorLine().dataset.code, text).toBe(code);
      expect(errorLine().textContent).toMatch(/^bad\.json: /);
    }
    // Only the last file was opened (then refused for its regions): the network before it is drawn again.
    await vi.waitFor(() => expect(states.length).toBeGreaterThan(0));
    expect(states.every((s) => sameBits(networkNumbers(s.network), networkNumbers(before.network)))).toBe(
      true,
    );
    expect(shownRegions(root())).toBe(before.linearRegions);
    const { text } = await exportedNetwork(root());
    expect(sameBits(networkNumbers(JSON.parse(text)), networkNumbers(before.network))).toBe(true);
    handle.destroy();
  });
});
