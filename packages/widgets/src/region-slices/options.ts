/**
 * What the region-slices widget is given (all optional: without a source it says which one is
 * missing) and the state it publishes after every change.
 */
import type { Mnist1dSource, TrainModel } from '../kit/worker-services.ts';
import type { PlaneRegionsSource } from './plane-source.ts';
import type { SnapshotLoader } from './sources.ts';
import type { RegionDensityDocument, RegionSlicesChoice } from './state.ts';

export interface RegionSlicesOptions {
  /** curves.json of the experiment (reference planes may be all that is left of `reference`). */
  curves?: RegionDensityDocument;
  /** Loads snapshots/<labels>-<model>.json; called once per labelling and model. */
  loadSnapshots?: SnapshotLoader;
  /** MNIST-1D (seed 42) from the worker's `makeMnist1d`. */
  mnist1d?: Mnist1dSource;
  /** Exact plane regions, streamed; `planeRegionsFrom(runner.api.countRegionsOnPlane)` in the docs, local by default. */
  planeRegions?: PlaneRegionsSource;
  /** Trains the live run (a pool's `trainRandomLabelsModel`). */
  trainModel?: TrainModel;
  initial?: Partial<RegionSlicesChoice>;
  urlPrefix?: string;
  /** Live run: examples, learning rate, epoch cap, epochs between two plane redraws. */
  live?: { examples: number; learningRate: number; maxEpochs: number; every: number };
}

export interface RegionSlicesState {
  choice: RegionSlicesChoice;
  snapshots: number;
  /** Epoch of the drawn network (saved snapshot or live run). */
  epoch?: number;
  computing: boolean;
  /** The drawn plane's exact counts and examples, once computed. */
  regions?: { linear: number; activation: number; ms: number; examples: [number, number, number] };
  /** Planes drawn so far (grows on every redraw). */
  draws: number;
  live: { running: boolean; epoch: number; trainError: number } | undefined;
  error?: string;
}
