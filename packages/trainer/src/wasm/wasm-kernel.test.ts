import { setFlagsFromString } from 'node:v8';
import { createRng, initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { createSamples } from '../datasets/samples.ts';
import { type FloatArray, typescriptKernel } from '../kernel.ts';
import { train } from '../train.ts';
import { bestWasmVariant, type WasmVariant, wasmSupported } from './instance.ts';
import { createWasmKernel } from './wasm-kernel.ts';

// Node 20's V8 has relaxed SIMD behind a flag: turn it on so that both variants are tested.
if (!wasmSupported('relaxed')) setFlagsFromString('--experimental-wasm-relaxed-simd');
const variants: WasmVariant[] = (['simd', 'relaxed'] as const).filter((v) => wasmSupported(v));
const rng = createRng(7);
const random = (a: FloatArray): FloatArray => {
  for (let i = 0; i < a.length; i++) a[i] = rng.normal();
  return a;
};
/** |x - y| <= tol (|y| + scale), scale = the size of the terms summed (float32 rounding). */
const expectClose = (x: FloatArray, y: FloatArray, scale: number, tol = 2e-6): void => {
  expect(x.length).toBe(y.length);
  let worst = 0;
  for (let i = 0; i < y.length; i++) {
    worst = Math.max(
      worst,
      Math.abs((x[i] as number) - (y[i] as number)) / (Math.abs(y[i] as number) + scale),
    );
  }
  expect(worst).toBeLessThan(tol);
};
// Shapes include sizes that are not multiples of the 4 x 8 tile, and a single row or column; the
// last M mod 4 rows run as 1-, 2- or 3-row blocks (1-2 rows with 16-column tiles).
const shapes = [
  [1, 1, 1],
  [3, 5, 2],
  [4, 8, 8],
  [6, 37, 20],
  [10, 298, 10],
  [7, 13, 11],
  [9, 40, 63],
  [17, 63, 10],
  [300, 3, 298],
  [513, 21, 6],
] as const;

describe('WebAssembly SIMD kernel', () => {
  it('is available in this engine (Node 20 validates SIMD, and relaxed SIMD with the flag)', () => {
    expect(variants).toEqual(['simd', 'relaxed']);
    expect(bestWasmVariant()).not.toBeNull();
  });

  for (const variant of variants) {
    describe(variant, () => {
      const k = createWasmKernel({ variant, memoryBytes: 8 * 1024 * 1024, chunkRows: 64 });
      for (const [n, din, dout] of shapes) {
        it(`agrees with the float64 reference for n=${n}, din=${din}, dout=${dout}`, () => {
          const f64 = (a: FloatArray): Float64Array => Float64Array.from(a);
          const h = random(k.alloc(n * din));
          const hPos = k.alloc(n * din);
          for (let i = 0; i < hPos.length; i++) hPos[i] = Math.max(0, h[i] as number);
          const w = random(k.alloc(dout * din));
          const b = random(k.alloc(dout));
          const dz = random(k.alloc(n * dout));
          const scale = Math.sqrt(Math.max(din, dout, n));

          const z = k.alloc(n * dout).fill(99);
          k.forward(n, din, dout, h, w, b, z);
          const zRef = new Float64Array(n * dout);
          typescriptKernel.forward(n, din, dout, f64(h), f64(w), f64(b), zRef);
          expectClose(z, zRef, scale);

          const hr = k.alloc(n * dout).fill(99);
          k.forwardRelu?.(n, din, dout, h, w, b, hr);
          expectClose(
            hr,
            zRef.map((v) => Math.max(0, v)),
            scale,
          );

          const dh = k.alloc(n * din).fill(99);
          k.backwardInput(n, din, dout, dz, w, dh);
          const dhRef = new Float64Array(n * din);
          typescriptKernel.backwardInput(n, din, dout, f64(dz), f64(w), dhRef);
          expectClose(dh, dhRef, scale);

          const dhm = k.alloc(n * din).fill(99);
          k.backwardInputRelu?.(n, din, dout, dz, w, hPos, dhm);
          expectClose(
            dhm,
            dhRef.map((v, i) => ((hPos[i] as number) > 0 ? v : 0)),
            scale,
          );

          const dw = k.alloc(dout * din).fill(99);
          const db = k.alloc(dout).fill(99);
          k.backwardWeights(n, din, dout, dz, h, dw, db);
          const dwRef = new Float64Array(dout * din);
          const dbRef = new Float64Array(dout);
          typescriptKernel.backwardWeights(n, din, dout, f64(dz), f64(h), dwRef, dbRef);
          expectClose(dw, dwRef, scale);
          expectClose(db, dbRef, scale);
        });
      }
    });
  }

  it('computes arrays from outside its memory with the reference (same results)', () => {
    const k = createWasmKernel({ memoryBytes: 1 << 20 });
    const [n, din, dout] = [5, 6, 7];
    const h = random(new Float32Array(n * din));
    const w = random(new Float32Array(dout * din));
    const b = random(new Float32Array(dout));
    const z = new Float32Array(n * dout);
    const zIn = k.alloc(n * dout);
    k.forward(n, din, dout, h, w, b, z);
    const hIn = k.alloc(n * din);
    const wIn = k.alloc(dout * din);
    const bIn = k.alloc(dout);
    hIn.set(h);
    wIn.set(w);
    bIn.set(b);
    k.forward(n, din, dout, hIn, wIn, bIn, zIn);
    expectClose(z, zIn, 1);
    // Past the arena, alloc still returns a working (plain) array.
    const big = k.alloc(1 << 20);
    expect(big.length).toBe(1 << 20);
    expect(big.buffer).not.toBe(k.memory.buffer);
  });

  it('rejects bad options with typed errors', () => {
    expect(() => createWasmKernel({ memoryBytes: 100 })).toThrow(/memoryBytes/);
    expect(() => createWasmKernel({ chunkRows: 0 })).toThrow(/chunkRows/);
  });

  it('full-batch training steps agree with the float64 TypeScript kernel (ReLU fused and not)', async () => {
    const data = createSamples(101, 13, 1);
    const r = createRng(3);
    for (let i = 0; i < data.x.length; i++) data.x[i] = r.normal();
    for (let i = 0; i < data.count; i++) data.y[i] = r.int(5);
    for (const activation of ['relu', 'tanh']) {
      const network = { ...initNetwork([13, 17, 9, 5], { init: 'he-normal', rng: 4 }), activation };
      const options = {
        network,
        data,
        loss: 'softmax-cross-entropy',
        learningRate: 0.05,
        epochs: 20,
        batchSize: 'full' as const,
      };
      const ref = await train(options);
      const fast = await train({ ...options, kernel: createWasmKernel({ memoryBytes: 1 << 20 }) });
      ref.history.forEach((m, e) => {
        expect(Math.abs((fast.history[e]?.loss as number) - m.loss)).toBeLessThan(1e-5);
      });
      ref.network.layers.forEach((layer, k) => {
        const fastLayer = fast.network.layers[k];
        layer.weights.flat().forEach((w, i) => {
          expect(Math.abs(w - (fastLayer?.weights.flat()[i] as number))).toBeLessThan(1e-5);
        });
        layer.biases.forEach((b, i) => {
          expect(Math.abs(b - (fastLayer?.biases[i] as number))).toBeLessThan(1e-5);
        });
      });
    }
  });
});
