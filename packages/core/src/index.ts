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
export { describeValue, elide, MAX_MESSAGE_LENGTH } from './bounded.ts';
export { compose, MAX_COMPOSED_WEIGHTS, repeat, stack } from './compose.ts';
export { countParameters, parametersForWidths } from './count.ts';
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
export { NETWORK_FORMAT, networkToJson, parseNetwork, parseNetworkJson } from './format.ts';
export { evaluate, evaluateBatch, type ForwardTrace, forwardTrace } from './forward.ts';
export { type InitOptions, type InitScheme, initNetwork } from './init.ts';
export { type LatexOptions, type Notation, toLatex } from './latex.ts';
export {
  FIGURE_4_1,
  FIGURE_4_2,
  NINE_REGIONS,
  type ShallowPair,
  SIXTEEN_REGIONS,
} from './lecture-networks.ts';
export type { Layer, Matrix, Network, Vector } from './network.ts';
export {
  definePlugin,
  kindOfField,
  type Plugin,
  type PluginContributions,
  type PluralKind,
  pluginNamespace,
} from './plugin.ts';
export type {
  ActivationName,
  BuiltinActivationName,
  LooseName,
  Register,
  RegisteredName,
} from './register.ts';
export { createRegistry, type Named, Registry, type RegistryKind, type RegistryKinds } from './registry.ts';
export { createRng, type Rng, type RngState } from './rng.ts';
export { type ShallowParameters, shallowNetwork, toShallowParameters } from './shallow.ts';
export { depth, hiddenWidths, inputSize, outputSize, widths } from './shape.ts';
export { type NetworkSnapshot, networkToSnapshot, parseSnapshot, SNAPSHOT_FORMAT } from './snapshot.ts';
export { createNetwork, validateNetwork } from './validate.ts';
