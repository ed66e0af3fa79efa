import { type NetworkSnapshot, parseSnapshot } from '@deepnets/core';
import { countRegionsOnPlane } from '@deepnets/regions';
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { host, moveSlider, setSearch, shownRegions, until, urlSearch } from '../kit/test-helpers.ts';
import { mountRegionSlices, type RegionSlicesOptions, type RegionSlicesState } from './mount.ts';
import { docsOptions, readSnapshotFile } from './test-fixtures.ts';
import '../../test/cli-command.ts';

let runner: Runner;
let trainer: Runner;
beforeAll(async () => {
  runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
  trainer = await createRunner({ createWorker: () => new DeepnetsWorker() });
});
afterAll(async () => {
  await runner.terminate();
  await trainer.terminate();
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  setSearch('');
});

const options = (extra: Partial<RegionSlicesOptions> = {}): RegionSlicesOptions => ({
  ...docsOptions(runner),
  ...extra,
});

/** The plane's three input vectors, made independently of the widget (same worker generator). */
async function planePoints(examples: readonly number[]): Promise<[number[], number[], number[]]> {
  const d = await runner.api.makeMnist1d({ seed: 42 });
  return examples.map((i) => Array.from(d.x.subarray(i * d.length, (i + 1) * d.length))) as [
    number[],
    number[],
    number[],
  ];
}

/** Waits until the canvas has painted all `polygons` (it paints a slice per animation frame). */
async function painted(canvas: HTMLCanvasElement, polygons: number): Promise<void> {
  while (canvas.dataset.painted !== String(polygons)) await new Promise((r) => requestAnimationFrame(r));
}

const drawn = (s: RegionSlicesState) => !s.computing && s.regions !== undefined;

