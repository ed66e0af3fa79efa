/**
 * Gallery images of the widgets whose point needs a worker: the approximation widget after its
 * training (deep, shallow and the near-construction fit on the sawtooth) and region-slices with a
 * committed snapshot's plane counted. The visual-regression test keeps comparing the worker-less
 * default state (deterministic to the pixel); these images are only written, never compared, so
 * training time and float order cannot make a test flaky. Runs only under VITE_GALLERY=1, which
 * `visual:update` sets; the images land in `__gallery__/` and are copied to docs/public/images/widgets/.
 */
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { page } from 'vitest/browser';
import type { ApproximationState } from '../approximation/mount.ts';
import { until } from '../kit/test-helpers.ts';
import type { RegionSlicesState } from '../region-slices/options.ts';
import { docsOptions } from '../region-slices/test-fixtures.ts';
import { mountSettled, settled } from './settle.ts';

const ON = (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_GALLERY === '1';
let runner: Runner;

beforeAll(async () => {
  if (ON) runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
});
afterAll(async () => {
  await runner?.terminate();
});

type Subscribe<T> = (l: (s: T) => void) => () => void;

/** Mounts `name` with `options` like the visual test (1280 px, 720 px column), waits for `ready`, shoots. */
async function shoot<T>(name: string, options: object, ready: (s: T) => boolean): Promise<void> {
  const widget = await mountSettled(name, { width: 1280, height: 2600 }, 720, options);
  try {
    await until(widget.handle.subscribe as unknown as Subscribe<T>, ready);
    await settled(widget.root);
    await page.screenshot({ element: widget.root, path: `__gallery__/${name}.png` });
  } finally {
    widget.destroy();
  }
}

describe.skipIf(!ON)('gallery images with a worker', () => {
  it('approximation: trained on the sawtooth', { timeout: 300_000 }, async () => {
    await shoot<ApproximationState>(
      'approximation',
      { train: runner.api.train, regions1d: runner.api.regions1d },
      (s) => Boolean(s.deepNearConstruction && s.identity.widths.length),
    );
  });

  it('region-slices: the last snapshot of 2 x 100 on true labels, plane counted', {
    timeout: 300_000,
  }, async () => {
    await shoot<RegionSlicesState>(
      'region-slices',
      {
        ...docsOptions(runner),
        initial: { labels: 'true', model: '2x100', examples: [0, 1, 2], snapshot: -1 },
      },
      (s) => s.regions !== undefined && !s.computing,
    );
  });
});
