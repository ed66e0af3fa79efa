import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSnapshot } from '@deepnets/core';
import { countRegionsOnSegment, regionsOnPlane } from '@deepnets/regions';
import { mnist1dSplit } from '@deepnets/trainer';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../command.ts';
import { regionDensityCommand } from './command.ts';
import { exampleOf } from './reference.ts';
import type { ModelState } from './run.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function io(): CommandIO & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => {},
    stderr: (t) => err.push(t),
    readFile: async () => '',
    writeFile: async () => {},
    isTTY: false,
  };
}

const flags = (out: string, epochs: string) => ({
  json: true as const,
  out,
  models: '2x100',
  labels: 'true',
  epochs,
  pairs: '3',
  planes: '1',
  kernel: 'ts',
});

describe('deepnets experiment region-density', () => {
  it('measures each checkpoint, saves snapshots that reload bit for bit, and resumes', {
    timeout: 120_000,
  }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'region-density-'));
    dirs.push(out);
    const first = io();
    await regionDensityCommand.run({ positionals: [], flags: flags(out, '0,2') }, first);
    expect(first.err.map((l) => l.split(':')[0])).toEqual([
      'true 2x100 epoch 0 (init)',
      'true 2x100 epoch 2 (trained)',
    ]);
    const state = JSON.parse(await readFile(join(out, 'true-2x100.state.json'), 'utf8')) as ModelState;
    // the trained network of the state is the one snapshotted at epoch 2, bit for bit
    const snap = parseSnapshot(state.snapshots[1]!.network);
    expect(snap.layers).toEqual(state.training!.checkpoint.network.layers);
    // every count of the measurement is the library's count on the snapshot (independent recount)
    const curves = JSON.parse(await readFile(join(out, 'curves.json'), 'utf8'));
    const { train, test } = mnist1dSplit('true');
    const ref = curves.reference.true;
    const c = state.checkpoints[1]!;
    const recount = ref.pairs['train-test'].map(
      ([i, j]: [number, number]) =>
        countRegionsOnSegment(snap, exampleOf(train, i), exampleOf(test, j)).linearRegions,
    );
    expect(c.measurement.segments['train-test'].regions.mean).toBeCloseTo(
      recount.reduce((s: number, v: number) => s + v, 0) / 3,
      12,
    );
    for (const [i, j] of ref.pairs['same-class']) expect(train.y[i]).toBe(train.y[j]);
    for (const [i, j] of ref.pairs['different-class']) expect(train.y[i]).not.toBe(train.y[j]);
    const plane = ref.planes[0].map((i: number) => exampleOf(train, i));
    expect(c.measurement.planes.regions.mean).toBe(regionsOnPlane(snap, plane).linearRegions);
    expect(c.measurement.planes.withExample.mean).toBeGreaterThanOrEqual(1);
    expect(c.measurement.planes.withExample.mean).toBeLessThanOrEqual(3);
    // --resume measures only the new epoch
    const again = io();
    await regionDensityCommand.run(
      { positionals: [], flags: { ...flags(out, '0,2,3'), resume: true } },
      again,
    );
    expect(again.err.map((l) => l.split(':')[0])).toEqual(['true 2x100 epoch 3 (trained)']);
    expect(await readFile(join(out, 'curves.svg'), 'utf8')).toMatch(/^<svg/);
    const snapshots = JSON.parse(await readFile(join(out, 'snapshots', 'true-2x100.json'), 'utf8'));
    expect(snapshots.snapshots.map((s: { epoch: number }) => s.epoch)).toEqual([0, 2, 3]);
  });

  it('gives the same bits whether training stops at many checkpoints or none (wasm kernel)', {
    timeout: 240_000,
  }, async () => {
    // Twelve segments of 4000 examples through 1x298 fill a WebAssembly kernel's 64 MiB arena if
    // one kernel is reused (arrays past it are computed by the TypeScript reference): the many-
    // checkpoint run must still end on the bits of one straight training.
    const epochs = Array.from({ length: 13 }, (_, i) => i).join(',');
    const wasm = (out: string, e: string) => ({
      ...flags(out, e),
      models: '1x298',
      kernel: 'wasm',
      pairs: '1',
    });
    const trainedAt12 = async (e: string) => {
      const out = await mkdtemp(join(tmpdir(), 'region-density-'));
      dirs.push(out);
      await regionDensityCommand.run({ positionals: [], flags: wasm(out, e) }, io());
      const state = JSON.parse(await readFile(join(out, 'true-1x298.state.json'), 'utf8')) as ModelState;
      expect(state.training?.epoch).toBe(12);
      return state.training?.checkpoint.network;
    };
    expect(await trainedAt12(epochs)).toEqual(await trainedAt12('0,12'));
  });

  it('refuses bad flags', async () => {
    await expect(
      regionDensityCommand.run({ positionals: [], flags: { epochs: '3,1' } }, io()),
    ).rejects.toThrow(/increasing/);
    await expect(
      regionDensityCommand.run({ positionals: [], flags: { models: '5x5' } }, io()),
    ).rejects.toThrow(/known: 1x298/);
  });
});
