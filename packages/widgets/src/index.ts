export { type LinearScale, scaleLinear, ticks } from './scale.ts';
export { type Joint, shallowJoints } from './shallow-network/joints.ts';
export {
  type BatchEvaluator,
  DEFAULT_SHALLOW,
  mountShallowNetwork,
  type ShallowNetworkOptions,
  type ShallowNetworkState,
} from './shallow-network/mount.ts';
export { type ParameterSpec, shallowParameterSpecs } from './shallow-network/params.ts';
export { createStore, type WidgetHandle } from './widget.ts';
