/**
 * The worker calls that widgets take as options (the docs pass a worker pool's; tests pass
 * in-page ones): training a network, making a data set, the MNIST-1D examples, training one
 * model of the random-labels experiment. One definition each, shared by every widget that trains.
 */
import type {
  RandomLabelsState,
  RemoteRandomLabelsOptions,
  RemoteTrainOptions,
  RunnerApi,
  TrainResult,
} from '@deepnets/worker';

/** The worker's `train` (or anything with its signature). */
export type TrainFunction = (options: RemoteTrainOptions) => Promise<TrainResult>;
/** The same as `TrainFunction`, under the name the hyper-parameter search exported first. */
export type TrainTrial = TrainFunction;

/** A data set as the worker's `makeDataset` returns it. */
export type Dataset = Awaited<ReturnType<RunnerApi['makeDataset']>>;
/** The worker's `makeDataset` (a built-in 2-D data set by name). */
export type MakeSearchDataset = (
  name: string,
  options: { seed?: number; samples?: number },
) => Promise<Dataset>;

/** The MNIST-1D examples (train and test), e.g. from the worker's `makeMnist1d`. */
export type Mnist1dSource = (options: {
  seed?: number;
  randomLabels?: { mode: 'shuffle' };
}) => Promise<{ x: Float64Array; y: Int32Array; xTest: Float64Array; yTest: Int32Array; length: number }>;
/** Trains one model (the worker pool's `trainRandomLabelsModel`). */
export type TrainModel = (options: RemoteRandomLabelsOptions) => Promise<RandomLabelsState>;
