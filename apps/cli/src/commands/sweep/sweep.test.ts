import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../command.ts';
import { main } from '../../main.ts';
import type { TrialRecord } from './store.ts';

interface Captured extends CommandIO {
  out: string[];
  err: string[];
}

function captured(signal?: AbortSignal): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: (p) => readFile(p, 'utf8'),
    writeFile: (p, t) => writeFile(p, t, 'utf8'),
    isTTY: false,
    ...(signal ? { signal } : {}),
  };
}

async function specFile(spec: unknown): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'deepnets-sweep-'));
  const path = join(dir, 'spec.json');
  await writeFile(path, JSON.stringify(spec));
  return { dir, path };
}

const SMALL = [
  {
    experiment: 'random-labels',
    models: ['2x100'],
    seeds: [1, 2],
    samples: 120,
    lr: 0.02,
    maxEpochs: 150,
    checkpointEvery: 25,
    curveEvery: 5,
  },
  {
    experiment: 'train',
    dataset: 'two-moons',
    hidden: '8,8',
    epochs: 120,
    lr: 0.01,
    seed: 3,
    checkpointEvery: 25,
  },
];

const readRecord = async (dir: string, id: string) =>
  JSON.parse(await readFile(join(dir, 'trials', `${id}.json`), 'utf8')) as TrialRecord;

describe('deepnets sweep (local worker pool)', () => {
  it('plan prints the scaled Figure 20.2 as 40 JSON lines with stable ids', async () => {
    const { path } = await specFile({
      experiment: 'random-labels',
      models: ['1x298', '2x100', '3x75', '4x63'],
      seeds: [1, 2, 3, 4, 5],
      labels: ['shuffle', 'true'],
      samples: 400,
      lr: 0.1,
      maxEpochs: 20000,
    });
    const io = captured();
    expect(await main(['sweep', 'plan', path], io)).toBe(0);
    const lines = io.out.join('').trim().split('\n');
    expect(lines).toHaveLength(40);
    const again = captured();
    await main(['sweep', 'plan', path], again);
    expect(again.out).toEqual(io.out);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      id: expect.stringMatching(/^rl-/),
      settings: { model: '1x298' },
    });
  });

  it('an invalid spec is a one-line error naming the field', async () => {
    const { path } = await specFile({ experiment: 'random-labels', seeds: [1, 'two'] });
    const io = captured();
    expect(await main(['sweep', 'run', path, '--out', join(tmpdir(), 'never'), '--json'], io)).toBe(1);
    expect(io.err.join('')).toMatch(
      /^deepnets sweep run: seeds\[1\]: must be a whole number from 0 to \d+, got "two" \[INVALID_FORMAT\]\n$/,
    );
    expect(io.out).toEqual([]);
  });

  it('run --resume after an interruption ends bit-identical to a run in one go', async () => {
    const { dir, path } = await specFile(SMALL);
    const whole = captured();
    expect(
      await main(['sweep', 'run', path, '--out', join(dir, 'whole'), '--workers', '2', '--json'], whole),
    ).toBe(0);
    const report = JSON.parse(whole.out.join(''));
    expect(report.trials).toHaveLength(3);
    expect(report.trials.every((t: { status: string }) => t.status === 'done')).toBe(true);
    expect(report.trials[2]).toMatchObject({
      status: 'done',
      epochs: 120,
      final: { accuracy: expect.any(Number) },
    });
    expect(
      report.trials[0].epochsTo100 === null || report.trials[0].epochsTo100 === report.trials[0].epochs,
    ).toBe(true);

    // Stop as soon as some checkpoint beyond epoch 25 is stored, then resume.
    const parted = join(dir, 'parted');
    const controller = new AbortController();
    const watcher = setInterval(async () => {
      const records = await Promise.all(
        report.trials.map((t: { id: string }) => readRecord(parted, t.id).catch(() => null)),
      );
      if (records.some((r) => r && r.epoch >= 50 && r.status === 'running')) controller.abort();
    }, 20);
    const first = captured(controller.signal);
    const code = await main(['sweep', 'run', path, '--out', parted, '--workers', '2'], first);
    clearInterval(watcher);
    expect(code).toBe(130);
    const refused = captured();
    expect(await main(['sweep', 'run', path, '--out', parted], refused)).toBe(2);
    expect(refused.err.join('')).toContain('add --resume');
    const resumed = captured();
    expect(await main(['sweep', 'run', path, '--out', parted, '--resume', '--json'], resumed)).toBe(0);
    let resumedSome = false;
    for (const t of report.trials as { id: string }[]) {
      const a = await readRecord(join(dir, 'whole'), t.id);
      const b = await readRecord(parted, t.id);
      expect(b.state?.checkpoint).toEqual(a.state?.checkpoint);
      expect(b.state?.curve).toEqual(a.state?.curve);
      resumedSome ||= b.resumedFrom.length > 0 && (b.resumedFrom[0] as number) > 0;
    }
    expect(resumedSome).toBe(true);
    const curves = JSON.parse(await readFile(join(parted, 'curves.json'), 'utf8'));
    expect(curves.format).toBe('deepnets.sweep-curves/v1');
    expect(curves.groups).toHaveLength(2);
    expect(curves.groups[0].seeds).toEqual([1, 2]);
    expect(await readFile(join(parted, 'curves.svg'), 'utf8')).toContain('fill-opacity');
    const results = captured();
    expect(await main(['sweep', 'results', '--out', parted, '--json'], results)).toBe(0);
    const fromResults = JSON.parse(results.out.join(''));
    const finals = (r: { trials: { id: string; final: unknown }[] }) =>
      Object.fromEntries(r.trials.map((t) => [t.id, t.final]));
    expect(finals(fromResults)).toEqual(finals(report));
  }, 120_000);

  it('a diverging trial is marked failed with the reason; the others finish', async () => {
    const { dir, path } = await specFile({
      experiment: 'train',
      dataset: 'two-moons',
      hidden: 8,
      epochs: 40,
      optimizer: 'gd',
      lr: [0.01, 1e30],
    });
    const io = captured();
    expect(await main(['sweep', 'run', path, '--out', join(dir, 'o'), '--json'], io)).toBe(0);
    const report = JSON.parse(io.out.join(''));
    expect(report.trials.map((t: { status: string }) => t.status)).toEqual(['done', 'failed']);
    expect(report.trials[1].reason).toMatch(/training diverged in epoch \d+/);
    const status = captured();
    expect(await main(['sweep', 'status', '--out', join(dir, 'o')], status)).toBe(0);
    expect(status.out.join('')).toMatch(/1 done, 1 failed/);
    expect(status.out.join('')).toMatch(/failed .*training diverged/);
  }, 60_000);
});
