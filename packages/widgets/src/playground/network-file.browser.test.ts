import { NETWORK_FORMAT, type Network, networkToJson } from '@deepnets/core';
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import {
  dropNetworkFile as drop,
  exportedNetwork,
  networkNumbers as numbers,
  pickNetworkFile as pick,
  sameBits,
} from '../kit/network-file-test-helpers.ts';
import { host, setSearch, shownRegions, until } from '../kit/test-helpers.ts';
import { mountPlayground } from './mount.ts';
import '../../test/cli-command.ts';

let runner: Runner;
beforeAll(async () => {
  runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
});
afterAll(() => runner.terminate());
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  setSearch('');
});

const mount = () => {
  const handle = mountPlayground(host(), {
    worker: runner.api,
    dataset: 'circles',
    hidden: [5, 3],
    epochs: 40,
    checkpointEvery: 10,
    redrawEveryMs: 20,
  });
  return { handle, root: document.querySelector('[data-widget="playground"]') as HTMLElement };
};

describe('playground: networks travel as deepnets.network/v1 files', { timeout: 60_000 }, () => {
  it('exports the trained network bit for bit, and deepnets regions counts what the page shows', async () => {
    const { handle, root } = mount();
    await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    const done = until(
      handle.subscribe,
      (s) =>
        s.status === 'idle' && s.epoch === 40 && s.regions !== undefined && s.regionsNetwork === s.network,
    );
    (root.querySelector('button[data-action="train"]') as HTMLButtonElement).click();
    const trained = await done;
    await new Promise((r) => setTimeout(r, 0));
    const { text } = await exportedNetwork(root);
    const file = JSON.parse(text) as Network & { format: string };
    expect(file.format).toBe(NETWORK_FORMAT);
    expect(sameBits(numbers(file), numbers(trained.network as Network))).toBe(true);
    // The CLI's regions command on the exported file, on the page's box.
    const cli = await commands.cliRegions(text, ['--box', trained.box.join(',')]);
    expect(cli.err).toBe('');
    expect(cli.code).toBe(0);
    const counted = JSON.parse(cli.out) as { linearRegions: number; inputs: number };
    expect(counted.inputs).toBe(2);
    expect(shownRegions(root)).toBeGreaterThan(1);
    expect(counted.linearRegions).toBe(shownRegions(root));
    handle.destroy();
  });

  it('re-imports an exported network bit for bit (picker and drop), its widths and activation becoming the settings', async () => {
    const { handle, root } = mount();
    const first = await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    const { text } = await exportedNetwork(root);
    // Reset draws a different network; opening the file brings the exported one back.
    (root.querySelector('button[data-action="reset"]') as HTMLButtonElement).click();
    expect(sameBits(numbers(first.network as Network), numbers(JSON.parse(text)))).toBe(true);
    const reopened = until(
      handle.subscribe,
      (s) => s.network !== undefined && sameBits(numbers(s.network), numbers(JSON.parse(text))),
    );
    pick(root, 'net.json', text);
    const state = await reopened;
    expect([state.epoch, state.history.length, state.hidden]).toEqual([0, 0, [5, 3]]);
    // A 2-8-2 tanh network dropped on the widget.
    const tanh: Network = {
      activation: 'tanh',
      layers: [
        {
          weights: Array.from({ length: 8 }, (_, i) => [0.1 * i, -0.3 + 0.05 * i]),
          biases: Array(8).fill(-0),
        },
        { weights: [Array(8).fill(0.25), Array(8).fill(-0.5)], biases: [1e-300, -7] },
      ],
    };
    const dropped = until(handle.subscribe, (s) => s.network?.activation === 'tanh');
    // networkToJson keeps -0 (JSON.stringify would write 0).
    drop(root, 'tanh.json', networkToJson(tanh));
    const after = await dropped;
    expect(sameBits(numbers(after.network as Network), numbers(tanh))).toBe(true);
    expect(after.hidden).toEqual([8]);
    expect((root.querySelector('input[data-param="hidden"]') as HTMLInputElement).value).toBe('8');
    expect((root.querySelector('select[data-param="activation"]') as HTMLSelectElement).value).toBe('tanh');
    handle.destroy();
  });

  it("shows the parser's typed error for a bad file and keeps the network", async () => {
    const { handle, root } = mount();
    const before = await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    let latest = before.network;
    handle.subscribe((s) => {
      latest = s.network;
    });
    const error = root.querySelector('[data-role="network-file-error"]') as HTMLElement;
    expect(error.hidden).toBe(true);
    const cases: [string, string, RegExp][] = [
      ['not json', 'INVALID_FORMAT', /not valid JSON/],
      [JSON.stringify({ format: 'other' }), 'INVALID_FORMAT', /format/],
      [
        JSON.stringify({
          format: NETWORK_FORMAT,
          activation: 'relu',
          layers: [{ weights: [[1, 2]], biases: [0, 1] }],
        }),
        'SHAPE_MISMATCH|INVALID_NETWORK',
        /layers\[0\]/,
      ],
      [
        JSON.stringify({
          format: NETWORK_FORMAT,
          activation: 'relu',
          layers: [
            { weights: [[1], [2]], biases: [0, 1] },
            {
              weights: [
                [1, 1],
                [1, 1],
              ],
              biases: [0, 0],
            },
          ],
        }),
        'OUT_OF_RANGE',
        /2 inputs; this one has 1/,
      ],
    ];
    const kept = numbers(before.network as Network);
    for (const [text, code, message] of cases) {
      pick(root, 'bad.json', text);
      await vi.waitFor(() => expect(error.textContent).toMatch(message));
      expect(error.hidden, text).toBe(false);
      expect(error.dataset.code).toMatch(new RegExp(`^(${code})$`));
      expect(error.textContent).toMatch(message);
      expect(sameBits(numbers(latest as Network), kept)).toBe(true);
    }
    handle.destroy();
  });

  it('reads every weight and the output bias on hover in the network diagram', async () => {
    const { handle, root } = mount();
    const state = await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    await new Promise((r) => setTimeout(r, 0));
    const net = state.network as Network;
    const K = net.layers.length - 1;
    const diagram = root.querySelector('[data-panel="network"] svg') as SVGSVGElement;
    const readout = root.querySelector('[data-role="weight"]') as HTMLElement;
    const edges = diagram.querySelectorAll('.dn-edge[data-k]');
    expect(edges).toHaveLength(2 * 5 + 5 * 3 + 3 * 2);
    for (const i of [0, 1]) {
      const outputNode = diagram.querySelector(
        `.dn-node[data-k="${K}"][data-i="${i}"][data-j="0"]`,
      ) as SVGElement;
      outputNode.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      expect(readout.textContent).toContain(
        `bias β${'₀₁₂₃'[K]}[${i + 1}] of y${'₀₁₂'[i + 1]} = ${net.layers[K]?.biases[i]}`,
      );
    }
    const edge = diagram.querySelector('.dn-edge[data-k="1"][data-i="2"][data-j="4"]') as SVGElement;
    edge.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    expect(readout.textContent).toContain(`= ${net.layers[1]?.weights[2]?.[3]}`);
    diagram.dispatchEvent(new PointerEvent('pointerleave'));
    expect(readout.textContent).toMatch(/Point at a line/);
    handle.destroy();
  });
});
