export { htmlElement, polylinePath, setAttributes, svgElement } from './kit/dom.ts';
export { download, svgToPng, svgToString } from './kit/export-image.ts';
export { latexToMathml, type RenderedMath } from './kit/latex-mathml.ts';
export {
  type CoefRef,
  createNetworkDiagram,
  describeRef,
  type NetworkDiagram,
  refMatches,
} from './kit/network-diagram.ts';
export { createPlot, type Plot, type PlotOptions, paddedExtent } from './kit/plot.ts';
export {
  localRegions1d,
  localRegions2d,
  type Regions1DSource,
  type Regions2DSource,
} from './kit/regions-source.ts';
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
export { type LayerPanelsOptions, type LayerPanelsState, mountLayerPanels } from './layer-panels/mount.ts';
export { DEFAULT_LAYER_PANELS, layerPanelsNetwork, randomLayerPanels } from './layer-panels/params.ts';
export {
  mountNetworkBuilder,
  type NetworkBuilderOptions,
  type NetworkBuilderState,
} from './network-builder/mount.ts';
export {
  type BuilderLimits,
  DEFAULT_LIMITS,
  type ShapeBound,
  sampleNetwork,
  shapeBound,
  shapeParameters,
} from './network-builder/shape.ts';
export {
  coefficientOrder,
  exampleNetwork,
  NOTATION_TABS,
  type NotationTab,
} from './notation/coefficients.ts';
export { mountNotation, type NotationOptions, type NotationState } from './notation/mount.ts';
export {
  defineWidget,
  getWidget,
  mountWidget,
  useWidgetsPlugin,
  type WidgetDefinition,
  widgetsPlugin,
} from './registry.ts';
export { type Joint, shallowJoints } from './shallow-network/joints.ts';
export {
  type BatchEvaluator,
  DEFAULT_SHALLOW,
  mountShallowNetwork,
  type ShallowNetworkOptions,
  type ShallowNetworkState,
} from './shallow-network/mount.ts';
export { shallowParameterSpecs } from './shallow-network/params.ts';
export { mountTwoOutputs, type TwoOutputsOptions, type TwoOutputsState } from './two-outputs/mount.ts';
export { DEFAULT_TWO_OUTPUTS, twoOutputNetwork } from './two-outputs/params.ts';