describe('region-slices widget in Chromium', { timeout: 180_000 }, () => {
  it('shows the exact count that countRegionsOnPlane gives for the same snapshot and plane, and redraws when the slider moves', async () => {
    const element = host();
    const handle = mountRegionSlices(
      element,
      options({ initial: { labels: 'true', model: '2x100', examples: [0, 1, 2], snapshot: -1 } }),
    );
    const first = await until(handle.subscribe, drawn);
    const file = await readSnapshotFile('true', '2x100');
    const points = await planePoints([0, 1, 2]);
    const last = file.snapshots.at(-1) as { epoch: number; network: NetworkSnapshot };
    const reference = countRegionsOnPlane(parseSnapshot(last.network), points);
    expect(first.epoch).toBe(last.epoch);
    expect(first.regions?.linear).toBe(reference.linearRegions);
    expect(first.regions?.activation).toBe(reference.activationRegions);
    expect(shownRegions(element)).toBe(reference.linearRegions);
    const canvas = element.querySelector('[data-role="plane-canvas"]') as HTMLCanvasElement;
    await painted(canvas, reference.activationRegions);
    const before = canvas.toDataURL();

    moveSlider(element, 'snapshot', 0);
    const init = await until(handle.subscribe, (s) => drawn(s) && s.epoch === 0);
    const atInit = countRegionsOnPlane(parseSnapshot(file.snapshots[0]?.network), points);
    expect(init.regions?.linear).toBe(atInit.linearRegions);
    expect(init.draws).toBe(first.draws + 1);
    expect(shownRegions(element)).toBe(atInit.linearRegions);
    await painted(canvas, atInit.activationRegions);
    expect(canvas.toDataURL()).not.toBe(before);
    expect(element.querySelector('[data-role="snapshot"]')?.textContent).toContain('initialisation');
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });

  it('the reference plane of the CLI (4x63, x[0], x[1], x[2]): 12,003 regions memorised, 8,608 at initialisation, drawn while the worker enumerates', async () => {
    const element = host();
    const canvas = () => element.querySelector('[data-role="plane-canvas"]') as HTMLCanvasElement;
    let paintedWhileComputing = 0;
    let watching = true;
    const handle = mountRegionSlices(
      element,
      options({ initial: { labels: 'shuffle', model: '4x63', examples: [0, 1, 2], snapshot: -1 } }),
    );
    let computing = false;
    handle.subscribe((s) => {
      computing = s?.computing ?? false;
    });
    const watch = () => {
      const painted = Number(canvas()?.dataset.painted ?? 0);
      if (computing) paintedWhileComputing = Math.max(paintedWhileComputing, painted);
      if (watching) requestAnimationFrame(watch);
    };
    watch();
    const memorised = await until(handle.subscribe, drawn);
    const file = await readSnapshotFile('shuffle', '4x63');
    const points = await planePoints([0, 1, 2]);
    const last = file.snapshots.at(-1) as { epoch: number; network: NetworkSnapshot };
    expect(last.epoch).toBe(137_134);
    const reference = countRegionsOnPlane(parseSnapshot(last.network), points);
    // the count `deepnets regions 4x63.json --plane x0-x1-x2.json` gives (apps/cli regions-slice.test.ts)
    expect(reference.activationRegions).toBe(12_003);
    expect(memorised.regions).toMatchObject({
      linear: reference.linearRegions,
      activation: reference.activationRegions,
    });
    expect(shownRegions(element)).toBe(reference.linearRegions);
    await painted(canvas(), 12_003);
    // progressive: polygons were on the canvas before the worker had finished the plane
    expect(paintedWhileComputing).toBeGreaterThan(0);

    moveSlider(element, 'snapshot', 0);
    const init = await until(handle.subscribe, (s) => drawn(s) && s.epoch === 0);
    const atInit = countRegionsOnPlane(parseSnapshot(file.snapshots[0]?.network), points);
    expect(atInit.activationRegions).toBe(8_608);
    expect(init.regions).toMatchObject({ linear: atInit.linearRegions, activation: 8_608 });
    await painted(canvas(), 8_608);
    watching = false;
    handle.destroy();
  });

  it('exports the drawn network: deepnets regions NET --plane POINTS counts what the page shows; an opened file draws its plane', async () => {
    const element = host();
    const handle = mountRegionSlices(
      element,
      options({ initial: { labels: 'shuffle', model: '4x63', examples: [0, 1, 2], snapshot: 0 } }),
    );
    const init = await until(handle.subscribe, drawn);
    let blob: Blob | undefined;
    let fileName = '';
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:captured';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      fileName = this.download;
    });
    (element.querySelector('button[data-action="export-network"]') as HTMLButtonElement).click();
    const text = await (blob as Blob).text();
    expect(fileName).toBe('region-slices-shuffle-4x63-epoch-0.json');
    expect(JSON.parse(text).format).toBe('deepnets.network/v1');
    const points = await planePoints([0, 1, 2]);
    const cli = await commands.cliRegions(text, ['--plane', 'points.json'], {
      'points.json': JSON.stringify(points),
    });
    expect(cli.err).toBe('');
    const counted = JSON.parse(cli.out) as { linearRegions: number; activationRegions: number };
    expect(counted).toMatchObject({ linearRegions: init.regions?.linear, activationRegions: 8_608 });
    expect(shownRegions(element)).toBe(counted.linearRegions);

    // a network on 2 inputs is refused with its code; the exported one draws the same plane again
    const input = element.querySelector('.dn-network-file input[type="file"]') as HTMLInputElement;
    const pick = (name: string, body: string) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([body], name, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    };
    const small = JSON.stringify({
      format: 'deepnets.network/v1',
      activation: 'relu',
      layers: [{ weights: [[1, 2]], biases: [0] }],
    });
    pick('small.json', small);
    const error = element.querySelector('[data-role="network-file-error"]') as HTMLElement;
    await expect.poll(() => error.dataset.code).toBe('SHAPE_MISMATCH');
    pick('init.json', text);
    const opened = await until(handle.subscribe, (s) => drawn(s) && s.draws > init.draws);
    expect(opened.epoch).toBeUndefined();
    expect(opened.regions?.linear).toBe(counted.linearRegions);
    expect(element.querySelector('[data-role="snapshot"]')?.textContent).toContain('init.json');
    handle.destroy();
  });

  it('computes only the newest plane when the slider moves faster than the worker', async () => {
    const element = host();
    const handle = mountRegionSlices(
      element,
      options({ initial: { labels: 'true', model: '2x100', examples: [3, 4, 5], snapshot: 0 } }),
    );
    const first = await until(handle.subscribe, drawn);
    for (const k of [1, 2, 3]) moveSlider(element, 'snapshot', k);
    const file = await readSnapshotFile('true', '2x100');
    const target = file.snapshots[3]?.epoch;
    const final = await until(handle.subscribe, (s) => drawn(s) && s.epoch === target);
    expect(final.draws).toBe(first.draws + 1);
    const reference = countRegionsOnPlane(
      parseSnapshot(file.snapshots[3]?.network),
      await planePoints([3, 4, 5]),
    );
    expect(final.regions?.linear).toBe(reference.linearRegions);
    handle.destroy();
  });

  it('reads the choice from the URL and says what it ignored', async () => {
    setSearch('?rs.model=9x9&rs.a=-3&rs.labels=true&rs.b=4&rs.c=5&rs.e=40');
    const element = host();
    const handle = mountRegionSlices(element, options({ urlPrefix: 'rs' }));
    const notice = () => element.querySelector('.dn-notice')?.textContent ?? '';
    expect(notice()).toMatch(/Ignored "rs\.model=9x9"/);
    expect(notice()).toMatch(/Ignored "rs\.a=-3"/);
    const s = await until(handle.subscribe, drawn);
    expect(s.choice).toMatchObject({ labels: 'true', model: '4x63', examples: [0, 4, 5] });
    const saved = (await readSnapshotFile('true', '4x63')).snapshots;
    expect(notice()).toContain(`Ignored snapshot 40: 4x63 has ${saved.length} saved snapshots`);
    expect(s.epoch).toBe(saved.at(-1)?.epoch);
    expect(urlSearch()).toContain(`rs.e=${saved.length - 1}`);
    handle.destroy();
  });

  it('recomputes the plane while a scaled-down live run trains', async () => {
    const element = host();
    const handle = mountRegionSlices(
      element,
      options({
        initial: { labels: 'true', model: '2x100', examples: [0, 1, 2] },
        trainModel: (o) => trainer.api.trainRandomLabelsModel(o),
        live: { examples: 150, learningRate: 0.1, maxEpochs: 30, every: 10 },
      }),
    );
    const saved = await until(handle.subscribe, drawn);
    const epochs: number[] = [];
    handle.subscribe((s) => {
      if (drawn(s) && s.draws > saved.draws + epochs.length) epochs.push(s.epoch as number);
    });
    (element.querySelector('[data-action="live"]') as HTMLButtonElement).click();
    const end = await until(
      handle.subscribe,
      (s) => drawn(s) && s.live?.running === false && s.epoch === s.live.epoch,
    );
    // Training waits for each plane: every checkpoint (every 10 epochs) is drawn, in order.
    expect(epochs.length).toBeGreaterThan(1);
    expect(epochs.slice(0, 2)).toEqual([10, 20]);
    expect(epochs.every((e, i) => i === 0 || e > (epochs[i - 1] as number))).toBe(true);
    expect(epochs.at(-1)).toBe(end.live?.epoch);
    expect(end.regions?.linear).toBeGreaterThan(1);
    expect(element.querySelector('[data-role="live-status"]')?.textContent).toMatch(
      /Memorised|cap of 30 epochs/,
    );
    handle.destroy();
  });
});
