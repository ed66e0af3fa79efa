import { createRng, definePlugin, registry } from '@deepnets/core';
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bruteForceRegions2d } from '../kit/brute-force-regions.ts';
import { host, setSearch, shownRegions, until } from '../kit/test-helpers.ts';
import type { PlaygroundDataset } from './menus.ts';
import { mountPlayground } from './mount.ts';

/** Two Gaussian blobs in 2-D, classes 0 and 1: a test plugin's data set. */
function blobs(name: string, samples = 60): PlaygroundDataset {
  const rng = createRng(3);
  const draw = (count: number) => {
    const x = new Float64Array(2 * count);
    const y = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const c = i % 2;
      x[2 * i] = (c ? 0.6 : -0.6) + 0.3 * rng.normal();
      x[2 * i + 1] = (c ? 0.4 : -0.4) + 0.3 * rng.normal();
      y[i] = c;
    }
    return { count, inputs: 2, targetWidth: 1, x, y };
  };
  return { name, task: 'classification', outputs: 2, train: draw(samples), test: draw(0) };
}
const datasetConfig = (name: string) => ({
  name,
  description: 'two blobs',
  task: 'classification' as const,
  defaults: {},
  generate: () => blobs(name),
});

// A regression set and a 3-input set must not appear in the menu.
const testPlugin = definePlugin({
  name: 'deepnets-plugin-playground-test',
  datasets: [
    datasetConfig('playground-test/blobs'),
    {
      ...datasetConfig('playground-test/three-inputs'),
      generate: () => {
        const d = blobs('playground-test/three-inputs');
        return { ...d, train: { ...d.train, inputs: 3, x: new Float64Array(3 * d.train.count) } };
      },
    },
    { ...datasetConfig('playground-test/regression'), task: 'regression' as const },
  ],
} as never);

let runner: Runner;
beforeAll(async () => {
  runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
  registry.use(testPlugin);
});
afterAll(async () => {
  await runner.terminate();
});
afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const options = (select: HTMLSelectElement) => [...select.options].map((o) => o.value);

