import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeUrlState } from '../kit/url-state.ts';
import { latestQueue, STALE } from './latest.ts';
import {
  choiceFromUrl,
  choiceToUrl,
  DEFAULT_CHOICE,
  densitySeries,
  formatSpread,
  liveTrainingIndices,
  MODELS,
  modelCurves,
  pickByClass,
  pickRandom,
  predictedClass,
  type RegionDensityDocument,
  snapshotCaption,
  snapshotIndex,
} from './state.ts';

const doc = JSON.parse(
  readFileSync(new URL('../../../../experiments/region-density/curves.json', import.meta.url), 'utf8'),
) as RegionDensityDocument;

describe('region-slices state', () => {
  it('round-trips a choice through the URL', () => {
    const choice = {
      labels: 'true' as const,
      model: '2x100' as const,
      examples: [5, 3999, 17] as [number, number, number],
      snapshot: 2,
    };
    const search = writeUrlState('rs', choiceToUrl(choice, 5), '');
    expect(search).toBe('?rs.labels=true&rs.model=2x100&rs.a=5&rs.b=3999&rs.c=17&rs.e=2');
    expect(choiceFromUrl('rs', search)).toEqual({ choice, notices: [] });
    expect(choiceToUrl({ ...choice, snapshot: -1 }, 5).e).toBe(4);
  });

  it('ignores bad URL values with a notice each and keeps the defaults', () => {
    const { choice, notices } = choiceFromUrl('rs', '?rs.model=5x50&rs.a=4000&rs.labels=<b>&rs.zz=1');
    expect(choice).toEqual(DEFAULT_CHOICE);
    expect(notices).toHaveLength(4);
    expect(notices.join(' ')).toMatch(/rs\.model=5x50.*expected one of 1x298/);
    expect(notices.join(' ')).toMatch(/rs\.a=4000.*from 0 to 3999/);
    const same = choiceFromUrl('rs', '?rs.a=7&rs.b=7&rs.c=1');
    expect(same.choice.examples).toEqual(DEFAULT_CHOICE.examples);
    expect(same.notices[0]).toMatch(/three different examples/);
  });

  it('resolves the snapshot index: -1 and past-the-end mean the last', () => {
    expect(snapshotIndex(-1, 8)).toBe(7);
    expect(snapshotIndex(9, 8)).toBe(7);
    expect(snapshotIndex(3, 8)).toBe(3);
  });

  it('picks examples by class as a brute-force scan would, skipping used ones', () => {
    const labels = [3, 1, 3, 0, 1, 3, 2];
    expect(pickByClass(labels, [3, 3, 1])).toEqual([0, 2, 1]);
    expect(pickByClass(labels, [3, 1, 2], 3)).toEqual([5, 4, 6]);
    expect(() => pickByClass(labels, [9, 1, 2])).toThrow(/label 9/);
    const brute = (cls: number, used: number[]) => labels.findIndex((v, i) => v === cls && !used.includes(i));
    const picked = pickByClass(labels, [0, 2, 1]);
    expect(picked).toEqual([brute(0, []), brute(2, []), brute(1, [])]);
  });

  it('draws three distinct random examples in range', () => {
    const values = [0.5, 0.5, 0.99999, 0];
    const three = pickRandom(() => values.shift() ?? 0.1, 4000);
    expect(three).toEqual([2000, 3999, 0]);
  });

  it('puts the plane examples into the live training set first', () => {
    const set = liveTrainingIndices([10, 0, 7], 8);
    expect(set).toEqual([10, 0, 7, 1, 2, 3, 4, 5]);
    expect(new Set(liveTrainingIndices([3999, 5, 2], 400)).size).toBe(400);
  });

  it('predicts the class by the largest output, as evaluating every output would', () => {
    const dx = [1, -1, 0];
    const dy = [0, 0, 2];
    const c = [0, 0.5, -0.5];
    for (const [s, t] of [
      [0.9, 0.1],
      [0.1, 0.1],
      [0.2, 0.9],
    ] as const) {
      const ys = c.map((ci, o) => (dx[o] as number) * s + (dy[o] as number) * t + ci);
      const maps = [7, 7, 7, ...c.flatMap((ci, o) => [dx[o] as number, dy[o] as number, ci])];
      expect(predictedClass(maps, 3, 3, s, t)).toBe(ys.indexOf(Math.max(...ys)));
    }
  });

  it('reads the density curves of the committed experiment, with n and spread', () => {
    const perLength = densitySeries(doc, 'shuffle', 'perLength');
    expect(perLength.map((s) => s.model)).toEqual([...MODELS]);
    const m = modelCurves(doc, 'shuffle', '4x63');
    const first = m?.checkpoints[0];
    expect(perLength[3]?.points[0]).toEqual({
      epoch: 0,
      mean: first?.measurement.segments['different-class']?.perLength.mean,
      sd: first?.measurement.segments['different-class']?.perLength.sd,
      n: doc.settings.pairs,
    });
    const planes = densitySeries(doc, 'true', 'plane');
    for (const s of planes) {
      expect(s.points.every((p) => p.n === doc.settings.planes)).toBe(true);
      const epochs = s.points.map((p) => p.epoch);
      expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    }
    expect(densitySeries(undefined, 'true', 'plane')).toEqual([]);
  });

  it('words snapshots and spreads', () => {
    expect(snapshotCaption({ epoch: 0, trainError: 0.9 })).toBe(
      'epoch 0 (initialisation) (train error 90.00%)',
    );
    expect(snapshotCaption({ epoch: 137134, trainError: 0.00025 }, 'memorised')).toBe(
      'epoch 137,134 (memorised, train error 0.03%)',
    );
    expect(formatSpread({ mean: 13544.4, sd: 6178.2, n: 20 })).toBe('13,544 ± 6,178 (n = 20)');
  });
});

describe('latestQueue', () => {
  it('runs one job at a time and only the newest waiting request', async () => {
    const log: string[] = [];
    const gates: (() => void)[] = [];
    const q = latestQueue((arg: string, signal) => {
      log.push(`start ${arg}`);
      return new Promise<string>((resolve) => {
        gates.push(() => resolve(`${arg}${signal.aborted ? ' (aborted)' : ''}`));
      });
    });
    const a = q.request('a');
    const b = q.request('b');
    const c = q.request('c');
    expect(log).toEqual(['start a']);
    gates.shift()?.();
    expect(await a).toBe(STALE);
    expect(await b).toBe(STALE);
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['start a', 'start c']);
    gates.shift()?.();
    expect(await c).toBe('c');
    expect(q.started).toBe(2);
  });

  it('passes errors of the current job and turns aborted ones into STALE', async () => {
    const q = latestQueue(async (arg: number, signal) => {
      await new Promise((r) => setTimeout(r, 5));
      if (signal.aborted) throw new Error('aborted');
      if (arg < 0) throw new RangeError('negative');
      return arg;
    });
    await expect(q.request(-1)).rejects.toThrow('negative');
    const first = q.request(1);
    q.cancel();
    expect(await first).toBe(STALE);
    expect(await q.request(2)).toBe(2);
  });

  it('lets the running job finish when the newer request does not preempt it', async () => {
    const q = latestQueue(async (arg: number, signal) => {
      await new Promise((r) => setTimeout(r, 5));
      return signal.aborted ? -1 : arg;
    });
    const [a, b, c] = [q.request(1, false), q.request(2, false), q.request(3, false)];
    expect([await a, await b, await c]).toEqual([1, STALE, 3]);
    expect(q.started).toBe(2);
  });
});
