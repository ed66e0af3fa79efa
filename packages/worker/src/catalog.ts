/**
 * What a worker can do by name: the activations, optimizers, losses and data sets of its registry
 * (the trainer's built-ins, registered first, and every plugin registered in the worker). A page
 * reads it through `runner.api.catalog()` to fill its menus without importing the trainer: the
 * names are those the worker's `train` and `makeDataset` accept.
 */
import { registry as defaultRegistry, isPiecewiseLinear, type Registry } from '@deepnets/core';
import { type DatasetConfig, useTrainerPlugin } from '@deepnets/trainer';

/** A registered data set, described without generating it on the caller's thread. */
export interface DatasetInfo {
  name: string;
  description: string;
  task: 'regression' | 'classification';
  /** D_i, inputs per example, read from a small generated sample (undefined if generation failed). */
  inputs: number | undefined;
  /** D_o, network outputs the data set needs (classes for classification). */
  outputs: number | undefined;
}

export interface ActivationInfo {
  name: string;
  /** Piecewise linear, so its networks have exact linear regions. */
  piecewiseLinear: boolean;
}

export interface WorkerCatalog {
  activations: ActivationInfo[];
  optimizers: string[];
  losses: string[];
  datasets: DatasetInfo[];
}

/**
 * Small samples to read a data set's shape from, tried in order: generators reject options they do
 * not know (MNIST-1D has no `testSamples`) or values out of their range, and their defaults can be
 * slow (4000 MNIST-1D sequences take seconds), so the defaults come last.
 */
const PROBES: readonly (Record<string, number> | undefined)[] = [
  { samples: 16, testSamples: 0 },
  { samples: 16 },
  undefined,
];

/** D_i and D_o of a data set: a small sample first, the generator's defaults if it refuses. */
function shapeOf(config: DatasetConfig): Pick<DatasetInfo, 'inputs' | 'outputs'> {
  for (const options of PROBES) {
    try {
      const d = config.generate(options);
      return { inputs: d.train.inputs, outputs: d.outputs };
    } catch {
      // options this generator refuses: try its defaults
    }
  }
  return { inputs: undefined, outputs: undefined };
}

const shapes = new WeakMap<DatasetConfig, Pick<DatasetInfo, 'inputs' | 'outputs'>>();

/** The catalog of `registry` (core's default one), after registering the trainer's built-ins. */
export function catalogOf(registry: Registry = defaultRegistry): WorkerCatalog {
  useTrainerPlugin(registry);
  const datasets = registry.list('dataset').map((config) => {
    let shape = shapes.get(config);
    if (!shape) {
      shape = shapeOf(config);
      shapes.set(config, shape);
    }
    return { name: config.name, description: config.description, task: config.task, ...shape };
  });
  return {
    activations: registry
      .list('activation')
      .map((a) => ({ name: a.name, piecewiseLinear: isPiecewiseLinear(a) })),
    optimizers: registry.names('optimizer'),
    losses: registry.names('loss'),
    datasets,
  };
}