describe('playground widget in Chromium (training in a worker)', { timeout: 60_000 }, () => {
  it('lists registered 2-D classification data sets and every activation, and follows the registry', () => {
    const handle = mountPlayground(host());
    const root = document.querySelector('[data-widget="playground"]') as HTMLElement;
    const datasets = root.querySelector('select[data-param="dataset"]') as HTMLSelectElement;
    expect(options(datasets)).toContain('playground-test/blobs');
    expect(options(datasets)).not.toContain('playground-test/three-inputs');
    expect(options(datasets)).not.toContain('playground-test/regression');
    const activations = root.querySelector('select[data-param="activation"]') as HTMLSelectElement;
    expect(options(activations)).toEqual(registry.names('activation'));
    const tanh = [...activations.options].find((o) => o.value === 'tanh');
    expect(tanh?.textContent).toMatch(/trainable, regions not exact/);
    expect([...activations.options].find((o) => o.value === 'relu')?.textContent).toBe('relu');
    // A plugin registered after mounting shows up at once.
    registry.use(
      definePlugin({
        name: 'deepnets-plugin-playground-late',
        datasets: [datasetConfig('playground-late/blobs')],
      } as never),
    );
    expect(options(datasets)).toContain('playground-late/blobs');
    handle.destroy();
  });

  it('trains through the injected function and shows the exact region count of the current network', async () => {
    const epochs: number[] = [];
    const handle = mountPlayground(host(), {
      dataset: 'playground-test/blobs',
      activation: 'relu',
      hidden: [5, 4],
      epochs: 40,
      checkpointEvery: 5,
      redrawEveryMs: 20,
      train: (o) =>
        runner.api.train({
          ...o,
          onEpoch: (m) => {
            epochs.push(m.epoch);
            o.onEpoch?.(m);
          },
        }),
    });
    const root = document.querySelector('[data-widget="playground"]') as HTMLElement;
    expect(handle).toBeDefined();
    const train = root.querySelector('button[data-action="train"]') as HTMLButtonElement;
    expect(train.disabled).toBe(false);
    // Done: idle after 40 epochs, and the region count is the final network's.
    const done = until(
      handle.subscribe,
      (s) =>
        s.status === 'idle' && s.epoch === 40 && s.regions !== undefined && s.regionsNetwork === s.network,
    );
    train.click();
    const state = await done;
    await new Promise((r) => setTimeout(r, 0)); // the status line is drawn after the state is published
    expect(epochs.length).toBeGreaterThan(0);
    expect(epochs[epochs.length - 1]).toBe(40);
    expect(state.history.length).toBeGreaterThan(0);
    expect(Number((root.querySelector('[data-epoch]') as HTMLElement).dataset.epoch)).toBe(40);
    const net = state.regionsNetwork;
    expect(net).toBeDefined();
    const shown = shownRegions(root);
    expect(Number.isInteger(shown) && shown > 0).toBe(true);
    const brute = bruteForceRegions2d(net as NonNullable<typeof net>, state.box, 400);
    expect(shown).toBe(state.regions);
    expect(shown).toBe(brute.linear);
    expect(root.querySelector('[data-role="outline"]')).not.toBeNull();
    expect(root.querySelectorAll('[data-role="data"] circle')).toHaveLength(60);
    handle.destroy();
    expect(document.body.firstElementChild?.children).toHaveLength(0);
  });

  it('pauses, resumes, and stops its job on destroy', async () => {
    const handle = mountPlayground(host(), {
      dataset: 'playground-test/blobs',
      activation: 'relu',
      hidden: [4],
      epochs: 1_000_000,
      train: (o) => runner.api.train(o),
    });
    const root = document.querySelector('[data-widget="playground"]') as HTMLElement;
    const started = until(handle.subscribe, (s) => s.epoch > 3);
    (root.querySelector('button[data-action="train"]') as HTMLButtonElement).click();
    await started;
    const pause = root.querySelector('button[data-action="pause"]') as HTMLButtonElement;
    pause.click();
    expect(pause.textContent).toBe('Resume');
    pause.click();
    expect(pause.textContent).toBe('Pause');
    handle.destroy();
    expect(document.body.firstElementChild?.children).toHaveLength(0);
    // The worker dropped the aborted job and answers the next call.
    await expect(runner.api.ping('after')).resolves.toBe('after');
  });

  it('validates the hidden widths field', () => {
    const handle = mountPlayground(host(), { dataset: 'playground-test/blobs' });
    const root = document.querySelector('[data-widget="playground"]') as HTMLElement;
    const field = root.querySelector('input[data-param="hidden"]') as HTMLInputElement;
    field.value = '8,x';
    field.dispatchEvent(new Event('change'));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    field.value = '3, 3';
    field.dispatchEvent(new Event('change'));
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect(handle).toBeDefined();
    handle.destroy();
  });

  it('disables Train while the widths field holds invalid text, typed or committed', () => {
    const handle = mountPlayground(host(), {
      dataset: 'playground-test/blobs',
      train: (o) => runner.api.train(o),
    });
    const root = document.querySelector('[data-widget="playground"]') as HTMLElement;
    const field = root.querySelector('input[data-param="hidden"]') as HTMLInputElement;
    const train = root.querySelector('button[data-action="train"]') as HTMLButtonElement;
    expect(train.disabled).toBe(false);
    for (const bad of ['3.5', 'abc', '0', '1000,1000', '8,,8']) {
      for (const event of ['input', 'change']) {
        field.value = bad;
        field.dispatchEvent(new Event(event));
        expect(train.disabled, `${bad} (${event})`).toBe(true);
        train.click();
        expect(root.dataset.status, `${bad} (${event})`).not.toBe('training');
      }
    }
    field.value = '4,4';
    field.dispatchEvent(new Event('input'));
    expect(train.disabled).toBe(false);
    handle.destroy();
  });
});
