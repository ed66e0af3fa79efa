export { type Backprop, createBackprop, type PassResult } from './backprop.ts';
export { CHECKPOINT_FORMAT, type Checkpoint, checkpointToJson, parseCheckpoint } from './checkpoint.ts';
export { TrainingController, yieldToEventLoop } from './controller.ts';
export { circles, gaussians, spiral, twoMoons, xor } from './datasets/classification-2d.ts';
export { type CsvDataset, type CsvOptions, datasetFromCsv } from './datasets/csv.ts';
export { regression1d, regressionTargets } from './datasets/regression-1d.ts';
export { createSamples, gatherRows, selectRows, shuffleIndices, splitSamples } from './datasets/samples.ts';
export type { Dataset, DatasetConfig, DatasetOptions, Samples } from './datasets/types.ts';
export { DIVERGENCE_FACTOR, TrainingDivergedError } from './diverged.ts';
export { escapeXml } from './escape-xml.ts';
export { evaluateSamples, type SampleMetrics } from './evaluate.ts';
export {
  type BenchEpochOptions,
  type BenchEpochResult,
  type BenchKernel,
  benchEpoch,
  epochFlops,
} from './experiments/bench-epoch.ts';
export {
  type ExperimentLabels,
  type Mnist1dSplit,
  type Mnist1dSplitOptions,
  mnist1dSplit,
  mnist1dTraining,
} from './experiments/mnist1d-training.ts';
export {
  RANDOM_LABELS_LEARNING_RATE,
  RANDOM_LABELS_MODELS,
  type RandomLabelsModel,
  type RandomLabelsModelOptions,
  type RandomLabelsModelState,
  type RandomLabelsPoint,
  trainRandomLabelsModel,
} from './experiments/random-labels.ts';
export { type RandomLabelsSeries, randomLabelsSvg } from './experiments/random-labels-plot.ts';
export { type LossAndGradient, lossAndGradient } from './gradient.ts';
export { type FloatArray, type Kernel, typescriptKernel, typescriptKernel32 } from './kernel.ts';
export {
  binaryCrossEntropy,
  builtinLosses,
  defaultLossName,
  type LossConfig,
  leastSquares,
  softmaxCrossEntropy,
  targetWidth,
} from './losses.ts';
export {
  checkTrainingMemory,
  DEFAULT_TRAINING_MEMORY_LIMIT,
  type TrainingMemoryOptions,
  trainingMemoryBytes,
} from './memory.ts';
export {
  drawRandomLabels,
  glibcLog,
  type Mnist1dConfig,
  type Mnist1dDataset,
  type Mnist1dOptions,
  type Mnist1dTemplates,
  MT19937,
  makeMnist1d,
  mnist1dTemplates,
  type RandomLabelsOption,
  RandomState,
} from './mnist1d/index.ts';
export {
  adam,
  builtinOptimizers,
  createOptimizerState,
  gradientDescent,
  momentum,
  type OptimizerConfig,
  type OptimizerState,
  resolveOptimizerOptions,
  sgd,
} from './optimizers.ts';
export {
  layoutFromWidths,
  layoutOf,
  type ParameterLayout,
  packParameters,
  unpackParameters,
} from './parameters.ts';
export { getDataset, getLoss, getOptimizer, trainerPlugin, useTrainerPlugin } from './plugin.ts';
export { addL2 } from './regularization.ts';
export { type LearningRateSchedule, learningRateAt, validateSchedule } from './schedule.ts';
export {
  hyperparameterSearch,
  type SearchOptions,
  type SearchResult,
  type SearchRow,
  type SearchSpace,
  searchTrials,
} from './search.ts';
export {
  type AxisValue,
  type BandPoint,
  type CurveGroup,
  type CurveTrial,
  canonicalJson,
  fnv1a64,
  groupKey,
  type PlannedTrial,
  parseSweepSpec,
  planSweep,
  runSweepTrial,
  SWEEP_CURVES_FORMAT,
  type SweepCurves,
  type SweepGrid,
  type SweepPoint,
  type SweepTrialOptions,
  type SweepTrialSettings,
  type SweepTrialState,
  spread,
  sweepCurves,
  sweepSvg,
  trialId,
} from './sweep/index.ts';
export { train } from './train.ts';
export type { EpochMetrics, TrainOptions, TrainResult } from './train-types.ts';
export {
  createTrialRunner,
  type TrialResult,
  type TrialRunner,
  type TrialSettings,
  type TrialSpec,
} from './trial.ts';
export { HELPER_SOURCE, type HelperData, type HelperStarter } from './wasm/helper-thread.ts';
export {
  bestWasmVariant,
  type WasmVariant,
  wasmSupported,
} from './wasm/instance.ts';
export { createWasmKernel, type WasmKernel, type WasmKernelOptions } from './wasm/wasm-kernel.ts';
