import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import loader, { type SweepBands } from './sweep-bands.data.ts';

const trial = (model: string, seed: number, status: string, reachedAt: number | null) => ({
  id: `${model}-${seed}`,
  status,
  settings: {
    experiment: 'random-labels',
    model,
    seed,
    labels: 'shuffle',
    samples: 4000,
    lr: 0.0025,
    maxEpochs: 9000,
  },
  curve: [
    { epoch: 1, loss: 2.3, trainError: 0.9 },
    { epoch: 1000, loss: 0.5, trainError: reachedAt === null ? 0.2 : 0 },
  ],
});

describe('sweep bands loader', () => {
  it('draws and counts only finished trials of a sweep still running, and says how many there are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-bands-'));
    const file = join(dir, 'curves.json');
    const trials = [
      trial('1x298', 1, 'done', 1000),
      trial('4x63', 1, 'done', 1000),
      trial('4x63', 2, 'running', null),
    ];
    writeFileSync(file, JSON.stringify({ format: 'deepnets.sweep-curves/v1', trials, groups: [] }));
    const [sweep] = loader.load([file]) as SweepBands[];
    expect(sweep?.trials).toBe(3);
    expect(sweep?.finished).toBe(2);
    expect(sweep?.rows.map((r) => [r.model, r.seeds, r.reached, r.mean])).toEqual([
      ['1x298', 1, 1, 1000],
      ['4x63', 1, 1, 1000],
    ]);
  });
});
