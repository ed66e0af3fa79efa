import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dirStore, type TrialRecord } from './store.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const record = (status: TrialRecord['status'], epoch: number, reason?: string): TrialRecord => ({
  id: 'rl-0000000000000001',
  settings: { experiment: 'random-labels' } as TrialRecord['settings'],
  status,
  epoch,
  resumedFrom: [],
  ...(reason ? { reason } : {}),
});

describe('trial records in a directory', () => {
  it('a failed record keeps its reason: a checkpoint that lands after it is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-store-'));
    dirs.push(dir);
    const store = dirStore(dir);
    expect(await store.save(record('running', 5))).toBe(true);
    // Divergence at epoch 7 is recorded from the last saved state (epoch 5)...
    expect(await store.save(record('failed', 5, 'training diverged in epoch 7'))).toBe(true);
    // ...while the checkpoint of epoch 6 was still on its way.
    expect(await store.save(record('running', 6))).toBe(false);
    expect(await store.load('rl-0000000000000001')).toMatchObject({
      status: 'failed',
      reason: 'training diverged in epoch 7',
    });
  });

  it('never replaces done, and never goes back in epochs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-store-'));
    dirs.push(dir);
    const store = dirStore(dir);
    expect(await store.save(record('running', 5))).toBe(true);
    expect(await store.save(record('running', 4))).toBe(false);
    expect(await store.save(record('done', 9))).toBe(true);
    expect(await store.save(record('running', 12))).toBe(false);
    expect(await store.save(record('failed', 12, 'late'))).toBe(false);
    expect((await store.load('rl-0000000000000001'))?.status).toBe('done');
  });
});
