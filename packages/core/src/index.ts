export type {
  ActivationConfig,
  PiecewiseLinearActivation,
  SmoothActivation,
} from './activation-types.ts';
export { isPiecewiseLinear, pieceIndex } from './activation-types.ts';
export {
  abs,
  builtinActivations,
  definePiecewiseLinear,
  gelu,
  hardTanh,
  identity,
  leakyRelu,
  relu,
  sigmoid,
  softplus,
  tanh,
} from './activations.ts';
export { corePlugin, getActivation, registry } from './default-registry.ts';
export {
  AbortError,
  DeepnetsError,
  type DeepnetsErrorCode,
  DuplicateNameError,
  NetworkValidationError,
  NotPiecewiseLinearError,
  ShapeError,
  throwIfAborted,
  UnknownNameError,
} from './errors.ts';
export type { Layer, Matrix, Network, Vector } from './network.ts';
export type { Named, Plugin, PluginContributions, RegistryKind, RegistryKinds } from './registry.ts';
export { createRegistry, definePlugin, Registry } from './registry.ts';
