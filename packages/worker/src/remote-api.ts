/**
 * The main-thread side of the remote API: the package functions with their own option types,
 * returning promises. `signal`, `controller` and the callbacks stay on this thread; the runner
 * forwards aborts (a `control` message, plus a shared flag where available), pause/resume, and
 * turns the worker's event stream back into `onEpoch`, `onCheckpoint`, `onProgress`, `onTrial`.
 */
import { AbortError, DeepnetsError } from '@deepnets/core';
import * as Comlink from 'comlink';
import type { WorkerApi } from './api.ts';
import type { Connection } from './connection.ts';
import type { ObservableTrainingController } from './controller.ts';
import type {
  JobEvent,
  JobWire,
  Network,
  PlanePoints,
  RemoteRandomLabelsOptions,
  RemoteRegions1DOptions,
  RemoteRegions2DOptions,
  RemoteSearchOptions,
  RemoteSweepTrialOptions,
  RemoteTrainOptions,
  WireRegions2DOptions,
  WireTrialSettings,
} from './types.ts';
import {
  checkControls,
  checkNetwork,
  checkRegionsOptions,
  checkTrainingOptions,
  optionsObject,
} from './validate.ts';

type Result<K extends keyof WorkerApi> = Promise<Awaited<ReturnType<WorkerApi[K]>>>;

/** The deepnets API as seen from the main thread; every call runs in a worker. */
export interface RunnerApi {
  /** Resolves to `message`, after a round trip. */
  ping(message: string): Result<'ping'>;
  /** core's `evaluateBatch`; the result array is transferred, `xs` is copied. */
  evaluateBatch(...args: Parameters<WorkerApi['evaluateBatch']>): Result<'evaluateBatch'>;
  /** The names the worker knows: activations, optimizers, losses, data sets with their shapes. */
  catalog(): Result<'catalog'>;
  /** trainer's `getDataset(name).generate(options)`, run in the worker; the sample arrays are transferred. */
  makeDataset(...args: Parameters<WorkerApi['makeDataset']>): Result<'makeDataset'>;
  /** trainer's `makeMnist1d`; the data arrays are transferred. */
  makeMnist1d(...args: Parameters<WorkerApi['makeMnist1d']>): Result<'makeMnist1d'>;
  /** regions' `regions1d`, with `signal` and throttled `onProgress`; arrays transferred. */
  regions1d(net: Network, options?: RemoteRegions1DOptions): Result<'regions1d'>;
  /**
   * regions' `regions2d`, with `signal`, throttled `onProgress` and every `onPartition` (the
   * layer-1 polygons first, then batches of final polygons while the worker goes on); arrays transferred.
   */
  regions2d(net: Network, options?: RemoteRegions2DOptions): Result<'regions2d'>;
  /** regions' `regionsOnPlane` (any input size), with the options of `regions2d`; arrays transferred. */
  regionsOnPlane(
    net: Network,
    points: PlanePoints,
    options?: RemoteRegions2DOptions,
  ): Result<'regionsOnPlane'>;
  /**
   * regions' `countRegionsOnPlane` (the two counts), options as `regions2d`: with `onPartition` the
   * polygons arrive as transferred typed arrays and no ~10,000-object `Regions2D` is unpacked here.
   */
  countRegionsOnPlane(
    net: Network,
    points: PlanePoints,
    options?: RemoteRegions2DOptions,
  ): Result<'countRegionsOnPlane'>;
  /**
   * trainer's `train`: `onEpoch` is throttled (`throttleMs`; the last epoch always arrives),
   * `onCheckpoint` gets every checkpoint (a snapshot of the network, every `checkpointEvery`
   * epochs) and the worker waits for it, `controller` pauses and resumes.
   */
  train(options: RemoteTrainOptions): Result<'train'>;
  /**
   * trainer's `trainRandomLabelsModel` (one of the four models of the random-labels experiment):
   * throttled `onEpoch`, every `onCheckpoint` state; `kernel` by name.
   */
  trainRandomLabelsModel(options: RemoteRandomLabelsOptions): Result<'trainRandomLabelsModel'>;
  /** trainer's `runSweepTrial`: throttled `onEpoch`, every `onCheckpoint` state (the worker waits for it). */
  runSweepTrial(options: RemoteSweepTrialOptions): Result<'runSweepTrial'>;
  /** trainer's `hyperparameterSearch`, all trials in one worker; `onTrial` gets every row. */
  hyperparameterSearch(options: RemoteSearchOptions): Result<'hyperparameterSearch'>;
  /** One trial of a search (what a pool spreads): `createTrialRunner(data, validation, settings)(spec, signal)`. */
  runTrial(
    data: Parameters<WorkerApi['runTrial']>[0],
    validation: Parameters<WorkerApi['runTrial']>[1],
    settings: WireTrialSettings,
    spec: Parameters<WorkerApi['runTrial']>[3],
    signal?: AbortSignal,
  ): Result<'runTrial'>;
}

