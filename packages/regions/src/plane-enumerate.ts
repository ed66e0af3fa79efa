/**
 * The 2-D enumeration, depth first: the box is cut by the units of hidden layer 1; each of those
 * polygons is cut by its own layer-2 lines, each piece of that by its layer-3 lines, and so on.
 * Only one polygon per layer is in flight, so the working set (typed-array polygon pools and the
 * pre-activations of the pieces of one polygon per layer) stays small and no per-polygon object
 * is made before the end. The geometry is that of the breadth-first sweep: every polygon meets
 * the same lines in the same order.
 */
import { throwIfAborted } from '@deepnets/core';
import {
  advancePiece,
  type ChordSink,
  classifyUnits,
  createScratch,
  cutLocal,
  grown,
  type Scratch,
  updateScale,
  writeScale,
} from './layer-cut2d.ts';
import { PolygonPool } from './polygon-pool.ts';
import type { Prepared } from './prepare.ts';

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
  /** records[k - 1] for hidden layer k; the final polygon q is entry q of the last record. */
  records: PatternRecord[];
  /** The chords of each hidden layer. */
  sinks: ChordSink[];
}

export interface PlaneHooks {
  signal?: AbortSignal | undefined;
  /** After layer 1 with its partition (first, coarse), then with each new batch of final polygons. */
  onPolygons?: ((pool: PolygonPool, from: number, layer: number) => void) | undefined;
  onProgress?: ((progress: { layer: number; layers: number; regions: number }) => void) | undefined;
}

function record(r: PatternRecord, pieces: Uint8Array, parent: number): number {
  if (r.size === r.parent.length) {
    r.pieces = grown(r.pieces, r.width * 2 * (r.size + 16));
    r.parent = grown(r.parent, 2 * (r.size + 16));
  }
  r.pieces.set(pieces, r.width * r.size);
  r.parent[r.size] = parent;
  return r.size++;
}

/** Every activation region of the prepared network (D_i = 2) on the box [x0, x1, y0, y1]. */
export function enumeratePlane(
  net: Prepared,
  box: readonly [number, number, number, number],
  eps: number,
  hooks: PlaneHooks = {},
): PlaneEnumeration {
  const [x0, x1, y0, y1] = box;
  const hidden = net.widths.length - 2;
  const outputs = net.widths[hidden + 1] as number;
  const first = net.widths[1] as number;
  const z0 = new Float64Array(3 * first);
  for (let i = 0; i < first; i++) {
    z0[3 * i] = (net.weights[0] as Float64Array)[2 * i] as number;
    z0[3 * i + 1] = (net.weights[0] as Float64Array)[2 * i + 1] as number;
    z0[3 * i + 2] = (net.biases[0] as Float64Array)[i] as number;
  }
  const boxPool = new PolygonPool();
  boxPool.reserve(4);
  boxPool.xy.set([x0, y0, x1, y0, x1, y1, x0, y1]);
  boxPool.close(4);
  const result: PlaneEnumeration = {
    pool: boxPool,
    outputs,
    z: z0,
    scale: new Float64Array(2 * outputs),
    records: [],
    sinks: [],
  };
  if (hidden === 0) return result;
  const final = new PolygonPool();
  let z = new Float64Array(3 * outputs * 1024);
  let scale = new Float64Array(2 * outputs * 1024);
  const scratch: Scratch[] = [];
  const zOut: Float64Array[] = [];
  const idsOf: Int32Array[] = [];
  for (let k = 1; k <= hidden; k++) {
    scratch.push(createScratch(net.widths[k] as number));
    zOut.push(new Float64Array(0));
    idsOf.push(new Int32Array(16));
    result.records.push({
      width: net.widths[k] as number,
      size: 0,
      pieces: new Uint8Array(0),
      parent: new Int32Array(0),
    });
    result.sinks.push({ segments: [], units: [] });
  }
  /** Cuts polygon p of `src` (pre-activations of layer k at zIn[zBase ..]) by layer k's lines. */
  const cut = (k: number, src: PolygonPool, p: number, zIn: Float64Array, zBase: number): PolygonPool => {
    const s = scratch[k - 1] as Scratch;
    s.local.clear();
    s.local.copy(src, p);
    classifyUnits(net, k, src, p, zIn, zBase, eps, s);
    for (let a = 0; a < s.activeCount; a++) {
      const i = s.active[a] as number;
      const b = zBase + 3 * i;
      cutLocal(
        net,
        zIn[b] as number,
        zIn[b + 1] as number,
        zIn[b + 2] as number,
        eps,
        i,
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
    zBase: number,
    parent: number,
  ): void => {
    const local = cut(k, src, p, zIn, zBase);
    const s = scratch[k - 1] as Scratch;
    const rec = result.records[k - 1] as PatternRecord;
    const rows = net.widths[k + 1] as number;
    if (k === hidden) {
      const needed = final.size + local.size;
      z = grown(z, 3 * rows * needed);
      scale = grown(scale, 2 * rows * needed);
      for (let q = 0; q < local.size; q++) {
        const out = final.copy(local, q);
        if (advancePiece(net, k, q, zIn, zBase, z, out, q > 0, s))
          updateScale(net, k, zIn, zBase, s, scale, out);
        else writeScale(net, k, zIn, zBase, s.pieces, scale, out);
        s.previous.set(s.pieces);
        record(rec, s.previous, parent);
      }
      return;
    }
    const next = grown(zOut[k - 1] as Float64Array, 3 * rows * local.size);
    zOut[k - 1] = next;
    const ids = (idsOf[k - 1] = grown(idsOf[k - 1] as Int32Array, local.size));
    for (let q = 0; q < local.size; q++) {
      advancePiece(net, k, q, zIn, zBase, next, q, q > 0, s);
      s.previous.set(s.pieces);
      ids[q] = record(rec, s.previous, parent);
    }
    if (k === 1) {
      hooks.onPolygons?.(local, 0, 1);
      hooks.onProgress?.({ layer: 1, layers: hidden, regions: local.size });
    }
    let emitted = final.size;
    for (let q = 0; q < local.size; q++) {
      if (k === 1) throwIfAborted(hooks.signal);
      descend(k + 1, local, q, next, 3 * rows * q, ids[q] as number);
      if (k === 1 && (final.size - emitted >= 512 || q === local.size - 1)) {
        hooks.onPolygons?.(final, emitted, hidden);
        emitted = final.size;
      }
    }
  };
  throwIfAborted(hooks.signal);
  descend(1, boxPool, 0, z0, 0, -1);
  if (hidden === 1) {
    hooks.onPolygons?.(final, 0, 1);
    hooks.onProgress?.({ layer: 1, layers: 1, regions: final.size });
  }
  for (let k = 2; k <= hidden; k++) {
    hooks.onProgress?.({ layer: k, layers: hidden, regions: (result.records[k - 1] as PatternRecord).size });
  }
  return { ...result, pool: final, z, scale };
}
