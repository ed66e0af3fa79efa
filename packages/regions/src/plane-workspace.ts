/**
 * The large buffers of a 2-D enumeration (final polygons, their maps, patterns), kept between
 * calls: a widget that redraws a plane for every snapshot would otherwise allocate megabytes of
 * typed arrays per call, and each such allocation pressures the garbage collector. A call made
 * while the cached workspace is in use (from inside a callback) gets a fresh one.
 */
import { PolygonPool } from './polygon-pool.ts';

/** A workspace above this size is dropped after its call instead of kept. */
const KEEP_BYTES = 64 * 2 ** 20;

export class PlaneWorkspace {
  final = new PolygonPool();
  z = new Float64Array(0);
  m = new Float64Array(0);
  scale = new Float64Array(0);
  /** Pattern records of hidden layer k at k - 1. */
  pieces: Uint8Array[] = [];
  parents: Int32Array[] = [];
  busy = false;

  bytes(): number {
    const records =
      this.pieces.reduce((s, p) => s + p.byteLength, 0) + this.parents.reduce((s, p) => s + p.byteLength, 0);
    return (
      this.final.xy.byteLength +
      this.final.ln.byteLength +
      8 * (this.z.length + this.m.length + this.scale.length) +
      records
    );
  }
}

let cached: PlaneWorkspace | undefined;

/** The cached workspace when it is free, else a new one; cleared, marked busy. */
export function acquireWorkspace(): PlaneWorkspace {
  const w = cached && !cached.busy ? cached : new PlaneWorkspace();
  cached ??= w;
  w.busy = true;
  w.final.clear();
  return w;
}

/** Frees `w` for the next call (the results made from it must have been copied out). */
export function releaseWorkspace(w: PlaneWorkspace): void {
  w.busy = false;
  if (w === cached && w.bytes() > KEEP_BYTES) cached = undefined;
}
