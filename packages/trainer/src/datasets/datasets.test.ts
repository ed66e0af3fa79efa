import { describe, expect, it } from 'vitest';
import { getDataset } from '../plugin.ts';
import { regressionTargets } from './regression-1d.ts';
import type { Samples } from './types.ts';

const rows = (s: Samples): number[][] =>
  Array.from({ length: s.count }, (_, i) => [...s.x.subarray(i * s.inputs, (i + 1) * s.inputs)]);
const labels = (s: Samples): number[] => [...s.y];
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

describe('2-D classification sets', () => {
  it('are seeded, sized and balanced', () => {
    for (const name of ['two-moons', 'circles', 'xor', 'spiral', 'gaussians']) {
      const config = getDataset(name);
      const a = config.generate({ seed: 5, samples: 60, testSamples: 30 });
      const b = config.generate({ seed: 5, samples: 60, testSamples: 30 });
      const c = config.generate({ seed: 6, samples: 60, testSamples: 30 });
      expect(a).toEqual(b);
      expect(a.train.x).not.toEqual(c.train.x);
      expect([a.train.count, a.test.count, a.train.inputs, a.task]).toEqual([60, 30, 2, 'classification']);
      for (let k = 0; k < a.outputs; k++)
        expect(labels(a.train).filter((y) => y === k).length).toBe(60 / a.outputs);
    }
  });

  it('put noise-free points where their definitions say', () => {
    const circles = getDataset('circles').generate({ noise: 0, samples: 50 });
    rows(circles.train).forEach(([x0, x1], i) => {
      expect(Math.hypot(x0 as number, x1 as number)).toBeCloseTo(circles.train.y[i] === 0 ? 1 : 0.5, 12);
    });
    const xor = getDataset('xor').generate({ samples: 80 });
    rows(xor.train).forEach(([x0, x1], i) => {
      expect((x0 as number) * (x1 as number) < 0 ? 1 : 0).toBe(xor.train.y[i]);
    });
    const moons = getDataset('two-moons').generate({ noise: 0, samples: 40 });
    rows(moons.train).forEach(([x0, x1], i) => {
      const [cx, cy] = moons.train.y[i] === 0 ? [0, 0] : [1, 0.5];
      expect(Math.hypot((x0 as number) - cx, (x1 as number) - cy)).toBeCloseTo(1, 12);
    });
  });

  it('spread Gaussian blobs with the requested standard deviation', () => {
    const g = getDataset('gaussians').generate({ samples: 2000, classes: 2, noise: 0.5 });
    const class0 = rows(g.train).filter((_, i) => g.train.y[i] === 0);
    const xs = class0.map((p) => p[0] as number);
    expect(mean(xs)).toBeCloseTo(1, 1); // centre (1, 0); standard error 0.5 / sqrt(1000) ~ 0.016
    expect(Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)))).toBeCloseTo(0.5, 1);
  });

  it('reject unknown and out-of-range options, naming them', () => {
    expect(() => getDataset('spiral').generate({ sample: 10 })).toThrow(
      /datasets\.spiral\.sample: unknown option/,
    );
    expect(() => getDataset('circles').generate({ classes: 3 })).toThrow(/unknown option "classes"/);
    expect(() => getDataset('spiral').generate({ samples: 2.5 })).toThrow(
      /datasets\.spiral\.samples: must be an integer/,
    );
    expect(() => getDataset('moons')).toThrow(/known datasets: regression-1d, two-moons/);
  });
});

describe('1-D regression', () => {
  it('samples the named target plus N(0, noise^2) noise on [lo, hi]', () => {
    const d = getDataset('regression-1d').generate({
      target: 'cubic',
      samples: 4000,
      noise: 0.2,
      lo: 0,
      hi: 2,
    });
    const xs = [...d.train.x];
    const residuals = xs.map(
      (x, i) => (d.train.y[i] as number) - (regressionTargets['cubic'] as (x: number) => number)(x),
    );
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(2);
    expect(mean(residuals)).toBeCloseTo(0, 1);
    expect(Math.sqrt(mean(residuals.map((r) => r * r)))).toBeCloseTo(0.2, 1);
    expect(d.test.count).toBe(64);
  });

  it('names an unknown target and lists the known ones', () => {
    expect(() => getDataset('regression-1d').generate({ target: 'tan' })).toThrow(
      /known targets: sin, abs, step/,
    );
  });
});

describe('mnist1d', () => {
  it('is registered with the reference split and the published train-set class counts', () => {
    const d = getDataset('mnist1d').generate();
    expect([d.train.count, d.test.count, d.train.inputs, d.outputs]).toEqual([4000, 1000, 40, 10]);
    const counts = Array.from({ length: 10 }, (_, c) => labels(d.train).filter((y) => y === c).length);
    expect(counts).toEqual([398, 396, 411, 394, 394, 402, 401, 404, 402, 398]); // issue 5, public facts
    const small = getDataset('mnist1d').generate({ samples: 200 });
    const shuffled = getDataset('mnist1d').generate({ samples: 200, labels: 'shuffle' });
    expect(shuffled.train.x).toEqual(small.train.x);
    expect(labels(shuffled.train)).not.toEqual(labels(small.train));
    expect(() => getDataset('mnist1d').generate({ labels: 'random' })).toThrow(/datasets\.mnist1d\.labels/);
  });
});
