/**
 * The functions a deepnets worker runs, exposed with comlink by `browser-worker.ts` and
 * `node-worker.ts`. Each entry calls the package function itself (same code, same numbers as on
 * the main thread); argument and result types come from the packages' signatures (`types.ts`).
 *
 * Long jobs take a `JobWire` (id, throttle, shared abort flag) and a comlink proxy of the
 * main-thread event callback; the main-thread side of this protocol is `remote-api.ts`.
 *
 * Data crossing the boundary (see each entry): typed arrays in results are *transferred*;
 * arguments are structured-cloned (a copy of the bytes, never JSON), since the caller keeps them;
 * plain-array data (`Network` weights, checkpoints) is structured-cloned both ways.
 */
import { evaluateBatch } from '@deepnets/core';
import { countRegionsOnPlane, regions1d, regions2d, regionsOnPlane } from '@deepnets/regions';
import {
  createTrialRunner,
  type Dataset,
  type DatasetOptions,
  type EpochMetrics,
  getDataset,
  hyperparameterSearch,
  makeMnist1d,
  runSweepTrial,
  train,
  trainRandomLabelsModel,
} from '@deepnets/trainer';
import { catalogOf, type WorkerCatalog } from './catalog.ts';
import { controlJob, type EmitProxy, type Job, type JobAction, runJob } from './job.ts';
import { kernelByName } from './kernels.ts';
import { transferViews } from './transfer.ts';
import type {
  JobWire,
  LayerPartition,
  Network,
  PlanePoints,
  RandomLabelsState,
  RegionCounts,
  Regions1D,
  Regions2D,
  RegionsProgress,
  SearchResult,
  SweepTrialState,
  TrainResult,
  TrialResult,
  TrialSamples,
  TrialSpec,
  WireRandomLabelsOptions,
  WireRegions1DOptions,
  WireRegions2DOptions,
  WireSearchOptions,
  WireSweepTrialOptions,
  WireTrainOptions,
  WireTrialSettings,
} from './types.ts';

/** The package options of a 2-D job: its signal, throttled progress and, when asked, streamed partitions. */
function planeOptions({ partitions, ...options }: WireRegions2DOptions, job: Job) {
  return {
    ...options,
    signal: job.signal,
    onProgress: (progress: RegionsProgress) => job.progress({ kind: 'regions', progress }),
    ...(partitions
      ? {
          onPartition: (partition: LayerPartition) =>
            job.stream({ kind: 'partition', partition }, [
              partition.xy,
              partition.start,
              partition.count,
              partition.maps,
            ]),
        }
      : {}),
  };
}

/** Marks the arrays of a 2-D result for transfer. */
function transferPolygons(r: Regions2D): Regions2D {
  const views = [r.linearRegionOf, ...r.polygons.map((p) => p.vertices)];
  for (const b of r.boundaries) views.push(b.segments, b.units);
  return transferViews(r, views);
}

