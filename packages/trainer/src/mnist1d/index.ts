/**
 * MNIST-1D (Greydanus 2020) generated in TypeScript, identical to the reference Python generator
 * for the same seed, with the numpy / scipy / glibc numerics it needs.
 */

export { fma } from './fma.ts';
export {
  drawRandomLabels,
  type Mnist1dConfig,
  type Mnist1dDataset,
  type Mnist1dOptions,
  makeMnist1d,
  type RandomLabelsOption,
} from './generate.ts';
export { glibcLog } from './glibc-log.ts';
export { MT19937 } from './mt19937.ts';
export { type ChoiceOptions, type NumpySeed, RandomState } from './numpy-random.ts';
export { numpyMean, numpyStd, pairwiseSum } from './numpy-sum.ts';
export { type Mnist1dTemplates, mnist1dTemplates, TEMPLATE_LENGTH } from './templates.ts';
export {
  addCorrelatedNoise,
  addIidNoise,
  gaussianFilter1d,
  gaussianKernel,
  interp,
  linspace,
  pad,
  resample,
  scale,
  shear,
  translate,
} from './transforms.ts';
