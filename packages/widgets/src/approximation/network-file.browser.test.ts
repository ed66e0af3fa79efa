import { NETWORK_FORMAT, type Network } from '@deepnets/core';
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { exportedNetwork, networkNumbers, sameBits } from '../kit/network-file-test-helpers.ts';
import { host, until } from '../kit/test-helpers.ts';
import { type ApproximationState, mountApproximation } from './mount.ts';
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

const widget = () => document.querySelector('[data-widget="approximation"]') as HTMLElement;
const button = (fit: string) => widget().querySelector(`button[data-network="${fit}"]`) as HTMLButtonElement;

describe('approximation: the trained networks travel as deepnets.network/v1 files', {
  timeout: 90_000,
}, () => {
  it('exports the shallow, deep and near-construction fits bit for bit; deepnets regions counts what the page shows', async () => {
    const handle = mountApproximation(host(), {
      epochs: 300,
      seeds: [1],
      target: 'sawtooth',
      layers: 3,
      width: 2,
      train: (o) => runner.api.train(o),
      regions1d: (n, o) => runner.api.regions1d(n, o),
    });
    const state = await until(handle.subscribe, (s) => Boolean(s.deepNearConstruction && !s.training));
    await new Promise((r) => setTimeout(r, 0));
    const fits: ['shallow' | 'deep' | 'deepNearConstruction', string][] = [
      ['shallow', 'approximation-shallow.json'],
      ['deep', 'approximation-deep.json'],
      ['deepNearConstruction', 'approximation-deep-near-construction.json'],
    ];
    for (const [key, name] of fits) {
      const fit = state[key] as NonNullable<ApproximationState['shallow']>;
      expect(button(key).disabled).toBe(false);
      vi.restoreAllMocks();
      const { text, fileName } = await exportedNetwork(button(key).parentElement as HTMLElement);
      expect(fileName).toBe(name);
      const file = JSON.parse(text) as Network & { format: string };
      expect(file.format).toBe(NETWORK_FORMAT);
      expect(sameBits(networkNumbers(file), networkNumbers(fit.network))).toBe(true);
      const cli = await commands.cliRegions(text, ['--domain', '-1,1']);
      expect(cli.err).toBe('');
      expect((JSON.parse(cli.out) as { linearRegions: number }).linearRegions).toBe(fit.regions);
    }
    // A new target retrains: the buttons wait for their fits.
    handle.update({ target: 'sin' });
    await vi.waitFor(() => expect(button('shallow').disabled).toBe(true));
    const near = button('deepNearConstruction').closest('.dn-network-file') as HTMLElement;
    expect(near.style.display).toBe('none');
    handle.destroy();
  });
});
