/**
 * The option, result and event types of the remote API, all derived from the packages' own
 * function types (`Parameters<>`, `ReturnType<>`): when a package changes a signature, the worker
 * follows at compile time. Three variants per long job:
 * - the package's options (`TrainOptions`, ...), which hold main-thread things (signals, callbacks);
 * - the *wire* options (`WireTrainOptions`, ...): the structured-clone-able rest, posted to the worker;
 * - the *remote* options (`RemoteTrainOptions`, ...): what `runner.api` accepts on the main thread.
 */
import type { Network } from '@deepnets/core';
import type { LayerPartition, RegionCounts, regions1d, regions2d, regionsOnPlane } from '@deepnets/regions';
import type {
  BenchKernel,
  createTrialRunner,
  hyperparameterSearch,
  runSweepTrial,
  TrialRunner,
  train,
  trainRandomLabelsModel,
} from '@deepnets/trainer';
import type { ObservableTrainingController } from './controller.ts';

/** Options of `train` (trainer). */
export type TrainOptions = Parameters<typeof train>[0];
export type TrainResult = Awaited<ReturnType<typeof train>>;
export type EpochMetrics = Parameters<NonNullable<TrainOptions['onEpoch']>>[0];
export type Checkpoint = Parameters<NonNullable<TrainOptions['onCheckpoint']>>[0];

/**
 * Fields that hold functions or live objects, which a worker cannot receive: `signal`,
 * `controller` and the callbacks are forwarded by the runner; `stopWhen`, `kernel` and `registry`
 * are not available remotely (the worker uses its own default registry and kernel).
 */
export type LocalOnlyTrainFields =
  | 'signal'
  | 'controller'
  | 'onEpoch'
  | 'onCheckpoint'
  | 'stopWhen'
  | 'kernel'
  | 'registry';

/** A kernel named by the trainer's bench names, created in the worker: `"ts"`, `"ts32"` or `"wasm"`. */
export type KernelName = BenchKernel;

/** What a worker can be asked instead of the fields that cannot cross. */
export interface RemoteTrainingExtras {
  /** The dense kernels, by name (the float64 TypeScript reference, `"ts"`, by default). */
  kernel?: KernelName;
  /**
   * Stop once an epoch's training accuracy reaches this fraction (1: every example right): the
   * declarative form of `stopWhen`, whose function cannot be sent to a worker.
   */
  stopAtAccuracy?: number;
  /**
   * Stop once an epoch's mean training loss is at most this value (>= 0). With `stopAtAccuracy`
   * too, whichever target is reached first stops the run.
   */
  stopAtLoss?: number;
}

/** Training options posted to the worker. */
export type WireTrainOptions = Omit<TrainOptions, LocalOnlyTrainFields> & RemoteTrainingExtras;

/** Shared by every long remote job. */
export interface ProgressOptions {
  /**
   * Minimum time between two progress events (16 ms, one animation frame, by default; 0 sends
   * every event). Events in between are dropped, but the latest one is always delivered, and
   * before the job's promise settles.
   */
  throttleMs?: number;
}

/** `train` options accepted by `runner.api.train`. */
export type RemoteTrainOptions = WireTrainOptions &
  Pick<TrainOptions, 'signal' | 'onEpoch' | 'onCheckpoint'> &
  ProgressOptions & {
    /** Pause and resume: a controller whose `pause()`/`resume()` the runner forwards to the worker. */
    controller?: ObservableTrainingController;
  };

export type Regions1DOptions = NonNullable<Parameters<typeof regions1d>[1]>;
export type Regions1D = ReturnType<typeof regions1d>;
export type Regions2DOptions = NonNullable<Parameters<typeof regions2d>[1]>;
export type Regions2D = ReturnType<typeof regions2d>;
/** Progress of a region enumeration: hidden layer k of K done, regions so far. */
export type RegionsProgress = Parameters<NonNullable<Regions1DOptions['onProgress']>>[0];
export type WireRegions1DOptions = Omit<Regions1DOptions, 'signal' | 'onProgress'>;
/** `regions2d`/`regionsOnPlane` options posted to the worker; `partitions` asks for `partition` events (the main thread has an `onPartition`). */
export type WireRegions2DOptions = Omit<Regions2DOptions, 'signal' | 'onProgress' | 'onPartition'> & {
  partitions?: boolean;
};
export type RemoteRegions1DOptions = Regions1DOptions & ProgressOptions;
/**
 * `regions2d` and `regionsOnPlane` options accepted by `runner.api`. `onPartition` gets every
 * partition (the layer-1 polygons first, then batches of final polygons; none is dropped by the
 * throttle), with its arrays transferred, while the worker goes on enumerating.
 */
