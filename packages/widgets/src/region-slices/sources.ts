/**
 * The data the region-slices widget reads, each fetched or made once and kept: MNIST-1D (seed 42,
 * from the worker) with both labellings, the snapshot file of each labelling and model (loaded
 * lazily by the page), and the networks parsed from it (`deepnets.snapshot/v1`, bit for bit).
 */
import { type Network, parseSnapshot } from '@deepnets/core';
import type { Mnist1dSource } from '../kit/worker-services.ts';
import type { SnapshotFile } from './state.ts';

/** The 4000 training inputs (row-major, `length` values each) and their labels per labelling. */
export interface SlicesData {
  x: Float64Array;
  length: number;
  y: Record<'shuffle' | 'true', Int32Array>;
}

export type SnapshotLoader = (labels: string, model: string) => Promise<SnapshotFile>;

export interface SlicesSources {
  /** MNIST-1D, or undefined (with `missing` set) when no source was given. */
  data(): Promise<SlicesData | undefined>;
  file(labels: string, model: string): Promise<SnapshotFile | undefined>;
  /** The network of snapshot `index`, parsed from `deepnets.snapshot/v1` (loaded first if lazy). */
  network(file: SnapshotFile, index: number): Promise<Network>;
  /**
   * Parses every snapshot of `file` ahead, one per task (a slider step then finds its network
   * parsed instead of decoding ~15,000 parameters in the input's task).
   */
  prefetch(file: SnapshotFile): void;
  /** Says which injected function is missing, for the status line. */
  missing?: string;
}

/** Input vector x_i of the training set. */
export const exampleOf = (d: SlicesData, i: number): number[] =>
  Array.from(d.x.subarray(i * d.length, (i + 1) * d.length));

export function createSources(
  get: () => { mnist1d?: Mnist1dSource; loadSnapshots?: SnapshotLoader },
): SlicesSources {
  let data: Promise<SlicesData> | undefined;
  const files = new Map<string, Promise<SnapshotFile>>();
  const nets = new Map<string, Promise<Network>>();
  const sources: SlicesSources = {
    async data() {
      const source = get().mnist1d;
      if (!source) {
        sources.missing = 'No MNIST-1D source is connected to this widget (pass `mnist1d`).';
        return undefined;
      }
      data ??= Promise.all([
        source({ seed: 42 }),
        source({ seed: 42, randomLabels: { mode: 'shuffle' } }),
      ]).then(([t, s]) => ({ x: t.x, length: t.length, y: { true: t.y, shuffle: s.y } }));
      data.catch(() => {
        data = undefined;
      });
      return data;
    },
    async file(labels, model) {
      const load = get().loadSnapshots;
      if (!load) {
        sources.missing = 'No snapshots are connected to this widget (pass `loadSnapshots`).';
        return undefined;
      }
      const key = `${labels}-${model}`;
      let p = files.get(key);
      if (!p) {
        p = load(labels, model);
        files.set(key, p);
        p.catch(() => files.delete(key));
      }
      return p;
    },
    network(file, index) {
      const key = `${file.labels}-${file.model}-${index}`;
      let net = nets.get(key);
      if (!net) {
        const saved = file.snapshots[index]?.network;
        const path = `snapshots/${file.labels}-${file.model}.json, snapshot ${index}`;
        net = (async () => parseSnapshot(typeof saved === 'function' ? await saved() : saved, path))();
        nets.set(key, net);
        net.catch(() => nets.delete(key));
      }
      return net;
    },
    prefetch(file) {
      let index = 0;
      const step = () => {
        if (index >= file.snapshots.length) return;
        void sources.network(file, index++).then(
          () => setTimeout(step, 0),
          () => setTimeout(step, 0),
        );
      };
      setTimeout(step, 0);
    },
  };
  return sources;
}
