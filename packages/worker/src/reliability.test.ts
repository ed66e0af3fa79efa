import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DeepnetsError, UnknownNameError } from '@deepnets/core';
import { regions1d } from '@deepnets/regions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAcceptedFlags, withoutFlags } from './handles.ts';
import type { RunnerApi } from './remote-api.ts';
import { createRunner, type Runner } from './runner.ts';
import { network1, smallTraining } from './testing/fixtures.ts';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./testing/heap-probe.mjs', import.meta.url));

/** Runs the heap probe (the built package) in a fresh Node with `flags`. */
async function heapProbe(flags: string[], calls: number) {
  const { stdout } = await run(process.execPath, [...flags, probe, String(calls)], { timeout: 240_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
    before: number;
    after: number;
    ms: number;
    execArgv: string[];
  };
}

describe('worker reliability', () => {
  it('keeps the heap flat over 200,000 calls (no per-call reaction on a long-lived promise)', async () => {
    // The leak kept about 340 bytes per call: some 68 MB here. gc runs before both readings.
    const r = await heapProbe(['--expose-gc'], 200_000);
    expect(r.execArgv).toContain('--expose-gc');
    expect(r.after - r.before).toBeLessThan(16 * 1024 ** 2);
  }, 240_000);

  it('createRunner works when the host runs Node with --max-old-space-size, --expose-gc, --stack-size', async () => {
    const flags = ['--max-old-space-size=300', '--expose-gc', '--stack-size=900', '--enable-source-maps'];
    const r = await heapProbe(flags, 100);
    expect(r.execArgv).toEqual(flags);
  }, 60_000);

  it('drops exactly the flags Node refuses for workers (and a separate value)', () => {
    expect(withoutFlags(['--a=1', '--title', 'x', '--b'], ['--a', '--title'])).toEqual(['--b']);
    const seen: string[][] = [];
    const made = withAcceptedFlags(['--keep', '--expose-gc', '--max-old-space-size=300'], (flags) => {
      seen.push(flags);
      const bad = flags.filter((f) => f !== '--keep');
      if (bad.length === 0) return 'worker';
      throw Object.assign(new Error(`Initiated Worker with invalid execArgv flags: ${bad.join(', ')}`), {
        code: 'ERR_WORKER_INVALID_EXEC_ARGV',
      });
    });
    expect(made).toBe('worker');
    expect(seen.at(-1)).toEqual(['--keep']);
  });
});

describe('the runner API rejects bad arguments with typed errors, never throwing', () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await createRunner();
  });
  afterAll(() => runner.terminate());

  /** Calls `f` and returns what it threw synchronously (a failure) or its promise. */
  const call = (f: (api: RunnerApi) => Promise<unknown>): Promise<unknown> => {
    let result: Promise<unknown>;
    try {
      result = f(runner.api);
    } catch (error) {
      throw new Error(`threw synchronously: ${String(error)}`);
    }
    expect(result).toBeInstanceOf(Promise);
    return result;
  };
  const bad = (v: unknown) => v as never;

  it('train(null), trainRandomLabelsModel(1), hyperparameterSearch("x") reject', async () => {
    for (const f of [
      (api: RunnerApi) => api.train(bad(null)),
      (api: RunnerApi) => api.train(bad(undefined)),
      (api: RunnerApi) => api.trainRandomLabelsModel(bad(1)),
      (api: RunnerApi) => api.hyperparameterSearch(bad('x')),
      (api: RunnerApi) => api.hyperparameterSearch(bad({ training: null })),
      (api: RunnerApi) => api.runTrial(bad(null), bad(null), bad(null), bad(null)),
    ]) {
      const error = await call(f).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeepnetsError);
      expect((error as DeepnetsError).code).toBe('OUT_OF_RANGE');
      expect((error as Error).message).toMatch(/must be an options object/);
    }
  });

  it('regions1d with domain "ab" and regions2d with a bad box reject', async () => {
    await expect(call((api) => api.regions1d(network1, bad({ domain: 'ab' })))).rejects.toMatchObject({
      code: 'OUT_OF_RANGE',
      path: 'options.domain',
    });
    await expect(call((api) => api.regions1d(network1, bad(null)))).rejects.toBeInstanceOf(DeepnetsError);
    await expect(call((api) => api.regions1d(bad(null)))).rejects.toMatchObject({ code: 'INVALID_NETWORK' });
    await expect(call((api) => api.regions2d(network1, bad({ box: [0, 1, 1, 0] })))).rejects.toMatchObject({
      path: 'options.box',
    });
    await expect(call((api) => api.regions1d(network1, bad({ onProgress: 3 })))).rejects.toMatchObject({
      path: 'options.onProgress',
    });
    const fine = await runner.api.regions1d(network1, { domain: [-1, 1] });
    expect(fine.linearRegions).toBe(regions1d(network1, { domain: [-1, 1] }).linearRegions);
  });

  it('an unknown kernel name is an error listing the known ones, not a silent fallback', async () => {
    const error = await call((api) => api.train({ ...smallTraining(), kernel: bad('cuda') })).catch((e) => e);
    expect(error).toBeInstanceOf(UnknownNameError);
    expect((error as Error).message).toBe('unknown kernel "cuda"; known kernels: ts, ts32, wasm');
    const { kernelByName } = await import('./kernels.ts');
    expect(() => kernelByName(bad('gpu'))).toThrow(/known kernels: ts, ts32, wasm/);
  });
});
