import { createPool, type Pool } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { bruteForceRegions2d } from '../kit/brute-force-regions.ts';
import { exportedNetwork, networkNumbers, sameBits } from '../kit/network-file-test-helpers.ts';
import { host, until } from '../kit/test-helpers.ts';
import { mountHyperSearch } from './mount.ts';
import '../../test/cli-command.ts';

let pool: Pool;
beforeAll(async () => {
  pool = await createPool({ createWorker: () => new DeepnetsWorker(), size: 2 });
});
afterAll(() => pool.terminate());
afterEach(() => document.body.replaceChildren());

const setText = (root: ParentNode, key: string, value: string) => {
  const input = root.querySelector(`[data-param="${key}"]`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const services = () => ({
  makeDataset: (name: string, o: { seed?: number }) => pool.api.makeDataset(name, o),
  train: (o: Parameters<Pool['api']['train']>[0]) => pool.api.train(o),
  concurrency: pool.size,
});

describe('hyper-search widget with a worker pool', { timeout: 120_000 }, () => {
  it('runs a grid, fills the table, picks the lowest validation loss and counts its regions exactly', async () => {
    const element = host();
    const handle = mountHyperSearch(element, { ...services(), dataset: 'circles', epochs: 40 });
    setText(element, 'depths', '1, 2');
    setText(element, 'widths', '4');
    setText(element, 'rates', '0.5');
    expect(element.querySelector('[data-role="status"]')?.textContent).toMatch(/2 trials planned/);
    (element.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    const done = await until(
      handle.subscribe,
      (s) => !s.running && s.rows.length === 2 && s.best !== undefined,
    );
    expect(done.rows.map((r) => r.status)).toEqual(['done', 'done']);
    const losses = done.rows.map((r) => r.validationLoss as number);
    expect(done.best?.trial).toBe(losses.indexOf(Math.min(...losses)));
    expect(done.rows.every((r) => r.curve.length > 0 && r.epoch === 40)).toBe(true);
    expect(element.querySelectorAll('[data-role="trials"] tbody tr')).toHaveLength(2);
    expect(element.querySelector('tr[data-best="true"]')?.getAttribute('data-trial')).toBe(
      String(done.best?.trial),
    );
    expect(element.querySelector('[data-role="cost"]')?.textContent).toContain('2 trials x 40 epochs = 80');
    const best = done.best as NonNullable<typeof done.best>;
    const brute = bruteForceRegions2d(best.network, best.box, 400);
    expect(Number((element.querySelector('[data-regions]') as HTMLElement).dataset.regions)).toBe(
      brute.linear,
    );
    // Export best network: the trained network bit for bit; deepnets regions counts what the page shows.
    const file = await exportedNetwork(element);
    expect(file.fileName).toBe(`hyper-search-best-trial-${best.trial + 1}.json`);
    expect(sameBits(networkNumbers(file.network), networkNumbers(best.network))).toBe(true);
    const cli = await commands.cliRegions(file.text, ['--box', best.box.join(',')]);
    expect(cli.err).toBe('');
    expect((JSON.parse(cli.out) as { linearRegions: number }).linearRegions).toBe(best.regions);
    // sorting by validation loss puts the best first
    (element.querySelector('[data-sort="validationLoss"]') as HTMLButtonElement).click();
    expect(element.querySelector('[data-role="trials"] tbody tr')?.getAttribute('data-best')).toBe('true');
    handle.destroy();
  });

  it('Cancel stops every trial in flight and frees the workers', async () => {
    const element = host();
    const handle = mountHyperSearch(element, { ...services(), dataset: 'spiral', epochs: 2000 });
    setText(element, 'depths', '2, 3');
    setText(element, 'widths', '16, 24');
    setText(element, 'rates', '0.1');
    (element.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    await until(
      handle.subscribe,
      (s) => s.rows.filter((r) => r.status === 'running' && r.epoch > 0).length === 2,
    );
    const stopped = until(handle.subscribe, (s) => !s.running && s.rows.length > 0);
    (element.querySelector('[data-action="cancel"]') as HTMLButtonElement).click();
    const state = await stopped;
    expect(state.rows.filter((r) => r.status === 'cancelled').length).toBeGreaterThanOrEqual(2);
    expect(state.rows.some((r) => r.status === 'running' || r.status === 'queued')).toBe(false);
    const epochs = state.rows.map((r) => r.epoch);
    expect(Math.max(...epochs)).toBeLessThan(2000);
    // both workers answer at once: no trial is still training on them
    const t0 = performance.now();
    await Promise.all([pool.api.ping('a'), pool.api.ping('b')]);
    expect(performance.now() - t0).toBeLessThan(5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(element.querySelector('[data-role="status"]')?.textContent).toMatch(/Cancelled/);
    expect((element.querySelector('[data-action="run"]') as HTMLButtonElement).disabled).toBe(false);
    handle.destroy();
  });

  it('reports a bad list and disables Run', () => {
    const element = host();
    mountHyperSearch(element, services());
    setText(element, 'depths', '1, x');
    expect(element.querySelector('[data-role="status"]')?.textContent).toMatch(/K, item 2/);
    expect((element.querySelector('[data-action="run"]') as HTMLButtonElement).disabled).toBe(true);
  });
});
