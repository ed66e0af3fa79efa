/**
 * The 2-D enumeration, depth first: the box is cut by the units of hidden layer 1; each of those
 * polygons is cut by its own layer-2 lines, each piece of that by its layer-3 lines, and so on.
 * Only one polygon per layer is in flight, so the working set (typed-array polygon pools and the
 * maps of the pieces of one polygon per layer) stays small and no object is made per polygon.
 * Every polygon meets the same lines in the same order, with the same side tests, as in a
 * unit-by-unit sweep of the whole box (README, "Algorithm and performance").
 */
import { throwIfAborted } from '@deepnets/core';
import {
  type ChordSink,
  classifyUnits,
  createScratch,
  cutLocal,
  type Geometry,
  type Scratch,
} from './layer-cut2d.ts';
import { advancePiece, writeScale } from './map-update2d.ts';
import { acquireWorkspace, type PlaneWorkspace, releaseWorkspace } from './plane-workspace.ts';
import { PolygonPool } from './polygon-pool.ts';
import { checkMemory, type Prepared } from './prepare.ts';

/** The pieces of a[.] of one hidden layer's units for each of its polygons, and each polygon's parent. */
export interface PatternRecord {
  width: number;
  size: number;
  pieces: Uint8Array;
  parent: Int32Array;
}

/** The final partition: polygon q has the output map z[3 (outputs q + o) ..] and pattern ancestry in `records`. */
export interface PlaneEnumeration {
  pool: PolygonPool;
  outputs: number;
  /** [dx_o, dy_o, c_o] of output o at 3 (outputs q + o). */
  z: Float64Array;
  /** sum_i |Omega_K[o][i] dh_i/dx| (and d/dy) at 2 (outputs q + o); zeros without hidden layers. */
  scale: Float64Array;
  /** records[k - 1] for hidden layer k (empty without `patterns`); the final polygon q is entry q of the last. */
  records: PatternRecord[];
  /** The chords of each hidden layer. */
  sinks: ChordSink[];
  /** Holds the buffers above: `releaseWorkspace` it once they have been copied out. */
  workspace: PlaneWorkspace;
}

export interface PlaneHooks {
  signal?: AbortSignal | undefined;
  /** Keep the activation patterns (records); counting needs none. */
  patterns: boolean;
  /** The most bytes the polygons may take (option maxBytes). */
  maxBytes: number;
  /** After layer 1 with its partition (coarse, first), then with each new batch of final polygons. */
  onPolygons?: ((pool: PolygonPool, from: number, layer: number, z: Float64Array) => void) | undefined;
  onProgress?: ((progress: { layer: number; layers: number; regions: number }) => void) | undefined;
}

/** Final polygons per `onPolygons` batch (the first batch goes out as soon as it has any). */
const BATCH = 512;

/** `a`, or a copy with room for `needed` entries (doubling). One function per array type keeps the calls monomorphic. */
function grown(a: Float64Array, needed: number): Float64Array {
  if (needed <= a.length) return a;
  const b = new Float64Array(Math.max(needed, 2 * a.length));
  b.set(a);
  return b;
}

function grownInt(a: Int32Array, needed: number): Int32Array {
  if (needed <= a.length) return a;
  const b = new Int32Array(Math.max(needed, 2 * a.length));
  b.set(a);
  return b;
}

function grownBytes(a: Uint8Array, needed: number): Uint8Array {
  if (needed <= a.length) return a;
  const b = new Uint8Array(Math.max(needed, 2 * a.length));
  b.set(a);
  return b;
}

function record(r: PatternRecord, pieces: Uint8Array, parent: number): number {
  r.pieces = grownBytes(r.pieces, r.width * (r.size + 1));
  r.parent = grownInt(r.parent, r.size + 1);
  r.pieces.set(pieces.subarray(0, r.width), r.width * r.size);
  r.parent[r.size] = parent;
  return r.size++;
}

/**
 * Every activation region of the prepared network (D_i = 2) on the box [x0, x1, y0, y1]. The
 * result's buffers belong to a reused workspace: copy what you keep, then `releaseWorkspace`.
 */
export function enumeratePlane(
  net: Prepared,
  box: readonly [number, number, number, number],
  g: Geometry,
  hooks: PlaneHooks,
): PlaneEnumeration {
  const workspace = acquireWorkspace();
  try {
    return enumerateInto(workspace, net, box, g, hooks);
  } catch (error) {
    releaseWorkspace(workspace);
    throw error;
  }
}

