// The section-5 sentences about the region-density experiment come from this loader: check its
// numbers against curves.json read directly here (a separate, plain computation).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { data as Loaded } from './region-density.data.ts';
import loader from './region-density.data.ts';

interface Spread {
  n: number;
  mean: number;
  sd: number;
}
interface Raw {
  settings: { pairs: number; planes: number };
  models: {
    labels: string;
    model: string;
    neurons: number;
    checkpoints: {
      epoch: number;
      measurement: {
        segments: Record<string, { perLength: Spread; perLengthPerUnit: Spread }>;
        planes: { regions: Spread; withExample: Spread };
      };
    }[];
  }[];
}
const raw = JSON.parse(
  readFileSync(new URL('../../../experiments/region-density/curves.json', import.meta.url), 'utf8'),
) as Raw;
const data = loader.load([]) as typeof Loaded;

const find = (labels: string, model: string) => {
  const m = raw.models.find((x) => x.labels === labels && x.model === model);
  if (!m) throw new Error(`${labels}-${model} missing`);
  const sorted = [...m.checkpoints].sort((a, b) => a.epoch - b.epoch);
  return { m, first: sorted[0], last: sorted[sorted.length - 1] };
};
const percent = (text: string) => Number(text.replace('−', '-').replace('%', ''));

describe('region-density loader', () => {
  it('gives each model the change of its mean from the first to the last checkpoint', () => {
    for (const [labels, rows] of [
      ['shuffle', data.shuffle],
      ['true', data.truth],
    ] as const) {
      expect(rows.map((r) => r.model)).toEqual(['1x298', '2x100', '3x75', '4x63']);
      for (const r of rows) {
        const { first, last, m } = find(labels, r.model);
        const a = first?.measurement.segments['different-class']?.perLength.mean as number;
        const b = last?.measurement.segments['different-class']?.perLength.mean as number;
        expect(percent(r.perLengthChange)).toBeCloseTo((100 * (b - a)) / a, 1);
        const pa = first?.measurement.planes.regions.mean as number;
        const pb = last?.measurement.planes.regions.mean as number;
        expect(percent(r.planesChange)).toBeCloseTo((100 * (pb - pa)) / pa, 1);
        expect(r.neurons).toBe(m.neurons);
        expect(r.perLength[0]).toBe(
          `${a.toFixed(2)} ± ${first?.measurement.segments['different-class']?.perLength.sd.toFixed(2)}`,
        );
      }
    }
  });

  it('states the deep-to-shallow ratios, the ranges and who gained', () => {
    const deep = find('shuffle', '4x63');
    const shallow = find('shuffle', '1x298');
    const pl = (c: typeof deep.first) => c?.measurement.segments['different-class']?.perLength.mean as number;
    expect(Number(data.depth.perLengthInit)).toBeCloseTo(pl(deep.first) / pl(shallow.first), 2);
    expect(Number(data.depth.perLengthMemorised)).toBeCloseTo(pl(deep.last) / pl(shallow.last), 2);
    const units = ['1x298', '2x100', '3x75', '4x63'].map(
      (m) =>
        find('shuffle', m).first?.measurement.segments['different-class']?.perLengthPerUnit.mean as number,
    );
    expect(data.perUnitRange).toBe(`${Math.min(...units).toFixed(3)} and ${Math.max(...units).toFixed(3)}`);
    const gained = ['1x298', '2x100', '3x75', '4x63'].filter((m) => {
      const { first, last } = find('shuffle', m);
      return pl(last) > pl(first);
    });
    expect(data.memorising.up).toBe(gained.join(', '));
    const examples = raw.models.flatMap((m) => m.checkpoints.map((c) => c.measurement.planes.withExample));
    expect(data.withExample.checkpoints).toBe(examples.length);
    expect(data.curves.models).toHaveLength(raw.models.length);
  });
});
