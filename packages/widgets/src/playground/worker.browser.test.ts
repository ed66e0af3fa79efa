import { corePlugin, createRegistry } from '@deepnets/core';
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bruteForceRegions2d } from '../kit/brute-force-regions.ts';
import { host, setSearch, shownRegions, until } from '../kit/test-helpers.ts';
import { mountPlayground } from './mount.ts';

// The page's registry holds core's activations only: no useTrainerPlugin, no data set plugin.
// Everything the trainer offers must come from the worker (issue 13: the playground was dead
// without an undocumented `useTrainerPlugin(registry)` call on the page).
const pageRegistry = () => createRegistry().use(corePlugin);

let runner: Runner;
beforeAll(async () => {
  runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
});
afterAll(() => runner.terminate());
afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const values = (root: Element, param: string) =>
  [...(root.querySelector(`select[data-param="${param}"]`) as HTMLSelectElement).options].map((o) => o.value);

describe('playground with only a worker (no trainer on the page)', { timeout: 60_000 }, () => {
  it("offers the worker's data sets and optimizers, trains there and counts the exact regions", async () => {
    const catalog = await runner.api.catalog();
    const handle = mountPlayground(host(), {
      registry: pageRegistry(),
      worker: runner.api,
      dataset: 'circles',
      hidden: [5],
      epochs: 30,
      checkpointEvery: 10,
      redrawEveryMs: 20,
    });
    const root = document.querySelector('[data-widget="playground"]') as HTMLElement;
    const ready = await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    const playable = catalog.datasets.filter((d) => d.task === 'classification' && d.inputs === 2);
    expect(ready.menus.datasets).toEqual(playable.map((d) => d.name));
    expect(ready.menus.datasets).toContain('two-moons');
    expect(ready.menus.optimizers).toEqual(catalog.optimizers);
    expect(values(root, 'dataset')).toEqual(ready.menus.datasets);
    // The data set was generated in the worker: the same numbers as asking it directly.
    await new Promise((r) => setTimeout(r, 0));
    const direct = await runner.api.makeDataset('circles', { seed: 0 });
    expect(root.querySelectorAll('[data-role="data"] circle')).toHaveLength(direct.train.count);
    const train = root.querySelector('button[data-action="train"]') as HTMLButtonElement;
    expect(train.disabled).toBe(false);
    expect((root.querySelector('.dn-toolbar .dn-notice') as HTMLElement).hidden).toBe(true);
    const done = until(
      handle.subscribe,
      (s) =>
        s.status === 'idle' && s.epoch === 30 && s.regions !== undefined && s.regionsNetwork === s.network,
    );
    train.click();
    const state = await done;
    await new Promise((r) => setTimeout(r, 0));
    const brute = bruteForceRegions2d(state.network as NonNullable<typeof state.network>, state.box, 400);
    expect(shownRegions(root)).toBe(brute.linear);
    handle.destroy();
  });

  it('keeps a URL data set that only the worker knows', async () => {
    setSearch('?pg.dataset=spiral');
    const handle = mountPlayground(host(), { registry: pageRegistry(), worker: runner.api, urlPrefix: 'pg' });
    const state = await until(handle.subscribe, (s) => s.network !== undefined);
    expect(state.dataset).toBe('spiral');
    handle.destroy();
  });

  it('says why Train is disabled when it has neither a worker nor a train function', () => {
    const handle = mountPlayground(host(), { registry: pageRegistry() });
    const root = document.querySelector('[data-widget="playground"]') as HTMLElement;
    expect((root.querySelector('button[data-action="train"]') as HTMLButtonElement).disabled).toBe(true);
    const notice = root.querySelector('.dn-toolbar .dn-notice') as HTMLElement;
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toContain('{ worker: runner.api }');
    expect(notice.textContent).toContain('No 2-input classification data set');
    handle.destroy();
  });
});
