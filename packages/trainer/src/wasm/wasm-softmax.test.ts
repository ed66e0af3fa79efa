import { createRng } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '../losses.ts';
import { createWasmKernel } from './wasm-kernel.ts';

const rng = createRng(11);

/** n rows of dOut logits (float32, in the kernel's memory) with spread `spread`, and targets. */
function batch(k: ReturnType<typeof createWasmKernel>, n: number, dOut: number, spread: number) {
  const y = k.alloc(n * dOut);
  for (let i = 0; i < y.length; i++) y[i] = spread * rng.normal();
  const t = new Float64Array(n);
  for (let r = 0; r < n; r++) t[r] = rng.int(dOut);
  return { y, t };
}

describe('fused softmax cross-entropy of the WebAssembly kernel', () => {
  const k = createWasmKernel({ memoryBytes: 4 * 1024 * 1024 });
  const fused = k.softmaxCrossEntropy?.bind(k);

  for (const [n, dOut, spread] of [
    [1, 1, 1],
    [7, 3, 1],
    [4000, 10, 3],
    [33, 17, 40],
  ] as const) {
    it(`agrees with the float64 loss for n=${n}, D_o=${dOut}, logits ~ ${spread} N(0, 1)`, () => {
      const { y, t } = batch(k, n, dOut, spread);
      const grad = k.alloc(n * dOut).fill(99);
      const ref = new Float64Array(n * dOut);
      const refSum = softmaxCrossEntropy.evaluate(y, t, n, dOut, ref, 1 / n);
      const got = fused?.(n, dOut, y, t, grad, 1 / n);
      expect(got?.correct).toBe(softmaxCrossEntropy.correct?.(y, t, n, dOut));
      // float32 exp: relative error of the sum and of each gradient entry (scaled by 1/n) ~1e-7.
      expect(Math.abs((got?.sum as number) - refSum)).toBeLessThan(1e-6 * (refSum + n));
      let worst = 0;
      for (let i = 0; i < ref.length; i++)
        worst = Math.max(worst, Math.abs((grad[i] as number) - (ref[i] as number)) * n);
      expect(worst).toBeLessThan(1e-6);
    });
  }

  it('counts a tie for the target only when the target is the first largest logit', () => {
    const y = k.alloc(4);
    y.set([2, 5, 5, 1]);
    expect(fused?.(1, 4, y, new Float64Array([1]), null, 1).correct).toBe(1);
    expect(fused?.(1, 4, y, new Float64Array([2]), null, 1).correct).toBe(0);
  });

  it('gives exp(-88) and below as 0 and keeps a NaN logit visible as a NaN loss', () => {
    const y = k.alloc(3);
    y.set([0, -100, -50]);
    const grad = k.alloc(3);
    const r = fused?.(1, 3, y, new Float64Array([0]), grad, 1);
    expect(r?.sum).toBeCloseTo(Math.log(1 + Math.exp(-50)), 12);
    expect(grad[1]).toBe(0);
    y[2] = Number.NaN;
    expect(fused?.(1, 3, y, new Float64Array([0]), null, 1).sum).toBeNaN();
  });

  it('falls back to the TypeScript loss for arrays outside its memory', () => {
    const y = new Float32Array([1, 2, 3]);
    const ref = softmaxCrossEntropy.evaluate(y, new Float64Array([2]), 1, 3, null, 1);
    expect(fused?.(1, 3, y, new Float64Array([2]), null, 1).sum).toBe(ref);
  });
});
