import { builtinActivations, createRng, initNetwork, registry } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { createBackprop } from '../backprop.ts';
import { typescriptKernel } from '../kernel.ts';
import { layoutOf, packParameters } from '../parameters.ts';
import { getLoss } from '../plugin.ts';
import { createWasmKernel } from './wasm-kernel.ts';

// The float64 TypeScript gradients are checked against finite differences in backprop.test.ts;
// the WebAssembly kernel's (float32, ReLU fused) must agree with them to float32 precision.
describe('backprop with the WebAssembly kernel', () => {
  const n = 37;
  const widths = [7, 13, 9, 3];
  const rng = createRng(11);
  const x = Array.from({ length: n * 7 }, () => rng.normal());
  const targets: Record<string, number[]> = {
    'least-squares': Array.from({ length: n * 3 }, () => rng.normal()),
    'softmax-cross-entropy': Array.from({ length: n }, () => rng.int(3)),
  };
  for (const activation of builtinActivations.map((a) => a.name)) {
    for (const lossName of Object.keys(targets)) {
      it(`gradient of ${lossName} x ${activation} equals the float64 reference`, () => {
        const net = initNetwork(widths, { init: 'he-normal', rng: 3, activation, biases: 0.1 });
        const layout = layoutOf(net);
        const loss = getLoss(lossName);
        const act = registry.get('activation', activation);
        const t = targets[lossName] as number[];

        const ref = createBackprop(layout, act, loss, typescriptKernel, n);
        const g64 = new Float64Array(layout.size);
        const r64 = ref.gradient(
          packParameters(net, layout),
          Float64Array.from(x),
          Float64Array.from(t),
          n,
          g64,
        );

        const k = createWasmKernel({ memoryBytes: 1 << 20 });
        const fast = createBackprop(layout, act, loss, k, n);
        const xs = k.alloc(x.length);
        xs.set(x);
        const ts = k.alloc(t.length);
        ts.set(t);
        const g32 = k.alloc(layout.size);
        const r32 = fast.gradient(packParameters(net, layout, k.alloc(layout.size)), xs, ts, n, g32);

        expect(Math.abs(r32.loss - r64.loss)).toBeLessThan(1e-5 * (1 + r64.loss));
        expect(r32.correct).toBe(r64.correct);
        const scale = Math.max(...g64.map(Math.abs));
        g64.forEach((g, i) => {
          expect(Math.abs((g32[i] as number) - g)).toBeLessThan(1e-5 * scale);
        });
      });
    }
  }
});

describe('ReLU at exactly zero', () => {
  it("takes ReLU'[0] = 0 in both kernels (the fused one only sees h = ReLU[z])", () => {
    // Zero biases and examples that are exactly 0 make every hidden pre-activation exactly 0.
    const n = 6;
    const widths = [3, 4, 2];
    const net = initNetwork(widths, { init: 'he-normal', rng: 5, biases: 'zero' });
    const layout = layoutOf(net);
    const loss = getLoss('least-squares');
    const act = registry.get('activation', 'relu');
    const x = [0, 0, 0, 0, 0, 0, 1, 2, 3, -1, 0.5, 2, 0, 0, 0, 2, -1, 1];
    const t = Array.from({ length: n * 2 }, (_, i) => i - 5);
    const g64 = new Float64Array(layout.size);
    createBackprop(layout, act, loss, typescriptKernel, n).gradient(
      packParameters(net, layout),
      Float64Array.from(x),
      Float64Array.from(t),
      n,
      g64,
    );
    const k = createWasmKernel({ memoryBytes: 1 << 20 });
    const xs = k.alloc(x.length);
    xs.set(x);
    const ts = k.alloc(t.length);
    ts.set(t);
    const g32 = k.alloc(layout.size);
    createBackprop(layout, act, loss, k, n).gradient(
      packParameters(net, layout, k.alloc(layout.size)),
      xs,
      ts,
      n,
      g32,
    );
    const scale = Math.max(...g64.map(Math.abs));
    g64.forEach((g, i) => {
      expect(Math.abs((g32[i] as number) - g)).toBeLessThan(1e-5 * scale);
    });
  });
});