export type RemoteRegions2DOptions = Regions2DOptions & ProgressOptions;
/** The three points p0, p1, p2 of `regionsOnPlane` (any input size). */
export type PlanePoints = Parameters<typeof regionsOnPlane>[1];
export type { LayerPartition, RegionCounts };

export type SearchOptions = Parameters<typeof hyperparameterSearch>[0];
export type SearchResult = Awaited<ReturnType<typeof hyperparameterSearch>>;
export type SearchRow = SearchResult['rows'][number];
/** Search options posted to the worker: no callbacks, and `training` without its local fields. */
export type WireSearchOptions = Omit<SearchOptions, 'signal' | 'onTrial' | 'runTrial' | 'training'> & {
  training: Omit<SearchOptions['training'], LocalOnlyTrainFields>;
};
export type RemoteSearchOptions = WireSearchOptions & Pick<SearchOptions, 'signal' | 'onTrial'>;

/** `createTrialRunner(train, validation, settings)`: what every trial of a search shares. */
type TrialRunnerArgs = Parameters<typeof createTrialRunner>;
export type TrialSamples = TrialRunnerArgs[0];
export type WireTrialSettings = Omit<TrialRunnerArgs[2], 'training'> & {
  training: Omit<TrialRunnerArgs[2]['training'], LocalOnlyTrainFields>;
};
export type TrialSpec = Parameters<TrialRunner>[0];
export type TrialResult = Awaited<ReturnType<TrialRunner>>;

export type RandomLabelsOptions = Parameters<typeof trainRandomLabelsModel>[0];
export type RandomLabelsState = Awaited<ReturnType<typeof trainRandomLabelsModel>>;
/** Options of one random-labels model posted to the worker. */
export type WireRandomLabelsOptions = Omit<
  RandomLabelsOptions,
  'kernel' | 'signal' | 'onEpoch' | 'onCheckpoint'
> & {
  kernel?: KernelName;
};
export type RemoteRandomLabelsOptions = WireRandomLabelsOptions &
  Pick<RandomLabelsOptions, 'signal' | 'onEpoch' | 'onCheckpoint'> &
  ProgressOptions;

export type SweepTrialState = Awaited<ReturnType<typeof runSweepTrial>>;
/** One sweep trial posted to the worker: the planned trial and the state to resume from. */
export interface WireSweepTrialOptions {
  trial: Parameters<typeof runSweepTrial>[0];
  resume?: SweepTrialState;
}
export type RemoteSweepTrialOptions = WireSweepTrialOptions &
  Pick<NonNullable<Parameters<typeof runSweepTrial>[1]>, 'signal' | 'onEpoch' | 'onCheckpoint'> &
  ProgressOptions;

/** Events a job streams to the main thread, in the order they happened. */
export type JobEvent =
  | { kind: 'epoch'; metrics: EpochMetrics }
  | { kind: 'checkpoint'; checkpoint: Checkpoint }
  | { kind: 'regions'; progress: RegionsProgress }
  | { kind: 'partition'; partition: LayerPartition }
  | { kind: 'trial'; row: SearchRow }
  | { kind: 'state'; state: RandomLabelsState }
  | { kind: 'sweep-state'; state: SweepTrialState };

/** The job's identity and controls, posted with every long call. */
export interface JobWire {
  id: number;
  throttleMs: number;
  /** Starts paused (training). */
  paused: boolean;
  /**
   * A one-element view of a `SharedArrayBuffer` (when the platform has one: Node, cross-origin
   * isolated pages): the main thread stores 1 to abort, so even synchronous work (a region
   * enumeration between two layers) sees the abort without waiting for a message.
   */
  abortFlag?: Int32Array;
}

export type { Network };
