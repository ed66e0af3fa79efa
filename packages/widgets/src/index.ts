export { shapesForBudget } from './approximation/fit.ts';
export { RELU_IDENTITY, withIdentityLayers } from './approximation/identity.ts';
export {
  type ApproximationOptions,
  type ApproximationState,
  mountApproximation,
} from './approximation/mount.ts';
export { type CursorCheck, checkAt } from './combining/check.ts';
export { derivationSteps } from './combining/derivation.ts';
export { FREE_PSI, freePsiNetwork } from './combining/free.ts';
export { type CombiningOptions, type CombiningState, mountCombining } from './combining/mount.ts';
export { compositionPsi, matrixRank, type SixteenTest, sixteenRegionTest } from './combining/psi.ts';
export { analyseComposition, type CompositionAnalysis } from './composition/analysis.ts';
export {
  type CompositionOptions,
  type CompositionState,
  FOLD_COLORS,
  mountComposition,
} from './composition/mount.ts';
export { fitShallow, type ShallowFit } from './composition/shallow-fit.ts';
export { analyseComposition2d, type Composition2DAnalysis } from './composition-2d/analysis.ts';
export {
  type Composition2DOptions,
  type Composition2DState,
  mountComposition2d,
} from './composition-2d/mount.ts';
export { BOOK_2D, type Pair2D } from './composition-2d/params.ts';
export {
  type ConstructionExplorerOptions,
  type ConstructionExplorerState,
  mountConstructionExplorer,
} from './construction-explorer/mount.ts';
export {
  type ConvCalculatorOptions,
  type ConvCalculatorState,
  mountConvCalculator,
} from './conv-calculator/mount.ts';
export { convParameters, denseParameters, layersToSee, receptiveField } from './conv-calculator/receptive.ts';
export { type DepthDemoOptions, type DepthDemoState, mountDepthDemo } from './depth-demo/mount.ts';
export {
  CHANCE_LOSS,
  DEFAULT_DEPTH_DEMO,
  type DepthDemoSettings,
  type DepthSummary,
  depthPlans,
  stallDepth,
  summariseDepths,
  TRAINED_LOSS,
} from './depth-demo/state.ts';
export { formatBig, log10Big, shortBig } from './depth-kit/bigint.ts';
export { createLogPlot, type LogPlot, type LogPlotOptions } from './depth-kit/log-plot.ts';
export { AnswerFormatError, parseIntegerAnswer, parseNumberList } from './exercises/answers.ts';
export type { Exercise, ExerciseField, FieldVerdict, Verdict } from './exercises/exercise.ts';
export { mountExercises } from './exercises/mount.ts';
export { EXERCISES, exerciseById } from './exercises/problems.ts';
export { type ExercisesOptions, ExercisesOptionsError, type ExercisesState } from './exercises/state.ts';
export { type Figure47Options, type Figure47State, mountFigure47 } from './figure-4-7/mount.ts';
export {
  type HyperSearchOptions,
  type HyperSearchState,
  mountHyperSearch,
} from './hyper-search/mount.ts';
export { runSearch } from './hyper-search/run.ts';
export {
  bestRow,
  HyperSearchError,
  type HyperSearchSettings,
  planTrials,
  SEARCH_DATASETS,
  searchCost,
  sortRows,
} from './hyper-search/state.ts';
export { htmlElement, polylinePath, setAttributes, svgElement } from './kit/dom.ts';
export { download, svgToPng, svgToString } from './kit/export-image.ts';
export { createFileOpen, dropFiles, type FileOpen, type FileOpenOptions } from './kit/file-drop.ts';
export { dragJoint } from './kit/joint-solve.ts';
export { latexToMathml, loadMath, mathReady, type RenderedMath } from './kit/latex-mathml.ts';
export {
  type CoefRef,
  createNetworkDiagram,
  describeRef,
  type NetworkDiagram,
  refMatches,
} from './kit/network-diagram.ts';
export { type FoundNetwork, networkFromDocument } from './kit/network-document.ts';
export {
  createNetworkExports,
  createNetworkFileControls,
  downloadNetworkFile,
  type NetworkExport,
  type NetworkExports,
  type NetworkFileControls,
  type NetworkFileControlsOptions,
  type NetworkFileResult,
  networkFileText,
  readNetworkFile,
} from './kit/network-file.ts';
export { type NetworkPair, NINE_REGIONS, SIXTEEN_REGIONS } from './kit/network-pair.ts';
export { createPlot, type Plot, type PlotOptions, paddedExtent } from './kit/plot.ts';
export {
  localRegions1d,
  localRegions2d,
  type Regions1DSource,
  type Regions2DSource,
} from './kit/regions-source.ts';
export { type LinearScale, scaleLinear, ticks } from './kit/scale.ts';
export { type Joint, shallowJoints } from './kit/shallow-joints.ts';
export { shallowParameterSpecs } from './kit/shallow-parameters.ts';
export { createSlider, type Slider, type SliderSpec, subscript } from './kit/slider.ts';
export { createToolbar, type Toolbar } from './kit/toolbar.ts';
export {
  initialRows,
  runTrials,
  type SearchCallbacks,
  type TrialPlan,
  type TrialRow,
  type TrialRunSettings,
  type TrialStatus,
} from './kit/trials.ts';
export {
  currentUrl,
  type FieldSchema,
  flushUrlState,
  readUrlState,
  replaceUrlState,
  URL_WRITE_INTERVAL_MS,
  type UrlReadResult,
  type UrlSchema,
  writeUrlState,
} from './kit/url-state.ts';
export { createStore, type WidgetHandle } from './kit/widget.ts';
export type {
  Dataset as SearchDataSet,
  MakeSearchDataset,
  Mnist1dSource,
  TrainFunction,
  TrainModel,
  TrainTrial,
} from './kit/worker-services.ts';
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
  activationMenu,
  datasetMenu,
  type MenuItem,
  optimizerMenu,
  type PlaygroundDataset,
  type PlaygroundDatasetConfig,
  parseHidden,
} from './playground/menus.ts';
export { mountPlayground } from './playground/mount.ts';
export type { PlaygroundWorker } from './playground/sources.ts';
export {
  LEARNING_RATES,
  type PlaygroundOptions,
  type PlaygroundPoint,
  type PlaygroundState,
} from './playground/state.ts';
export { type CurvesDocument, type ModelCurve, memorisationOrder } from './random-labels/curves.ts';
export {
  mountRandomLabels,
  type RandomLabelsOptions,
  type RandomLabelsWidgetState,
} from './random-labels/mount.ts';
export { mountReceptiveField, type ReceptiveFieldOptions } from './receptive-field/mount.ts';
export { fieldLayers, fieldWidth, type ReceptiveFieldState } from './receptive-field/state.ts';
export { type LatestQueue, latestQueue, STALE } from './region-slices/latest.ts';
export {
  mountRegionSlices,
  type RegionSlicesOptions,
  type RegionSlicesState,
} from './region-slices/mount.ts';
export {
  type PlaneCountCall,
  type PlanePoints,
  type PlaneProgress,
  type PlaneRegionsSource,
  type PolygonBatch,
  planeRegionsFrom,
} from './region-slices/plane-source.ts';
export type { SnapshotLoader } from './region-slices/sources.ts';
export {
  type DensityMetric,
  type DensityPoint,
  densitySeries,
  type RegionDensityDocument,
  type RegionSlicesChoice,
  type SnapshotFile,
} from './region-slices/state.ts';
export {
  defineWidget,
  getWidget,
  mountWidget,
  useWidgetsPlugin,
  type WidgetDefinition,
  widgetsPlugin,
} from './registry.ts';
export { mountSawtooth, type SawtoothOptions, type SawtoothState } from './sawtooth/mount.ts';
export { shallowFromPieces } from './sawtooth/shallow.ts';
export {
  type BatchEvaluator,
  DEFAULT_SHALLOW,
  mountShallowNetwork,
  NOTEBOOK_NETWORK_1,
  type ShallowNetworkOptions,
  type ShallowNetworkState,
} from './shallow-network/mount.ts';
export { mountTwoOutputs, type TwoOutputsOptions, type TwoOutputsState } from './two-outputs/mount.ts';
export { DEFAULT_TWO_OUTPUTS, twoOutputNetwork } from './two-outputs/params.ts';
