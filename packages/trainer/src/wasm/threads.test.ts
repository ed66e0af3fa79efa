import { Worker } from 'node:worker_threads';
import { createRng, initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { createSamples } from '../datasets/samples.ts';
import { train } from '../train.ts';
import type { HelperStarter } from './helper-thread.ts';
import { createWasmKernel, type WasmKernel } from './wasm-kernel.ts';

/** Node's way to start the helper: an eval'd worker script that calls start(workerData). */
const nodeStarter: HelperStarter = (source, data) => {
  const worker = new Worker(`${source}\nstart(require('node:worker_threads').workerData);`, {
    eval: true,
    workerData: data,
  });
  worker.unref();
  return { terminate: () => void worker.terminate() };
};

describe('two-thread WebAssembly kernel', () => {
  it('computes every product bit-identically to one thread (odd sizes included)', () => {
    const one = createWasmKernel({ variant: 'simd', chunkRows: 50 });
    const two = createWasmKernel({ variant: 'simd', chunkRows: 50, threads: 2, startHelper: nodeStarter });
    try {
      const rng = createRng(5);
      for (const [n, din, dout] of [
        [301, 63, 63],
        [257, 40, 298],
        [999, 298, 10],
        [13, 7, 5],
      ] as const) {
        const pair = (k: WasmKernel, len: number, fill: (i: number) => number) => {
          const a = k.alloc(len);
          for (let i = 0; i < len; i++) a[i] = fill(i);
          return a;
        };
        const values = Array.from({ length: n * Math.max(din, dout) * 2 + din * dout + dout }, () =>
          rng.normal(),
        );
        const run = (k: WasmKernel) => {
          const h = pair(k, n * din, (i) => Math.max(0, values[i] as number));
          const w = pair(k, dout * din, (i) => values[n * din + i] as number);
          const b = pair(k, dout, (i) => values[i + 7] as number);
          const dz = pair(k, n * dout, (i) => values[values.length - 1 - i] as number);
          const z = k.alloc(n * dout);
          const dh = k.alloc(n * din);
          const dw = k.alloc(dout * din);
          const db = k.alloc(dout);
          k.forwardRelu?.(n, din, dout, h, w, b, z);
          k.backwardInputRelu?.(n, din, dout, dz, w, h, dh);
          k.backwardWeights(n, din, dout, dz, h, dw, db);
          return [z, dh, dw, db].map((a) => Array.from(a));
        };
        expect(run(two)).toEqual(run(one));
      }
    } finally {
      two.dispose();
    }
  });

  it('trains bit-identically to one thread', async () => {
    const data = createSamples(500, 40, 1);
    const rng = createRng(9);
    for (let i = 0; i < data.x.length; i++) data.x[i] = rng.normal();
    for (let i = 0; i < data.count; i++) data.y[i] = rng.int(10);
    const options = {
      network: initNetwork([40, 63, 63, 10], { init: 'he-normal', rng: 2 }),
      data,
      loss: 'softmax-cross-entropy',
      learningRate: 0.01,
      batchSize: 'full' as const,
      epochs: 3,
    };
    const two = createWasmKernel({ threads: 2, startHelper: nodeStarter });
    try {
      const a = await train({ ...options, kernel: createWasmKernel() });
      const b = await train({ ...options, kernel: two });
      expect(b.network).toEqual(a.network);
      expect(b.history).toEqual(a.history);
    } finally {
      two.dispose();
    }
  });

  it('needs a way to start the helper', () => {
    expect(() => createWasmKernel({ threads: 2 })).toThrow(/startHelper/);
  });
});
