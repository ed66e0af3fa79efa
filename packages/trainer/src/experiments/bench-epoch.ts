/**
 * The epoch benchmark behind `pnpm bench` and `deepnets bench epoch`: full-batch gradient descent
 * on the 4000 MNIST-1D training examples (40 inputs, 10 classes) through the real training loop,
 * timed per epoch (forward, backward, update), median after a warm-up.
 */
import { DeepnetsError, initNetwork } from '@deepnets/core';
import type { Samples } from '../datasets/types.ts';
import { type Kernel, typescriptKernel, typescriptKernel32 } from '../kernel.ts';
import { train } from '../train.ts';
import type { HelperStarter } from '../wasm/helper-thread.ts';
import type { WasmVariant } from '../wasm/instance.ts';
import { createWasmKernel, type WasmKernel } from '../wasm/wasm-kernel.ts';
import { mnist1dTraining } from './mnist1d-training.ts';

/** `"wasm"`: the WebAssembly SIMD kernel (best variant); `"ts"`: float64 TypeScript; `"ts32"`: float32. */
export type BenchKernel = 'wasm' | 'ts' | 'ts32';

export interface BenchEpochOptions {
  /** Hidden widths D_1..D_K, e.g. [63, 63, 63, 63]. */
  hidden: readonly number[];
  /** Timed epochs (the median is reported); 20 by default. */
  epochs?: number;
  /** Untimed epochs first (engine tier-up, caches), at least 1; 5 by default. */
  warmup?: number;
  kernel?: BenchKernel;
  /** WebAssembly variant for `kernel: "wasm"`: `"auto"` (default) picks relaxed SIMD where validated. */
  variant?: WasmVariant | 'auto';
  /** Threads of the WebAssembly kernel: 1 (default) or 2 (needs `startHelper`). */
  threads?: number;
  /** Starts the helper thread of a two-thread kernel (see `HelperStarter`). */
  startHelper?: HelperStarter;
  /** The examples; the 4000 MNIST-1D training examples (seed 42) by default. */
  data?: Samples;
}

export interface BenchEpochResult {
  msPerEpoch: number;
  /** Multiply-adds of the three products per layer (x2 flops) over the median epoch time. */
  gflops: number;
  threads: number;
  /** The kernel's name, e.g. `"wasm-simd-f32"`. */
  kernel: string;
  hidden: number[];
  parameters: number;
  /** Floating-point operations counted per epoch. */
  flopsPerEpoch: number;
  /** Every timed epoch, in ms. */
  samples: number[];
  /**
   * Median CPU time of this process per epoch in ms (Node only, via `process.cpuUsage`): on a
   * shared machine a fairer measure than the wall-clock `msPerEpoch`.
   */
  cpuMsPerEpoch?: number;
}

/**
 * Flops of one full-batch epoch of the dense products: per layer k, 2 n D_k D_{k+1} each for
 * z = Omega h, dOmega = dZ^T H, and (except the first layer) dH = dZ Omega.
 */
export function epochFlops(widths: readonly number[], n: number): number {
  let flops = 0;
  for (let k = 0; k + 1 < widths.length; k++) {
    const mn = 2 * n * (widths[k] as number) * (widths[k + 1] as number);
    flops += k === 0 ? 2 * mn : 3 * mn;
  }
  return flops;
}

function kernelOf(name: BenchKernel, variant: WasmVariant | 'auto', options: BenchEpochOptions): Kernel {
  if (name === 'wasm') {
    const threads = options.threads === 2 ? 2 : 1;
    return createWasmKernel({
      variant,
      threads,
      ...(options.startHelper ? { startHelper: options.startHelper } : {}),
    });
  }
  return name === 'ts' ? typescriptKernel : typescriptKernel32;
}

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Times full-batch epochs of a 40-[hidden]-10 ReLU MLP (He init, lr 0.0025, softmax cross-entropy). */
export async function benchEpoch(options: BenchEpochOptions): Promise<BenchEpochResult> {
  const epochs = options.epochs ?? 20;
  const warmup = options.warmup ?? 5;
  const threads = options.threads ?? 1;
  if (threads !== 1 && threads !== 2) {
    throw new DeepnetsError('OUT_OF_RANGE', `must be 1 or 2, got ${threads}`, 'threads');
  }
  if (threads === 2 && options.kernel !== undefined && options.kernel !== 'wasm') {
    throw new DeepnetsError('OUT_OF_RANGE', 'two threads need the WebAssembly kernel', 'threads');
  }
  if (!Number.isInteger(epochs) || epochs < 1)
    throw new DeepnetsError('OUT_OF_RANGE', `must be a positive integer, got ${epochs}`, 'epochs');
  if (!Number.isInteger(warmup) || warmup < 1)
    throw new DeepnetsError('OUT_OF_RANGE', `must be a positive integer, got ${warmup}`, 'warmup');
  const data = options.data ?? mnist1dTraining('shuffle');
  const widths = [data.inputs, ...options.hidden, 10];
  const network = initNetwork(widths, { init: 'he-normal', rng: 1 });
  const kernel = kernelOf(options.kernel ?? 'wasm', options.variant ?? 'auto', options);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const cpu =
    typeof process === 'object' && typeof process.cpuUsage === 'function' ? () => process.cpuUsage() : null;
  let last = 0;
  let lastCpu = cpu?.();
  try {
    await train({
      network,
      data,
      loss: 'softmax-cross-entropy',
      optimizer: 'gd',
      learningRate: 0.0025,
      batchSize: 'full',
      epochs: warmup + epochs,
      kernel,
      yieldEveryMs: Number.POSITIVE_INFINITY,
      onEpoch: (m) => {
        const now = performance.now();
        const nowCpu = cpu?.();
        if (m.epoch > warmup) {
          times.push(now - last);
          if (nowCpu && lastCpu)
            cpuTimes.push((nowCpu.user + nowCpu.system - lastCpu.user - lastCpu.system) / 1000);
        }
        last = now;
        lastCpu = nowCpu;
      },
    });
  } finally {
    (kernel as Partial<WasmKernel>).dispose?.();
  }
  // Each timed epoch runs from the previous epoch's end to its own (the first is always warm-up).
  const msPerEpoch = median(times);
  const flopsPerEpoch = epochFlops(widths, data.count);
  let parameters = 0;
  for (let k = 0; k + 1 < widths.length; k++)
    parameters += ((widths[k] as number) + 1) * (widths[k + 1] as number);
  return {
    msPerEpoch,
    gflops: flopsPerEpoch / msPerEpoch / 1e6,
    threads,
    kernel: kernel.name,
    hidden: [...options.hidden],
    parameters,
    flopsPerEpoch,
    samples: times,
    ...(cpuTimes.length ? { cpuMsPerEpoch: median(cpuTimes) } : {}),
  };
}