export const workerApi = {
  /** Checks the channel; resolves to the string it was given. */
  ping(message: string): string {
    return message;
  },

  /** y = f[x] for `count` inputs stored row-major in `xs` (core). Transfers: the result. */
  evaluateBatch(...args: Parameters<typeof evaluateBatch>): ReturnType<typeof evaluateBatch> {
    const result = evaluateBatch(...args);
    return transferViews(result, [result]);
  },

  /** The activations, optimizers, losses and data sets this worker knows by name (trainer's built-ins and its plugins). */
  catalog(): WorkerCatalog {
    return catalogOf();
  },

  /** The data set registered as `name`, generated here: `getDataset(name).generate(options)` (trainer). Transfers: the samples' `x` and `y`. */
  makeDataset(name: string, options?: DatasetOptions): Dataset {
    const d = getDataset(name).generate(options);
    return transferViews(d, [d.train.x, d.train.y, d.test.x, d.test.y]);
  },

  /** MNIST-1D (trainer). Transfers: `x`, `y`, `xTest`, `yTest`, `t` and the templates' arrays. */
  makeMnist1d(...args: Parameters<typeof makeMnist1d>): ReturnType<typeof makeMnist1d> {
    const d = makeMnist1d(...args);
    return transferViews(d, [d.x, d.y, d.xTest, d.yTest, d.t, d.templates.x, d.templates.t, d.templates.y]);
  },

  /** Regions of a 1-input network (regions). Transfers: `edges` (and `breakpoints`), `slopes`, `intercepts`, `linearRegionOf`. */
  regions1d(
    net: Network,
    options: WireRegions1DOptions,
    wire: JobWire,
    emit?: EmitProxy,
  ): Promise<Regions1D> {
    return runJob(wire, emit, (job) => {
      const r = regions1d(net, {
        ...options,
        signal: job.signal,
        onProgress: (progress) => job.progress({ kind: 'regions', progress }),
      });
      return transferViews(r, [r.edges, r.breakpoints, r.slopes, r.intercepts, r.linearRegionOf]);
    });
  },

  /**
   * Polygons of a 2-input network (regions). With `partitions`, every `onPartition` partition is
   * streamed (arrays transferred) while the enumeration goes on. Transfers: every polygon's
   * `vertices`, the boundaries' `segments` and `units`, `linearRegionOf`.
   */
  regions2d(
    net: Network,
    options: WireRegions2DOptions,
    wire: JobWire,
    emit?: EmitProxy,
  ): Promise<Regions2D> {
    return runJob(wire, emit, (job) => transferPolygons(regions2d(net, planeOptions(options, job))));
  },

  /**
   * Regions on the plane p0 + s (p1 - p0) + t (p2 - p0) of a network with any number of inputs
   * (regions `regionsOnPlane`), with the partitions and transfers of `regions2d`.
   */
  regionsOnPlane(
    net: Network,
    points: PlanePoints,
    options: WireRegions2DOptions,
    wire: JobWire,
    emit?: EmitProxy,
  ): Promise<Regions2D> {
    return runJob(wire, emit, (job) =>
      transferPolygons(regionsOnPlane(net, points, planeOptions(options, job))),
    );
  },

  /**
   * The two region counts on the plane of `regionsOnPlane` (regions `countRegionsOnPlane`): with
   * `partitions` every polygon still reaches the page as streamed typed arrays, but the result is
   * two numbers, so the page never unpacks ~10,000 polygon objects in one task.
   */
  countRegionsOnPlane(
    net: Network,
    points: PlanePoints,
    options: WireRegions2DOptions,
    wire: JobWire,
    emit?: EmitProxy,
  ): Promise<RegionCounts> {
    return runJob(wire, emit, (job) => countRegionsOnPlane(net, points, planeOptions(options, job)));
  },

  /** A training run (trainer), with throttled `epoch` and every `checkpoint` event. Transfers nothing (the result holds plain arrays). */
  train(options: WireTrainOptions, wire: JobWire, emit?: EmitProxy): Promise<TrainResult> {
    const { kernel, stopAtAccuracy, stopAtLoss, ...rest } = options;
    const stop = (m: EpochMetrics) =>
      (stopAtAccuracy !== undefined && m.accuracy !== undefined && m.accuracy >= stopAtAccuracy) ||
      (stopAtLoss !== undefined && m.loss <= stopAtLoss);
    return runJob(wire, emit, (job) =>
      train({
        ...rest,
        ...(kernel ? { kernel: kernelByName(kernel) } : {}),
        ...(stopAtAccuracy === undefined && stopAtLoss === undefined ? {} : { stopWhen: stop }),
        signal: job.signal,
        controller: job.controller,
        onEpoch: (metrics) => job.progress({ kind: 'epoch', metrics }),
        onCheckpoint: (checkpoint) => job.send({ kind: 'checkpoint', checkpoint }),
      }),
    );
  },

  /** One model of the random-labels experiment (trainer), with throttled `epoch` and every `state` event. */
  trainRandomLabelsModel(
    options: WireRandomLabelsOptions,
    wire: JobWire,
    emit?: EmitProxy,
  ): Promise<RandomLabelsState> {
    const { kernel, ...rest } = options;
    return runJob(wire, emit, (job) =>
      trainRandomLabelsModel({
        ...rest,
        ...(kernel ? { kernel: kernelByName(kernel) } : {}),
        signal: job.signal,
        onEpoch: (metrics) => job.progress({ kind: 'epoch', metrics }),
        onCheckpoint: (state) => job.send({ kind: 'state', state }),
      }),
    );
  },

  /** One sweep trial (trainer's `runSweepTrial`), with throttled `epoch` and every `sweep-state` event. */
  runSweepTrial(options: WireSweepTrialOptions, wire: JobWire, emit?: EmitProxy): Promise<SweepTrialState> {
    return runJob(wire, emit, (job) =>
      runSweepTrial(options.trial, {
        ...(options.resume ? { resume: options.resume } : {}),
        signal: job.signal,
        onEpoch: (metrics) => job.progress({ kind: 'epoch', metrics }),
        onCheckpoint: (state) => job.send({ kind: 'sweep-state', state }),
      }),
    );
  },

  /** One hyper-parameter trial (trainer's `createTrialRunner`), for pools. */
  runTrial(
    data: TrialSamples,
    validation: TrialSamples,
    settings: WireTrialSettings,
    spec: TrialSpec,
    wire: JobWire,
    emit?: EmitProxy,
  ): Promise<TrialResult> {
    return runJob(wire, emit, (job) => createTrialRunner(data, validation, settings)(spec, job.signal));
  },

  /** A whole search in this worker (trainer), with a `trial` event per finished trial. */
  hyperparameterSearch(options: WireSearchOptions, wire: JobWire, emit?: EmitProxy): Promise<SearchResult> {
    return runJob(wire, emit, (job) =>
      hyperparameterSearch({
        ...options,
        signal: job.signal,
        onTrial: (row) => {
          void job.send({ kind: 'trial', row }).catch(() => undefined);
        },
      }),
    );
  },

  /** Aborts, pauses or resumes the running job `id` (ignored once it has finished). */
  control(id: number, action: JobAction): void {
    controlJob(id, action);
  },
};

/** The API a worker exposes. */
export type WorkerApi = typeof workerApi;
