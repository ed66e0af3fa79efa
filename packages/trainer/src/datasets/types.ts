/**
 * Data sets as registered configs. A config generates a `Dataset` (train and test samples)
 * from options; built-in generators are seeded, so the same options give the same numbers.
 */

/** n examples stored row-major: inputs x (n x `inputs`) and targets y (n x `targetWidth`). */
export interface Samples {
  count: number;
  /** D_i, the number of inputs per example. */
  inputs: number;
  /** Targets per example: 1 class index (classification) or the regression target's values. */
  targetWidth: number;
  x: Float64Array;
  y: Float64Array;
}

export interface Dataset {
  /** Name of the config that made it, e.g. `"two-moons"`. */
  name: string;
  /** `"classification"`: y holds class indices 0..classes-1; `"regression"`: real targets. */
  task: 'regression' | 'classification';
  /** D_o, the network outputs the data set needs (the number of classes for classification). */
  outputs: number;
  train: Samples;
  test: Samples;
}

/** Options every built-in generator understands; generators may accept more. */
export interface DatasetOptions {
  /** Seed of the generator's random numbers. */
  seed?: number;
  /** Number of training examples. */
  samples?: number;
  /** Number of test examples. */
  testSamples?: number;
  /** Noise level (standard deviation, in the data's units). */
  noise?: number;
  [option: string]: unknown;
}

export interface DatasetConfig {
  /** Registry name, e.g. `"spiral"`; plugin names are namespaced as `"plugin/name"`. */
  name: string;
  description: string;
  task: 'regression' | 'classification';
  /** Options used when a field is not given. */
  defaults: Readonly<DatasetOptions>;
  /** Makes the data set; throws a `DeepnetsError` naming a bad option. */
  generate(options?: DatasetOptions): Dataset;
}
