import { NETWORK_FORMAT, type Network } from '@deepnets/core';
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { exportedNetwork, networkNumbers, sameBits } from '../kit/network-file-test-helpers.ts';
import { host, until } from '../kit/test-helpers.ts';
import { mountRandomLabels } from './mount.ts';
import '../../test/cli-command.ts';

let runner: Runner;
beforeAll(async () => {
  runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
});
afterAll(() => runner.terminate());
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('random-labels: the live run trained models travel as deepnets.network/v1 files', {
  timeout: 120_000,
}, () => {
  it('offers each finished model, bit for bit, and deepnets regions reads it (on a segment of the 40-D input)', async () => {
    const element = host();
    const handle = mountRandomLabels(element, {
      examples: 100,
      maxEpochs: 20,
      trainModel: (o) => runner.api.trainRandomLabelsModel(o),
      mnist1d: (o) => runner.api.makeMnist1d(o),
    });
    const row = () => element.querySelector('.dn-network-exports') as HTMLElement;
    const shown = () =>
      [...row().querySelectorAll('.dn-network-file')].filter(
        (e) => (e as HTMLElement).style.display !== 'none',
      );
    expect(shown()).toHaveLength(0);
    const finished = until(handle.subscribe, (s) => !s.running && s.live.every((m) => m.done));
    (element.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    const state = await finished;
    expect(shown()).toHaveLength(4);
    const segment = JSON.stringify([Array(40).fill(-1), Array(40).fill(1)]);
    for (const m of state.live) {
      const button = element.querySelector(`button[data-network="${m.name}"]`) as HTMLButtonElement;
      expect(button.textContent).toBe(`Export ${m.name}`);
      vi.restoreAllMocks();
      const { text, fileName } = await exportedNetwork(button.parentElement as HTMLElement);
      expect(fileName).toBe(`random-labels-${m.name}.json`);
      const file = JSON.parse(text) as Network & { format: string };
      expect(file.format).toBe(NETWORK_FORMAT);
      expect(sameBits(networkNumbers(file), networkNumbers(m.network as Network))).toBe(true);
      expect(file.layers.map((l) => l.weights.length).join('x')).toBe(
        `${m.name.split('x')[1]}x`.repeat(Number(m.name.split('x')[0])) + '10',
      );
      const cli = await commands.cliRun(['regions', 'net.json', '--segment', 'seg.json', '--json'], {
        'net.json': text,
        'seg.json': segment,
      });
      expect(cli.err).toBe('');
      const out = JSON.parse(cli.out) as { inputs: number; linearRegions: number };
      expect(out.inputs).toBe(40);
      expect(Number.isInteger(out.linearRegions) && out.linearRegions >= 1).toBe(true);
    }
    // A new run hides the buttons until its models finish.
    (element.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(shown()).toHaveLength(0));
    handle.destroy();
  });
});
