/**
 * 1-D regression: x ~ U(lo, hi), y = f(x) + N(0, noise^2), for a named target function f.
 * Train and test sets are drawn independently from one seeded stream (train first).
 */
import { createRng, DeepnetsError, type Rng } from '@deepnets/core';
import { numberOption, rejectUnknownOptions } from './options.ts';
import { createSamples } from './samples.ts';
import type { DatasetConfig, Samples } from './types.ts';

/** The named target functions f(x) of `regression-1d` (the `target` option). */
export const regressionTargets: Readonly<Record<string, (x: number) => number>> = {
  /** sin(pi x): smooth, one period on [-1, 1]. */
  sin: (x) => Math.sin(Math.PI * x),
  /** |x|: one kink, exactly representable by two ReLUs. */
  abs: (x) => Math.abs(x),
  /** Heaviside step at 0. */
  step: (x) => (x >= 0 ? 1 : 0),
  /** x^3 - x/2. */
  cubic: (x) => x ** 3 - x / 2,
  /** Triangle wave with period 1/2 and range [0, 1]: many kinks, the deep-network showcase. */
  sawtooth: (x) => {
    const u = 2 * x - Math.floor(2 * x);
    return 1 - Math.abs(2 * u - 1);
  },
  /** 2x - 1: linear, so least squares has a closed-form solution. */
  linear: (x) => 2 * x - 1,
};

const DEFAULTS = { seed: 0, samples: 64, testSamples: 64, noise: 0.05, target: 'sin', lo: -1, hi: 1 };

function sample(
  rng: Rng,
  count: number,
  f: (x: number) => number,
  lo: number,
  hi: number,
  noise: number,
): Samples {
  const s = createSamples(count, 1, 1);
  for (let i = 0; i < count; i++) {
    const x = lo + (hi - lo) * rng.uniform();
    s.x[i] = x;
    s.y[i] = f(x) + noise * rng.normal();
  }
  return s;
}

/** Samples of a named 1-D function with Gaussian noise. */
export const regression1d: DatasetConfig = {
  name: 'regression-1d',
  description: `1-D regression y = f(x) + noise; target: ${Object.keys(regressionTargets).join(', ')}`,
  task: 'regression',
  defaults: DEFAULTS,
  generate(options = {}) {
    rejectUnknownOptions('regression-1d', options, Object.keys(DEFAULTS));
    const num = (key: string, range: { min?: number; integer?: boolean } = {}) =>
      numberOption('regression-1d', options, DEFAULTS, key, range);
    const name = String(options['target'] ?? DEFAULTS.target);
    const f = regressionTargets[name];
    if (!f) {
      throw new DeepnetsError(
        'UNKNOWN_NAME',
        `unknown target "${name}"; known targets: ${Object.keys(regressionTargets).join(', ')}`,
        'datasets.regression-1d.target',
      );
    }
    const lo = num('lo');
    const hi = num('hi');
    if (!(hi > lo))
      throw new DeepnetsError('OUT_OF_RANGE', `must exceed lo = ${lo}`, 'datasets.regression-1d.hi');
    const noise = num('noise', { min: 0 });
    const rng = createRng(num('seed', { integer: true }));
    const train = sample(rng, num('samples', { min: 1, integer: true }), f, lo, hi, noise);
    const test = sample(rng, num('testSamples', { min: 0, integer: true }), f, lo, hi, noise);
    return { name: 'regression-1d', task: 'regression', outputs: 1, train, test };
  },
};
