import { DeepnetsError } from '@deepnets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '../plugin.ts';
import { drawRandomLabels, type Mnist1dDataset, type Mnist1dOptions, makeMnist1d } from './generate.ts';

const counts = (labels: Int32Array): number[] => {
  const c = new Array<number>(10).fill(0);
  for (const v of labels) c[v] = (c[v] as number) + 1;
  return c;
};

describe('makeMnist1d (defaults: 5000 samples, split 0.8, seed 42)', () => {
  let d: Mnist1dDataset;
  beforeAll(() => {
    d = makeMnist1d();
  });

  it('has the reference shapes: 4000 train and 1000 test sequences of 40 points', () => {
    expect(d.length).toBe(40);
    expect(d.x.length).toBe(4000 * 40);
    expect(d.y.length).toBe(4000);
    expect(d.xTest.length).toBe(1000 * 40);
    expect(d.yTest.length).toBe(1000);
    expect(d.t.length).toBe(40);
  });

  it('has the published class counts of the (standardised) training split', () => {
    expect(counts(d.y)).toEqual([398, 396, 411, 394, 394, 402, 401, 404, 402, 398]);
    // Each digit has 500 examples in all, so the test split holds the rest.
    expect(counts(d.yTest)).toEqual([102, 104, 89, 106, 106, 98, 99, 96, 98, 102]);
  });

  it('has the published moments of all 5000 x 40 values before standardisation', () => {
    // The reference's xs.mean() and xs.std() over the whole shuffled set, right before
    // xs = (xs - xs.mean()) / xs.std(): -0.0055075 and 0.154678.
    expect(d.moments.mean).toBeCloseTo(-0.0055075, 7);
    expect(d.moments.std).toBeCloseTo(0.154678, 6);
  });

  it('is standardised over train and test together', () => {
    const all = [...d.x, ...d.xTest];
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const std = Math.sqrt(all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length);
    expect(Math.abs(mean)).toBeLessThan(1e-12);
    expect(std).toBeCloseTo(1, 12);
  });

  it('equals the Python reference value for value', () => {
    // From greydanus/mnist1d's make_dataset (numpy 2.4.6, scipy 1.17.1, glibc 2.36, x86-64), e.g.
    //   python3 -c "from mnist1d.data import make_dataset, get_dataset_args as g; d = make_dataset(g());
    //               print(d['x'][0, :3].tolist(), d['x'][3999, 39], d['x_test'][0, 0], d['x_test'][999, 20],
    //               d['t'][[0, 39]].tolist(), d['y'][:10].tolist(), d['y_test'][:10].tolist())"
    // (all 200,000 values were compared during development: identical).
    expect(Array.from(d.x.subarray(0, 3))).toEqual([
      -0.3320056673693902, -0.4719103656557236, -0.778697076293495,
    ]);
    expect(d.x[3999 * 40 + 39]).toBe(-1.6509928567520655);
    expect(d.xTest[0]).toBe(-0.07877078047732886);
    expect(d.xTest[999 * 40 + 20]).toBe(1.3949283343454961);
    expect([d.t[0], d.t[39]]).toEqual([-5.38753506670427, 5.38753506670427]);
    expect(Array.from(d.y.subarray(0, 10))).toEqual([2, 6, 4, 5, 6, 6, 6, 0, 3, 1]);
    expect(Array.from(d.yTest.subarray(0, 10))).toEqual([2, 6, 3, 9, 4, 3, 1, 9, 5, 2]);
  });

  it('reports its configuration', () => {
    expect(d.config.samples).toBe(5000);
    expect(d.config.seed).toBe(42);
    expect(d.config.labels).toBe('true');
    expect(d.templates.x.length).toBe(120);
  });
});

describe('makeMnist1d options', () => {
  it('random labels, seeded and documented: shuffle and uniform', () => {
    // np.random.RandomState(7).permutation(np.concatenate([y, y_test]))[:10] and
    // np.random.RandomState(7).randint(0, 10, size=5000)[:10]
    const shuffled = makeMnist1d({ samples: 5000, randomLabels: { mode: 'shuffle', seed: 7 } });
    expect(Array.from(shuffled.y.subarray(0, 10))).toEqual([9, 9, 7, 3, 7, 8, 5, 9, 8, 7]);
    const all = Int32Array.from([...shuffled.y, ...shuffled.yTest]);
    expect(counts(all)).toEqual(new Array(10).fill(500));
    expect(shuffled.config.labels).toBe('shuffle');
    // The inputs are the reference ones whatever the labels.
    expect(shuffled.x[0]).toBe(-0.3320056673693902);
    const uniform = drawRandomLabels(all, 10, { mode: 'uniform', seed: 7 }, 42);
    expect(Array.from(uniform.subarray(0, 10))).toEqual([4, 9, 6, 3, 3, 7, 7, 9, 7, 8]);
  });

  it('other sizes and seeds change the data; bad options throw DeepnetsError', () => {
    const small = makeMnist1d({ samples: 100, seed: 3 });
    expect(small.y.length).toBe(80);
    expect(small.yTest.length).toBe(20);
    expect(small.x[0]).not.toBe(-0.3320056673693902);
    expect(() => makeMnist1d({ samples: 5 })).toThrow(DeepnetsError);
    expect(() => makeMnist1d({ seed: -1 })).toThrow(/seed/);
    expect(() => makeMnist1d({ trainSplit: 2 })).toThrow(/trainSplit/);
  });

  it('takes the option name of the mnist1d data set (samples) and rejects unknown keys', () => {
    const viaRegistry = getDataset('mnist1d').generate({ samples: 30, seed: 5 });
    const direct = makeMnist1d({ samples: 30, seed: 5 });
    expect(viaRegistry.train.count + viaRegistry.test.count).toBe(30);
    expect(Array.from(viaRegistry.train.x)).toEqual(Array.from(direct.x));
    for (const bad of [{ numSamples: 30 }, { sample: 30 }]) {
      const error = (() => {
        try {
          makeMnist1d(bad as Mnist1dOptions);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DeepnetsError);
      expect((error as DeepnetsError).code).toBe('UNKNOWN_NAME');
      expect((error as Error).message).toContain(`unknown option "${Object.keys(bad)[0]}"`);
      expect(() => getDataset('mnist1d').generate(bad)).toThrow(DeepnetsError);
    }
  });
});
