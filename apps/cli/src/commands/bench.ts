/**
 * `deepnets bench epoch --hidden 63,63,63,63 [--threads N] [--epochs N] [--json]`: times one
 * full-batch MNIST-1D epoch (4000 x 40 inputs; forward, backward, gradient-descent update) of a
 * 40-[hidden]-10 ReLU MLP, median over `--epochs` epochs after `--warmup` untimed ones, and prints
 * `{msPerEpoch, gflops, threads, kernel}` so anyone can compare their machine.
 *
 * gflops counts the dense products only: per layer 2 n D_k D_{k+1} for z = Omega h, the same for
 * dOmega = dZ^T H and (except the first layer) dH = dZ Omega. `--threads 2` splits every large
 * product with a helper worker thread (bit-identical results).
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import {
  type BenchEpochResult,
  type BenchKernel,
  benchEpoch,
  type HelperStarter,
  wasmSupported,
} from '@deepnets/trainer';
import { integerFlag, stringFlag } from '../args.ts';
import { type Command, type ParsedArgs, UsageError } from '../command.ts';

/**
 * The WebAssembly variant chosen by `--variant auto|simd|relaxed` (auto by default). Node 20's V8
 * (11.3) implements relaxed SIMD behind `--experimental-wasm-relaxed-simd`; `auto` and `relaxed`
 * turn that flag on when the engine does not validate relaxed SIMD by itself, `auto` falls back
 * to plain SIMD if it still does not.
 */
export function wasmVariantFlag(args: ParsedArgs): 'simd' | 'relaxed' {
  const variant = stringFlag(args, 'variant', 'auto') as string;
  if (!['auto', 'simd', 'relaxed'].includes(variant)) {
    throw new UsageError(`--variant must be auto, simd or relaxed, got "${variant}"`);
  }
  if (variant === 'simd') return 'simd';
  if (!wasmSupported('relaxed')) setFlagsFromString('--experimental-wasm-relaxed-simd');
  if (wasmSupported('relaxed')) return 'relaxed';
  if (variant === 'relaxed')
    throw new UsageError('--variant relaxed: this Node does not support relaxed SIMD');
  return 'simd';
}

export type BenchSummary = Pick<BenchEpochResult, 'msPerEpoch' | 'gflops' | 'threads' | 'kernel'> &
  Pick<BenchEpochResult, 'hidden' | 'parameters' | 'flopsPerEpoch'> & { epochs: number; warmup: number };

function hiddenOf(text: string): number[] {
  return text.split(',').map((part, i) => {
    const d = Number(part);
    if (!Number.isInteger(d) || d < 1 || part.trim() === '') {
      throw new UsageError(`--hidden: entry ${i + 1} of "${text}" is not a positive whole number`);
    }
    return d;
  });
}

/** Starts the two-thread kernel's helper as a Node worker thread (an eval'd script). */
export const nodeHelperStarter: HelperStarter = (source, data) => {
  const worker = new Worker(`${source}\nstart(require('node:worker_threads').workerData);`, {
    eval: true,
    workerData: data,
  });
  worker.unref();
  return { terminate: () => void worker.terminate() };
};

export const benchCommand: Command = {
  path: ['bench', 'epoch'],
  summary: 'Time one full-batch MNIST-1D training epoch (median after warm-up) and its GFLOP/s.',
  usage:
    'deepnets bench epoch [--hidden 63,63,63,63] [--threads 1|2] [--epochs N] [--warmup N] [--kernel wasm|ts|ts32] [--variant auto|simd|relaxed] [--json]',
  run: async (args) => {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const hidden = hiddenOf(stringFlag(args, 'hidden', '63,63,63,63') as string);
    const threads = integerFlag(args, 'threads', { fallback: 1, min: 1, max: 64 }) as number;
    if (threads > 2) throw new UsageError(`--threads ${threads}: the kernel runs on 1 or 2 threads`);
    const epochs = integerFlag(args, 'epochs', { fallback: 20, min: 1 }) as number;
    const warmup = integerFlag(args, 'warmup', { fallback: 5, min: 1 }) as number;
    const kernel = stringFlag(args, 'kernel', 'wasm') as string;
    if (!['wasm', 'ts', 'ts32'].includes(kernel)) {
      throw new UsageError(`--kernel must be wasm, ts or ts32, got "${kernel}"`);
    }
    const variant = kernel === 'wasm' ? wasmVariantFlag(args) : 'simd';
    if (threads === 2 && kernel !== 'wasm') throw new UsageError('--threads 2 needs --kernel wasm');
    const r = await benchEpoch({
      hidden,
      epochs,
      warmup,
      threads,
      kernel: kernel as BenchKernel,
      variant,
      startHelper: nodeHelperStarter,
    });
    const summary: BenchSummary = {
      msPerEpoch: r.msPerEpoch,
      gflops: r.gflops,
      threads: r.threads,
      kernel: r.kernel,
      hidden: r.hidden,
      parameters: r.parameters,
      flopsPerEpoch: r.flopsPerEpoch,
      epochs,
      warmup,
    };
    return summary;
  },
  human: (result) => {
    const r = result as BenchSummary;
    return (
      `40-${r.hidden.join('-')}-10 (${r.parameters} parameters), full-batch MNIST-1D epoch (4000 examples): ` +
      `${r.msPerEpoch.toFixed(2)} ms/epoch, ${r.gflops.toFixed(1)} GFLOP/s, kernel ${r.kernel}, ${r.threads} thread ` +
      `(median of ${r.epochs} epochs after ${r.warmup} warm-up)`
    );
  },
};
