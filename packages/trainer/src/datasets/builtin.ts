/**
 * The built-in data set configs, registered by the trainer's plugin.
 */
import { circles, gaussians, spiral, twoMoons, xor } from './classification-2d.ts';
import { mnist1d } from './mnist1d.ts';
import { regression1d } from './regression-1d.ts';
import type { DatasetConfig } from './types.ts';

export const builtinDatasets: readonly DatasetConfig[] = [
  regression1d,
  twoMoons,
  circles,
  xor,
  spiral,
  gaussians,
  mnist1d,
];
