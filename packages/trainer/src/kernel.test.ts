import { initNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { typescriptKernel, typescriptKernel32 } from './kernel.ts';
import { getDataset } from './plugin.ts';
import { train } from './train.ts';

describe('kernels', () => {
  it('compute Z = H Omega^T + beta, dH = dZ Omega, dOmega = dZ^T H, dbeta = dZ^T 1 (checked by hand)', () => {
    const k = typescriptKernel;
    const h = new Float64Array([1, 2, 3, 4]); // 2 examples x 2 inputs
    const w = new Float64Array([1, 0, -1, 2, 0.5, 0.5]); // 3 units x 2 inputs
    const b = new Float64Array([0, 1, -1]);
    const z = new Float64Array(6);
    k.forward(2, 2, 3, h, w, b, z);
    expect([...z]).toEqual([1, 4, 0.5, 3, 6, 2.5]);
    const dz = new Float64Array([1, 0, 2, 0, 1, -1]);
    const dh = new Float64Array(4).fill(9);
    k.backwardInput(2, 2, 3, dz, w, dh);
    expect([...dh]).toEqual([1 + 1, 0 + 1, -1 - 0.5, 2 - 0.5]);
    const dw = new Float64Array(6).fill(9);
    const db = new Float64Array(3).fill(9);
    k.backwardWeights(2, 2, 3, dz, h, dw, db);
    expect([...dw]).toEqual([1, 2, 3, 4, 2 - 3, 4 - 4]);
    expect([...db]).toEqual([1, 1, 1]);
  });

  it('a float32 kernel plugs into training and agrees with float64 within float32 tolerance', async () => {
    const options = {
      network: initNetwork([2, 8, 3], { init: 'he-normal' as const, rng: 1 }),
      data: getDataset('gaussians').generate({ samples: 60 }),
      optimizer: 'sgd',
      learningRate: 0.05,
      epochs: 5,
    };
    const f64 = await train(options);
    const f32 = await train({ ...options, kernel: typescriptKernel32 });
    const flat = (r: typeof f64) => r.network.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
    const a = flat(f64);
    const b = flat(f32);
    expect(Math.max(...a.map((w, i) => Math.abs(w - (b[i] as number))))).toBeLessThan(1e-5);
    expect(f32.network).not.toEqual(f64.network);
  });
});