interface JobControls {
  signal?: AbortSignal | undefined;
  controller?: ObservableTrainingController | undefined;
  throttleMs?: number | undefined;
  onEvent?: ((event: JobEvent) => unknown) | undefined;
}

type Remote = Comlink.Remote<WorkerApi>;
type EmitArg = Parameters<WorkerApi['train']>[2];

let nextJobId = 1;

/** A one-element shared abort flag, where the platform can post a `SharedArrayBuffer`. */
function sharedFlag(): Int32Array | undefined {
  const g = globalThis as { crossOriginIsolated?: boolean };
  if (typeof SharedArrayBuffer === 'undefined' || g.crossOriginIsolated === false) return undefined;
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Functions cannot be posted to a worker: fail early, naming the field. */
function checkSendable(options: object, path: string): void {
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'function') {
      throw new DeepnetsError(
        'OUT_OF_RANGE',
        'is a function, which cannot be sent to a worker; run this call on the main thread to use it',
        `${path}.${key}`,
      );
    }
  }
}

/** Runs one long job on the connection that `connect` gives, wiring signal, controller and events. */
async function runJob<T>(
  connect: () => Promise<Connection>,
  controls: JobControls,
  call: (remote: Remote, wire: JobWire, emit: EmitArg) => Promise<T>,
): Promise<T> {
  const { signal, controller, onEvent } = controls;
  if (signal?.aborted) throw new AbortError('the job was aborted before it started');
  const connection = await connect();
  const abortFlag = sharedFlag();
  const id = nextJobId++;
  const wire: JobWire = {
    id,
    throttleMs: controls.throttleMs ?? 16,
    paused: controller?.paused ?? false,
    ...(abortFlag ? { abortFlag } : {}),
  };
  const send = (action: 'abort' | 'pause' | 'resume') => {
    connection.call((remote) => remote.control(id, action)).catch(() => undefined);
  };
  const onAbort = () => {
    if (abortFlag) Atomics.store(abortFlag, 0, 1);
    send('abort');
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const unsubscribe = controller?.subscribe((paused) => send(paused ? 'pause' : 'resume'));
  const emit = (onEvent ? Comlink.proxy(onEvent) : undefined) as EmitArg;
  try {
    return await connection.call((remote) => call(remote, wire, emit));
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe?.();
  }
}

/** Splits 2-D options into the main-thread controls (signal, callbacks) and what is posted. */
function planeJob(options: RemoteRegions2DOptions): { controls: JobControls; wire: WireRegions2DOptions } {
  const { signal, onProgress, onPartition, throttleMs, ...rest } = options;
  const onEvent =
    onProgress || onPartition
      ? (e: JobEvent) => {
          if (e.kind === 'regions') onProgress?.(e.progress);
          else if (e.kind === 'partition') onPartition?.(e.partition);
        }
      : undefined;
  return {
    controls: { signal, throttleMs, onEvent },
    wire: { ...rest, ...(onPartition ? { partitions: true } : {}) },
  };
}

/** Checks the arguments of a plane call (the worker checks the points' sizes against the network). */
function checkPlane(net: Network, points: PlanePoints, options: RemoteRegions2DOptions | undefined): void {
  checkNetwork(net, 'net');
  if (!Array.isArray(points) || points.length !== 3 || !points.every(Array.isArray))
    throw new DeepnetsError('OUT_OF_RANGE', 'must be an array of three input vectors [p0, p1, p2]', 'points');
  checkRegionsOptions(optionsObject(options, 'options', true), 'options');
}

/**
 * Builds the facade over whatever live connection `connect` returns (a runner restarts dead
 * workers). Every method is async and checks its arguments first (see `validate.ts`), so bad
 * input rejects the returned promise with a typed error and never throws synchronously.
 */
export function createRemoteApi(connect: () => Promise<Connection>): RunnerApi {
  const simple = async <T>(f: (remote: Remote) => Promise<T>): Promise<T> => (await connect()).call(f);
  return {
    ping: async (message) => simple((r) => r.ping(message)),
    evaluateBatch: async (...args) => {
      checkNetwork(args[0], 'net');
      return simple((r) => r.evaluateBatch(...args));
    },
    catalog: async () => simple((r) => r.catalog()),
    makeDataset: async (...args) => {
      if (typeof args[0] !== 'string') {
        throw new DeepnetsError('OUT_OF_RANGE', `must be a data set name, got ${typeof args[0]}`, 'name');
      }
      optionsObject(args[1], 'options', true);
      return simple((r) => r.makeDataset(...args));
    },
    makeMnist1d: async (...args) => {
      optionsObject(args[0], 'options', true);
      return simple((r) => r.makeMnist1d(...args));
    },
    async regions1d(net, options) {
      checkNetwork(net, 'net');
      checkRegionsOptions(optionsObject(options, 'options', true), 'options');
      const { signal, onProgress, throttleMs, ...wire } = options ?? {};
      const onEvent = onProgress && ((e: JobEvent) => e.kind === 'regions' && onProgress(e.progress));
      return runJob(connect, { signal, throttleMs, onEvent }, (r, job, emit) =>
        r.regions1d(net, wire, job, emit),
      );
    },
    async regions2d(net, options) {
      checkNetwork(net, 'net');
      checkRegionsOptions(optionsObject(options, 'options', true), 'options');
      const { controls, wire } = planeJob(options ?? {});
      return runJob(connect, controls, (r, job, emit) => r.regions2d(net, wire, job, emit));
    },
    async regionsOnPlane(net, points, options) {
      checkPlane(net, points, options);
      const { controls, wire } = planeJob(options ?? {});
      return runJob(connect, controls, (r, job, emit) => r.regionsOnPlane(net, points, wire, job, emit));
    },
    async countRegionsOnPlane(net, points, options) {
      checkPlane(net, points, options);
      const { controls, wire } = planeJob(options ?? {});
      return runJob(connect, controls, (r, job, emit) => r.countRegionsOnPlane(net, points, wire, job, emit));
    },
    async train(options) {
      checkTrainingOptions(optionsObject(options, 'options'), 'options');
      const { signal, controller, onEpoch, onCheckpoint, throttleMs, ...wire } = options;
      checkSendable(wire, 'options');
      const onEvent =
        onEpoch || onCheckpoint
          ? (e: JobEvent) => {
              if (e.kind === 'epoch') onEpoch?.(e.metrics);
              else if (e.kind === 'checkpoint') return onCheckpoint?.(e.checkpoint);
            }
          : undefined;
      return runJob(connect, { signal, controller, throttleMs, onEvent }, (r, job, emit) =>
        r.train(wire, job, emit),
      );
    },
    async trainRandomLabelsModel(options) {
      checkTrainingOptions(optionsObject(options, 'options'), 'options');
      const { signal, onEpoch, onCheckpoint, throttleMs, ...wire } = options;
      checkSendable(wire, 'options');
      const onEvent =
        onEpoch || onCheckpoint
          ? (e: JobEvent) => {
              if (e.kind === 'epoch') onEpoch?.(e.metrics);
              else if (e.kind === 'state') return onCheckpoint?.(e.state);
            }
          : undefined;
      return runJob(connect, { signal, throttleMs, onEvent }, (r, job, emit) =>
        r.trainRandomLabelsModel(wire, job, emit),
      );
    },
    async runSweepTrial(options) {
      checkControls(optionsObject(options, 'options'), 'options');
      optionsObject(options.trial, 'options.trial');
      const { signal, onEpoch, onCheckpoint, throttleMs, ...wire } = options;
      checkSendable(wire, 'options');
      const onEvent = (e: JobEvent) => {
        if (e.kind === 'epoch') onEpoch?.(e.metrics);
        else if (e.kind === 'sweep-state') return onCheckpoint?.(e.state);
      };
      return runJob(connect, { signal, throttleMs, onEvent }, (r, job, emit) =>
        r.runSweepTrial(wire, job, emit),
      );
    },
    async hyperparameterSearch(options) {
      checkControls(optionsObject(options, 'options'), 'options');
      checkTrainingOptions(optionsObject(options.training, 'options.training'), 'options.training');
      const { signal, onTrial, ...wire } = options;
      checkSendable(wire, 'options');
      checkSendable(wire.training, 'options.training');
      const onEvent = onTrial && ((e: JobEvent) => e.kind === 'trial' && onTrial(e.row));
      return runJob(connect, { signal, onEvent }, (r, job, emit) => r.hyperparameterSearch(wire, job, emit));
    },
    async runTrial(data, validation, settings, spec, signal) {
      optionsObject(data, 'data');
      optionsObject(validation, 'validation');
      optionsObject(spec, 'spec');
      checkTrainingOptions(optionsObject(settings, 'settings'), 'settings');
      checkTrainingOptions(optionsObject(settings.training, 'settings.training'), 'settings.training');
      checkControls({ signal }, 'runTrial');
      checkSendable(settings.training, 'settings.training');
      return runJob(connect, { signal }, (r, job) => r.runTrial(data, validation, settings, spec, job));
    },
  };
}
