import { evaluateBatch, widths } from '@deepnets/core';
import { createPool, type Pool } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportedNetwork } from '../kit/network-file-test-helpers.ts';
import { host, until } from '../kit/test-helpers.ts';
import { mountDepthDemo } from './mount.ts';

let pool: Pool;
beforeAll(async () => {
  pool = await createPool({ createWorker: () => new DeepnetsWorker(), size: 2 });
});
afterAll(() => pool.terminate());
afterEach(() => document.body.replaceChildren());

const services = () => ({
  makeDataset: (name: string, o: { seed?: number; samples?: number }) => pool.api.makeDataset(name, o),
  train: (o: Parameters<Pool['api']['train']>[0]) => pool.api.train(o),
  concurrency: 2,
});

describe('depth-demo widget with a worker pool', { timeout: 120_000 }, () => {
  it('trains every (depth, seed), summarises per depth and draws one point per run', async () => {
    const element = host();
    const handle = mountDepthDemo(element, { ...services(), depths: [1, 2], seeds: 2, epochs: 30 });
    (element.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    const done = await until(handle.subscribe, (s) => !s.running && s.rows.length === 4);
    expect(done.rows.every((r) => r.status === 'done' && r.trainAccuracy !== undefined)).toBe(true);
    expect(done.summary.map((s) => s.finished)).toEqual([2, 2]);
    expect(element.querySelectorAll('circle[data-depth]')).toHaveLength(4);
    expect(element.querySelectorAll('[data-role="depths"] tbody tr')).toHaveLength(2);
    // Export network: the trained K = 2 network of run 2; its accuracy on the same 200 examples,
    // computed from the file by core, is the training accuracy the run reported.
    const file = await exportedNetwork(element, 'k2-run2');
    expect(file.fileName).toBe('depth-demo-k2-run2.json');
    expect(widths(file.network)).toEqual([2, 8, 8, 2]);
    const data = await pool.api.makeDataset('two-moons', { seed: 1, samples: 200 });
    const outputs = evaluateBatch(file.network, data.train.x, data.train.count);
    let right = 0;
    for (let i = 0; i < data.train.count; i++) {
      const predicted = (outputs[2 * i + 1] as number) > (outputs[2 * i] as number) ? 1 : 0;
      if (predicted === data.train.y[i]) right++;
    }
    const row = done.rows.find((r) => r.hidden.length === 2 && r.seed % 1000 === 1);
    expect(right / data.train.count).toBeCloseTo(row?.trainAccuracy as number, 12);
    handle.destroy();
  });

  it('Cancel stops the runs in flight', async () => {
    const element = host();
    const handle = mountDepthDemo(element, { ...services(), depths: [16, 24], seeds: 2, epochs: 3000 });
    (element.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    await until(handle.subscribe, (s) => s.rows.some((r) => r.epoch > 0));
    const stopped = until(handle.subscribe, (s) => !s.running && s.rows.length > 0);
    (element.querySelector('[data-action="cancel"]') as HTMLButtonElement).click();
    const state = await stopped;
    expect(state.rows.some((r) => r.status === 'running' || r.status === 'queued')).toBe(false);
    expect(state.rows.filter((r) => r.status === 'cancelled').length).toBeGreaterThan(0);
    await Promise.all([pool.api.ping('a'), pool.api.ping('b')]);
    expect(element.querySelector('[data-role="status"]')?.textContent).toMatch(/Cancelled/);
    handle.destroy();
  });
});