function enumerateInto(
  ws: PlaneWorkspace,
  net: Prepared,
  box: readonly [number, number, number, number],
  g: Geometry,
  hooks: PlaneHooks,
): PlaneEnumeration {
  const hidden = net.widths.length - 2;
  const outputs = net.widths[hidden + 1] as number;
  const first = net.widths[1] as number;
  const w0 = net.weights[0] as Float64Array;
  const z0 = new Float64Array(3 * first);
  for (let i = 0; i < first; i++) {
    z0[3 * i] = w0[2 * i] as number;
    z0[3 * i + 1] = w0[2 * i + 1] as number;
    z0[3 * i + 2] = (net.biases[0] as Float64Array)[i] as number;
  }
  const m0 = z0.map(Math.abs);
  const final = ws.final;
  const result: PlaneEnumeration = {
    workspace: ws,
    pool: final,
    outputs,
    z: z0,
    scale: new Float64Array(2 * outputs),
    records: [],
    sinks: [],
  };
  if (hidden === 0) {
    final.box(box[0], box[1], box[2], box[3]);
    return result;
  }
  const boxPool = new PolygonPool();
  boxPool.box(box[0], box[1], box[2], box[3]);
  // An estimate per polygon after hidden layer k: vertices and edge lines (~400 B), the pattern so
  // far, and 48 B per pre-activation of the layer it feeds (a final polygon: per output).
  const units = net.widths.slice(1, -1).reduce((s, w) => s + w, 0);
  const polygonBytes = (k: number) => 400 + units + 48 * (net.widths[k + 1] as number);
  let z = grown(ws.z, 3 * outputs * 1024);
  let m = grown(ws.m, 3 * outputs * 1024);
  let scale = grown(ws.scale, 2 * outputs * 1024);
  const scratch: Scratch[] = [];
  const zOut: Float64Array[] = [];
  const mOut: Float64Array[] = [];
  const idsOf: Int32Array[] = [];
  let stored = 0;
  /** Polygons after each hidden layer (for onProgress). */
  const counts = new Array<number>(hidden).fill(0);
  for (let k = 1; k <= hidden; k++) {
    const width = net.widths[k] as number;
    scratch.push(createScratch(width, net.widths[k + 1] as number));
    zOut.push(new Float64Array(0));
    mOut.push(new Float64Array(0));
    idsOf.push(new Int32Array(16));
    result.records.push({
      width,
      size: 0,
      pieces: ws.pieces[k - 1] ?? new Uint8Array(0),
      parent: ws.parents[k - 1] ?? new Int32Array(0),
    });
    result.sinks.push({ segments: [], units: [] });
  }
  /** Cuts polygon p of `src` (layer k's pre-activations at zIn[base ..]) by layer k's lines. */
  const cut = (
    k: number,
    src: PolygonPool,
    p: number,
    zIn: Float64Array,
    mIn: Float64Array,
    base: number,
  ): PolygonPool => {
    const s = scratch[k - 1] as Scratch;
    s.local.clear();
    s.local.copy(src, p);
    classifyUnits(net, k, src, p, zIn, mIn, base, g, s);
    for (let a = 0; a < s.activeCount; a++) {
      // a unit's m parallel lines cut each piece into at most m + 1 (checked before the cut allocates)
      const pieces = s.local.size * (net.breakpoints.length + 1);
      const bytes = stored * polygonBytes(hidden) + pieces * polygonBytes(k);
      if (bytes > hooks.maxBytes) {
        const next = stored + pieces;
        checkMemory(bytes, hooks.maxBytes, `up to ${next} polygons after unit ${s.active[a]} of layer ${k}`);
      }
      cutLocal(
        net,
        k,
        s.active[a] as number,
        zIn,
        mIn,
        base + 3 * (s.active[a] as number),
        g,
        result.sinks[k - 1] as ChordSink,
        s,
      );
    }
    return s.local;
  };
  const descend = (
    k: number,
    src: PolygonPool,
    p: number,
    zIn: Float64Array,
    mIn: Float64Array,
    base: number,
    parent: number,
  ): void => {
    const local = cut(k, src, p, zIn, mIn, base);
    const s = scratch[k - 1] as Scratch;
    const rec = result.records[k - 1] as PatternRecord;
    const rows = net.widths[k + 1] as number;
    counts[k - 1] = (counts[k - 1] as number) + local.size;
    if (k === hidden) {
      const needed = final.size + local.size;
      if (3 * rows * needed > z.length) {
        z = grown(z, 3 * rows * needed);
        m = grown(m, 3 * rows * needed);
        scale = grown(scale, 2 * rows * needed);
      }
      for (let q = 0; q < local.size; q++) {
        const out = final.copy(local, q);
        const update = advancePiece(net, k, q, zIn, mIn, base, z, m, out, q > 0, s);
        writeScale(net, k, zIn, base, s, scale, out, update);
        s.previous.set(s.pieces);
        if (hooks.patterns) record(rec, s.pieces, parent);
      }
      stored += local.size;
      return;
    }
    const next = (zOut[k - 1] = grown(zOut[k - 1] as Float64Array, 3 * rows * local.size));
    const nextM = (mOut[k - 1] = grown(mOut[k - 1] as Float64Array, 3 * rows * local.size));
    const ids = (idsOf[k - 1] = grownInt(idsOf[k - 1] as Int32Array, local.size));
    for (let q = 0; q < local.size; q++) {
      advancePiece(net, k, q, zIn, mIn, base, next, nextM, q, q > 0, s);
      s.previous.set(s.pieces);
      ids[q] = hooks.patterns ? record(rec, s.pieces, parent) : -1;
    }
    if (k === 1) {
      hooks.onPolygons?.(local, 0, 1, next);
      hooks.onProgress?.({ layer: 1, layers: hidden, regions: local.size });
    }
    let emitted = final.size;
    for (let q = 0; q < local.size; q++) {
      if (k === 1) throwIfAborted(hooks.signal);
      descend(k + 1, local, q, next, nextM, 3 * rows * q, ids[q] as number);
      const due = final.size - emitted >= (emitted === 0 ? 1 : BATCH);
      if (k === 1 && (due || q === local.size - 1)) {
        hooks.onPolygons?.(final, emitted, hidden, z);
        emitted = final.size;
      }
    }
  };
  throwIfAborted(hooks.signal);
  descend(1, boxPool, 0, z0, m0, 0, -1);
  if (hidden === 1) {
    hooks.onPolygons?.(final, 0, 1, z);
    hooks.onProgress?.({ layer: 1, layers: 1, regions: final.size });
  }
  for (let k = 2; k <= hidden; k++) {
    hooks.onProgress?.({ layer: k, layers: hidden, regions: counts[k - 1] as number });
  }
  Object.assign(ws, { z, m, scale });
  result.records.forEach((r, k) => {
    ws.pieces[k] = r.pieces;
    ws.parents[k] = r.parent;
  });
  return { ...result, z, scale };
}
