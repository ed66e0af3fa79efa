export { download, svgToPng, svgToString } from './kit/export-image.ts';
export { createPlot, type Plot, type PlotOptions, paddedExtent } from './kit/plot.ts';
export { type LinearScale, scaleLinear, ticks } from './kit/scale.ts';
export { createSlider, type Slider, type SliderSpec, subscript } from './kit/slider.ts';
export { createToolbar, type Toolbar } from './kit/toolbar.ts';
export {
  type FieldSchema,
  readUrlState,
  replaceUrlState,
  type UrlReadResult,
  type UrlSchema,
  writeUrlState,
} from './kit/url-state.ts';
export { createStore, type WidgetHandle } from './kit/widget.ts';
export { type Joint, shallowJoints } from './shallow-network/joints.ts';
export {
  type BatchEvaluator,
  DEFAULT_SHALLOW,
  mountShallowNetwork,
  type ShallowNetworkOptions,
  type ShallowNetworkState,
} from './shallow-network/mount.ts';
export { shallowParameterSpecs } from './shallow-network/params.ts';
