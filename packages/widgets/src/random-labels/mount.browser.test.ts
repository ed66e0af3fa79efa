import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { host, setSearch, until } from '../kit/test-helpers.ts';
import type { CurvesDocument } from './curves.ts';
import { mountRandomLabels, type RandomLabelsWidgetState } from './mount.ts';

let runner: Runner;
beforeAll(async () => {
  runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
});
afterAll(async () => {
  await runner.terminate();
});
afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const params = (hidden: number[]) => {
  const w = [40, ...hidden, 10];
  return w.slice(1).reduce((s, out, i) => s + out * ((w[i] as number) + 1), 0);
};
const doc = (epochsTo100: (number | null)[]): CurvesDocument => ({
  format: 'deepnets.random-labels/v1',
  labels: 'shuffle',
  learningRate: 0.0025,
  maxEpochs: 2_000_000,
  models: ['1x298', '2x100', '3x75', '4x63'].map((name, i) => ({
    name,
    widths: [],
    parameters: 0,
    epoch: epochsTo100[i] ?? 5000,
    epochsTo100: epochsTo100[i] ?? null,
    curve: [
      { epoch: 1, loss: 2.3, trainError: 0.9 },
      { epoch: epochsTo100[i] ?? 5000, loss: 0.1, trainError: epochsTo100[i] ? 0 : 0.4 },
    ],
  })),
});

describe('random-labels widget in Chromium', { timeout: 120_000 }, () => {
  it('shows the parameters of Figure 20.2 and the committed curves, complete or not', () => {
    const element = host();
    const handle = mountRandomLabels(element, { curves: [doc([null, 9000, null, 4000])] });
    const shown = [...element.querySelectorAll('tbody [data-parameters]')].map((e) =>
      Number((e as HTMLElement).dataset.parameters),
    );
    expect(shown).toEqual([[298], [100, 100], [75, 75, 75], [63, 63, 63, 63]].map(params));
    expect(shown[3]).toBe(15319); // the caption's 15,139 is a typo
    const note = element.querySelector('[data-role="full-status"]') as HTMLElement;
    expect(note.dataset.complete).toBe('false');
    expect(note.textContent).toContain('4x63 at epoch 4,000');
    expect(
      (element.querySelector('svg.dn-plot') as SVGSVGElement).querySelectorAll('path[data-model]'),
    ).toHaveLength(4);
    handle.update({ curves: [doc([30000, 20000, 15000, 12000])] });
    expect(note.dataset.complete).toBe('true');
    expect(note.textContent).toContain('4x63 < 3x75 < 2x100 < 1x298');
    handle.destroy();
    const empty = mountRandomLabels(element);
    expect(element.querySelector('[data-role="full-status"]')?.textContent).toContain(
      'not written its curves yet',
    );
    empty.destroy();
    expect(element.children).toHaveLength(0);
  });

  it('keeps command-line flags out of the caption: the command sits in a "Reproduce" detail', () => {
    const element = host();
    const command = 'deepnets experiment random-labels --out experiments/random-labels --max-epochs 2000000';
    const handle = mountRandomLabels(element, { curves: [doc([30000, 20000, 15000, 12000])], command });
    const note = element.querySelector('[data-role="full-status"]') as HTMLElement;
    expect(note.textContent).not.toMatch(/--|pnpm|deepnets experiment/);
    const reproduce = element.querySelector('details[data-role="reproduce"]') as HTMLDetailsElement;
    expect(reproduce.open).toBe(false);
    expect(reproduce.querySelector('summary')?.textContent).toBe('Reproduce');
    expect(reproduce.querySelector('code')?.textContent).toBe(command);
    handle.destroy();
    const empty = mountRandomLabels(element);
    expect(element.querySelector('[data-role="full-status"]')?.textContent).not.toContain('pnpm');
    expect(element.querySelector('[data-role="reproduce"] code')?.textContent).toContain(
      'deepnets experiment random-labels',
    );
    empty.destroy();
  });

  it('runs the scaled-down experiment in a worker while animation frames keep coming', async () => {
    const element = host();
    const handle = mountRandomLabels(element, {
      examples: 200,
      maxEpochs: 2000,
      trainModel: (o) => runner.api.trainRandomLabelsModel(o),
      mnist1d: (o) => runner.api.makeMnist1d(o),
    });
    let frames = 0;
    let counting = true;
    const tick = () => {
      frames++;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    let latest: RandomLabelsWidgetState | undefined;
    handle.subscribe((s) => {
      latest = s;
    });
    (element.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    await until(handle.subscribe, (s) => s.running && s.live.some((m) => m.epoch > 20));
    const during = frames;
    await new Promise((r) => setTimeout(r, 500));
    expect(frames - during).toBeGreaterThan(5);
    while (!latest || latest.running || !latest.live.every((m) => m.done))
      await new Promise((r) => setTimeout(r, 50));
    const done = latest;
    counting = false;
    for (const m of done.live) {
      expect(m.epoch).toBeGreaterThan(0);
      const row = element.querySelector(`tr[data-model="${m.name}"] [data-live-epoch]`) as HTMLElement;
      expect(Number(row.dataset.liveEpoch)).toBe(m.epoch);
      if (m.epochsTo100 !== null) expect(m.trainError).toBe(0);
    }
    const finished = done.live.every((m) => m.epochsTo100 !== null);
    expect(done.order).toHaveLength(finished ? 4 : 0);
    const status = element.querySelector('[data-role="live-status"]')?.textContent ?? '';
    if (finished) expect(status).toContain('Fastest first');
    else expect(status).toMatch(/did not reach 100%.*no order is given/);
    handle.destroy();
  });

  it('stops on request and restores settings from the URL', async () => {
    setSearch('?rl.n=200&rl.labels=true');
    const element = host();
    const handle = mountRandomLabels(element, {
      urlPrefix: 'rl',
      maxEpochs: 100000,
      trainModel: (o) => runner.api.trainRandomLabelsModel(o),
      mnist1d: (o) => runner.api.makeMnist1d(o),
    });
    expect((element.querySelector('select[data-param="labels"]') as HTMLSelectElement).value).toBe('true');
    (element.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    await until(handle.subscribe, (s) => s.live.some((m) => m.epoch > 5));
    (element.querySelector('[data-action="stop"]') as HTMLButtonElement).click();
    await until(handle.subscribe, (s) => !s.running);
    expect(element.querySelector('[data-role="live-status"]')?.textContent).toBe('Stopped.');
    handle.destroy();
  });

  it('accepts from the URL only the sizes its slider can show', () => {
    setSearch('?rl.n=4000');
    const element = host();
    const handle = mountRandomLabels(element, { urlPrefix: 'rl' });
    const slider = element.querySelector('input[type="range"]') as HTMLInputElement;
    expect(Number(slider.max)).toBeLessThan(4000);
    expect(Number(slider.value)).toBe(400);
    expect(element.textContent).toMatch(/Ignored "rl\.n=4000"/);
    handle.destroy();
    setSearch(`?rl.n=${slider.max}`);
    const again = mountRandomLabels(host(), { urlPrefix: 'rl' });
    const shown = document.querySelector(
      '[data-widget="random-labels"] input[type="range"]',
    ) as HTMLInputElement;
    expect(shown.value).toBe(shown.max);
    again.destroy();
  });
});
