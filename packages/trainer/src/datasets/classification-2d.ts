/**
 * Seeded 2-D classification sets (two moons, circles, XOR, spiral, Gaussians), as in the
 * TensorFlow playground and scikit-learn. Example i has class i mod C, so every prefix is
 * balanced; positions get isotropic Gaussian noise N(0, noise^2) per coordinate.
 */
import { createRng, type Rng } from '@deepnets/core';
import { numberOption, rejectUnknownOptions } from './options.ts';
import { createSamples } from './samples.ts';
import type { DatasetConfig, DatasetOptions, Samples } from './types.ts';

/** Draws the noise-free point of class `c` (of C classes). */
type PointSampler = (rng: Rng, c: number, classes: number) => [number, number];

interface Spec {
  name: string;
  description: string;
  /** Fixed number of classes, or undefined when it is the `classes` option. */
  classes?: number;
  defaults: DatasetOptions;
  point: PointSampler;
}

function sample(rng: Rng, count: number, classes: number, noise: number, point: PointSampler): Samples {
  const s = createSamples(count, 2, 1);
  for (let i = 0; i < count; i++) {
    const c = i % classes;
    const [p0, p1] = point(rng, c, classes);
    s.x[2 * i] = p0 + noise * rng.normal();
    s.x[2 * i + 1] = p1 + noise * rng.normal();
    s.y[i] = c;
  }
  return s;
}

function define2d(spec: Spec): DatasetConfig {
  const known = ['seed', 'samples', 'testSamples', 'noise', ...(spec.classes ? [] : ['classes'])];
  const defaults = { seed: 0, samples: 200, testSamples: 200, ...spec.defaults };
  return {
    name: spec.name,
    description: spec.description,
    task: 'classification',
    defaults,
    generate(options = {}) {
      rejectUnknownOptions(spec.name, options, known);
      const num = (key: string, range: { min?: number; max?: number; integer?: boolean }) =>
        numberOption(spec.name, options, defaults, key, range);
      const classes = spec.classes ?? num('classes', { min: 2, max: 100, integer: true });
      const samples = num('samples', { min: 1, integer: true });
      const testSamples = num('testSamples', { min: 0, integer: true });
      const noise = num('noise', { min: 0 });
      const rng = createRng(num('seed', { integer: true }));
      const train = sample(rng, samples, classes, noise, spec.point);
      const test = sample(rng, testSamples, classes, noise, spec.point);
      return { name: spec.name, task: 'classification', outputs: classes, train, test };
    },
  };
}

/** Two interleaved half circles: (cos t, sin t) and (1 - cos t, 1/2 - sin t), t ~ U(0, pi). */
export const twoMoons = define2d({
  name: 'two-moons',
  description: 'Two interleaved half circles (2 classes)',
  classes: 2,
  defaults: { noise: 0.1 },
  point: (rng, c) => {
    const t = Math.PI * rng.uniform();
    return c === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
  },
});

/** Two concentric circles of radius 1 (class 0) and 1/2 (class 1). */
export const circles = define2d({
  name: 'circles',
  description: 'A circle of radius 1/2 inside a circle of radius 1 (2 classes)',
  classes: 2,
  defaults: { noise: 0.05 },
  point: (rng, c) => {
    const t = 2 * Math.PI * rng.uniform();
    const r = c === 0 ? 1 : 0.5;
    return [r * Math.cos(t), r * Math.sin(t)];
  },
});

/** XOR: uniform points of [-1, 1]^2 whose sign pattern matches the class (1 when x0 x1 < 0). */
export const xor = define2d({
  name: 'xor',
  description: 'Quadrants of [-1, 1]^2: class 1 where x0 x1 < 0 (2 classes)',
  classes: 2,
  defaults: { noise: 0 },
  point: (rng, c) => {
    const a = rng.uniform();
    const b = rng.uniform();
    const s = rng.uniform() < 0.5 ? 1 : -1;
    return c === 0 ? [s * a, s * b] : [s * a, -s * b];
  },
});

/** C interleaved spiral arms: radius t, angle 2 pi c / C + 3 pi t, t ~ U(0, 1). */
export const spiral = define2d({
  name: 'spiral',
  description: 'Interleaved spiral arms, 1.5 turns each (2 classes unless `classes` is set)',
  defaults: { noise: 0.02, classes: 2 },
  point: (rng, c, classes) => {
    const t = rng.uniform();
    const angle = (2 * Math.PI * c) / classes + 3 * Math.PI * t;
    return [t * Math.cos(angle), t * Math.sin(angle)];
  },
});

/** C Gaussian blobs N(mu_c, noise^2 I) with centres mu_c evenly on the unit circle. */
export const gaussians = define2d({
  name: 'gaussians',
  description: 'Gaussian blobs centred on the unit circle (3 classes unless `classes` is set)',
  defaults: { noise: 0.3, classes: 3 },
  point: (_rng, c, classes) => {
    const angle = (2 * Math.PI * c) / classes;
    return [Math.cos(angle), Math.sin(angle)];
  },
});
