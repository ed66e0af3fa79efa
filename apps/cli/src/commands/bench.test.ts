import { epochFlops } from '@deepnets/trainer';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args.ts';
import { type CommandIO, UsageError } from '../command.ts';
import { type BenchSummary, benchCommand } from './bench.ts';

const io: CommandIO = {
  stdout: () => {},
  stderr: () => {},
  readFile: async (path) => Promise.reject(new Error(`ENOENT: ${path}`)),
  writeFile: async () => {},
  isTTY: false,
};
const run = (argv: string[]) => benchCommand.run(parseArgs(argv), io);

describe('deepnets bench epoch', () => {
  it('prints {msPerEpoch, gflops, threads, kernel} for a full-batch MNIST-1D epoch', async () => {
    const r = (await run(['--hidden', '8,6', '--epochs', '2', '--warmup', '1', '--json'])) as BenchSummary;
    expect(r.threads).toBe(1);
    expect(r.kernel).toMatch(/^wasm-(simd|relaxed)-f32$/);
    expect(r.msPerEpoch).toBeGreaterThan(0);
    // 4000 examples; products per layer: forward and dOmega everywhere, dH except in the first layer.
    const flops = 2 * 4000 * (2 * 40 * 8 + 3 * 8 * 6 + 3 * 6 * 10);
    expect(r.flopsPerEpoch).toBe(flops);
    expect(epochFlops([40, 8, 6, 10], 4000)).toBe(flops);
    expect(r.gflops).toBeCloseTo(flops / r.msPerEpoch / 1e6, 6);
    expect(r.parameters).toBe(41 * 8 + 9 * 6 + 7 * 10);
    expect(benchCommand.human?.(r)).toContain('40-8-6-10');
  });

  it('--variant simd picks the plain-SIMD kernel, auto the relaxed one where Node can turn it on', async () => {
    const simd = (await run([
      '--hidden',
      '4',
      '--epochs',
      '1',
      '--warmup',
      '1',
      '--variant',
      'simd',
    ])) as BenchSummary;
    expect(simd.kernel).toBe('wasm-simd-f32');
    const auto = (await run(['--hidden', '4', '--epochs', '1', '--warmup', '1'])) as BenchSummary;
    expect(auto.kernel).toBe('wasm-relaxed-f32'); // Node 20: V8 11.3 has relaxed SIMD behind a flag
    const ts = (await run([
      '--hidden',
      '4',
      '--epochs',
      '1',
      '--warmup',
      '1',
      '--kernel',
      'ts',
    ])) as BenchSummary;
    expect(ts.kernel).toBe('ts-f64');
    await expect(run(['--variant', 'avx'])).rejects.toThrow(/--variant/);
  });

  it('--threads 2 runs the two-thread kernel', async () => {
    const r = (await run([
      '--hidden',
      '32',
      '--threads',
      '2',
      '--epochs',
      '2',
      '--warmup',
      '1',
    ])) as BenchSummary;
    expect(r.threads).toBe(2);
    expect(r.msPerEpoch).toBeGreaterThan(0);
  });

  it('rejects more threads than implemented and bad widths as usage errors', async () => {
    await expect(run(['--threads', '3'])).rejects.toThrow(UsageError);
    await expect(run(['--threads', '2', '--kernel', 'ts'])).rejects.toThrow(/--kernel wasm/);
    await expect(run(['--hidden', '8,x'])).rejects.toThrow(/entry 2/);
    await expect(run(['--kernel', 'gpu'])).rejects.toThrow(/--kernel/);
  });
});
