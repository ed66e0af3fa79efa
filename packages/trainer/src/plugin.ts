/**
 * The trainer's registry kinds (`loss`, `optimizer`, `dataset`) and its built-ins, registered
 * through core's public plugin API. Registration is lazy and idempotent: every lookup below
 * first calls `useTrainerPlugin`, so no side-effect import is needed.
 */
import { registry as defaultRegistry, definePlugin, type Registry } from '@deepnets/core';
import { builtinDatasets } from './datasets/builtin.ts';
import type { DatasetConfig } from './datasets/types.ts';
import { builtinLosses, type LossConfig } from './losses.ts';
import { builtinOptimizers, type OptimizerConfig } from './optimizers.ts';

declare module '@deepnets/core' {
  interface RegistryKinds {
    loss: LossConfig;
    optimizer: OptimizerConfig;
    dataset: DatasetConfig;
  }
}

/** The trainer's built-in losses, optimizers and data sets, as a plugin like any other. */
export const trainerPlugin = definePlugin({
  name: 'deepnets:trainer',
  losses: builtinLosses,
  optimizers: builtinOptimizers,
  datasets: builtinDatasets,
});

/** Registers the trainer's built-ins in `registry` (core's default one unless given); idempotent. */
export function useTrainerPlugin(registry: Registry = defaultRegistry): Registry {
  return registry.use(trainerPlugin);
}

/** The loss registered under `name`; throws `UnknownNameError` listing the known ones. */
export function getLoss(name: string, registry: Registry = defaultRegistry): LossConfig {
  return useTrainerPlugin(registry).get('loss', name);
}

/** The optimizer registered under `name`; throws `UnknownNameError` listing the known ones. */
export function getOptimizer(name: string, registry: Registry = defaultRegistry): OptimizerConfig {
  return useTrainerPlugin(registry).get('optimizer', name);
}

/** The data set config registered under `name`; throws `UnknownNameError` listing the known ones. */
export function getDataset(name: string, registry: Registry = defaultRegistry): DatasetConfig {
  return useTrainerPlugin(registry).get('dataset', name);
}
