export { type WorkerApi, workerApi } from './api.ts';
export { type ActivationInfo, catalogOf, type DatasetInfo, type WorkerCatalog } from './catalog.ts';
export { ObservableTrainingController } from './controller.ts';
export {
  deserializeError,
  installErrorTransfer,
  registerErrorClass,
  type SerializedError,
  serializeError,
  WorkerDiedError,
} from './errors.ts';
export {
  browserWorker,
  type NodeWorkerHandle,
  type NodeWorkerOptions,
  startNodeWorker,
  type WorkerHandle,
} from './handles.ts';
export {
  defaultPluginBases,
  importPluginModules,
  type PluginBase,
  resolvePluginModule,
} from './plugin-modules.ts';
export { createPool, type Pool, type PoolOptions } from './pool.ts';
export type { RunnerApi } from './remote-api.ts';
export { createRunner, type Runner, type RunnerOptions } from './runner.ts';
export { createThrottle, type Throttle } from './throttle.ts';
export type * from './types.ts';
