/**
 * The behaviour every runner must have, run against real workers in Node (`worker_threads`) and
 * in Chromium (module Web Workers): same numbers as the main thread, ordered progress, abort
 * and pause, typed errors. `recovery-contract.ts` covers dying workers and the pool.
 */
import { AbortError, corePlugin, createRegistry, evaluateBatch, initNetwork } from '@deepnets/core';
import {
  countRegionsOnPlane,
  type LayerPartition,
  maxRegions2dNetwork,
  maxRegionsNetwork,
  RegionsError,
  regions1d,
  regions2d,
  regionsOnPlane,
} from '@deepnets/regions';
import {
  createWasmKernel,
  getDataset,
  hyperparameterSearch,
  makeMnist1d,
  TrainingDivergedError,
  train,
  trainRandomLabelsModel,
  typescriptKernel32,
  useTrainerPlugin,
} from '@deepnets/trainer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogOf } from '../catalog.ts';
import { ObservableTrainingController } from '../controller.ts';
import { createRunner, type Runner, type RunnerOptions } from '../runner.ts';
import type { RegionsProgress } from '../types.ts';
import { bitsOf, failure, network1, sleep, slowTraining, smallTraining, until } from './fixtures.ts';

export interface Harness {
  /** A worker factory for `createRunner`/`createPool` whose workers the test can kill. */
  killable(): { createWorker: NonNullable<RunnerOptions['createWorker']>; kill(index: number): void };
  /** True where aborts cross as a shared flag (synchronous work sees them between layers). */
  sharedAbort: boolean;
}

export function runnerContract(harness: Harness): void {
  let runner: Runner;
  beforeAll(async () => {
    runner = await createRunner({ createWorker: harness.killable().createWorker });
  });
  afterAll(() => runner.terminate());

  describe('same numbers as the main thread, bit for bit', () => {
    it('evaluateBatch', async () => {
      const xs = Float64Array.from({ length: 401 }, (_, i) => -2 + i / 100);
      const remote = await runner.api.evaluateBatch(network1, xs, xs.length);
      expect(remote).toBeInstanceOf(Float64Array);
      expect(bitsOf(remote)).toEqual(bitsOf(evaluateBatch(network1, xs, xs.length)));
      expect(xs.length).toBe(401); // the argument was copied, not transferred away
    });

    it('regions1d and regions2d', async () => {
      const net1 = maxRegionsNetwork({ layers: 3, width: 4 });
      const r1 = await runner.api.regions1d(net1, { domain: [0, 1] });
      expect(r1.linearRegions).toBe(125);
      expect(bitsOf(r1)).toEqual(bitsOf(regions1d(net1, { domain: [0, 1] })));
      const net2 = maxRegions2dNetwork({ layers: 2, width: 6 });
      const r2 = await runner.api.regions2d(net2, { box: [0, 1, 0, 1] });
      expect(r2.polygons[0]?.vertices).toBeInstanceOf(Float64Array);
      expect(bitsOf(r2)).toEqual(bitsOf(regions2d(net2, { box: [0, 1, 0, 1] })));
    });

    it('regionsOnPlane with onPartition: the layer-1 polygons first, then every final polygon; same result', async () => {
      const net = initNetwork([5, 10, 10, 10, 3], { init: 'he-normal', rng: 2, biases: 0.1 });
      const points: [number[], number[], number[]] = [
        [0, 0, 0, 0, 0],
        [1, -1, 0.5, 0, 2],
        [-0.5, 1, 1, -2, 0],
      ];
      const parts: LayerPartition[] = [];
      const remote = await runner.api.regionsOnPlane(net, points, { onPartition: (p) => parts.push(p) });
      const local = regionsOnPlane(net, points);
      expect(bitsOf(remote)).toEqual(bitsOf(local));
      expect(parts[0]?.layer).toBe(1);
      expect(parts[1]?.xy).toBeInstanceOf(Float64Array);
      const finals = parts.filter((p) => p.layer === 3);
      expect(finals.reduce((n, p) => n + p.count.length, 0)).toBe(local.activationRegions);
      // without onPartition, the call shape of before
      expect(bitsOf(await runner.api.regionsOnPlane(net, points))).toEqual(bitsOf(local));
      await expect(runner.api.regionsOnPlane(net, [points[0]] as never)).rejects.toMatchObject({
        code: 'OUT_OF_RANGE',
        path: 'points',
      });
    });

    it('countRegionsOnPlane with onPartition: the counts of the main thread, every final polygon streamed', async () => {
      const net = initNetwork([5, 10, 10, 10, 3], { init: 'he-normal', rng: 2, biases: 0.1 });
      const points: [number[], number[], number[]] = [
        [0, 0, 0, 0, 0],
        [1, -1, 0.5, 0, 2],
        [-0.5, 1, 1, -2, 0],
      ];
      const parts: LayerPartition[] = [];
      const remote = await runner.api.countRegionsOnPlane(net, points, { onPartition: (p) => parts.push(p) });
      const local = countRegionsOnPlane(net, points);
      const full = regionsOnPlane(net, points);
      expect(remote).toEqual(local);
      expect(local).toEqual({ linearRegions: full.linearRegions, activationRegions: full.activationRegions });
      const finals = parts.filter((p) => p.layer === 3);
      expect(finals.reduce((n, p) => n + p.count.length, 0)).toBe(full.activationRegions);
      // the streamed final polygons are the polygons of regionsOnPlane, in the same order, with their output maps
      const xy = finals.flatMap((p) => [...p.xy]);
      expect(bitsOf(Float64Array.from(xy))).toEqual(
        bitsOf(Float64Array.from(full.polygons.flatMap((q) => [...q.vertices]))),
      );
      const maps = finals.flatMap((p) => [...p.maps]);
      expect(maps.slice(0, 9)).toEqual(
        [0, 1, 2].flatMap((o) => [full.polygons[0]?.dx[o], full.polygons[0]?.dy[o], full.polygons[0]?.c[o]]),
      );
      await expect(
        runner.api.countRegionsOnPlane(net, [
          [1, 2],
          [3, 4],
          [5, 6],
        ]),
      ).rejects.toMatchObject({
        code: 'SHAPE_MISMATCH',
        path: 'points[0]',
      });
    });

    it('catalog: the names the worker knows, the same as a fresh registry with the trainer', async () => {
      const remote = await runner.api.catalog();
      const local = catalogOf(useTrainerPlugin(createRegistry().use(corePlugin)));
      expect(remote).toEqual(local);
      // The built-ins are there without any call on the page.
      const twoMoons = remote.datasets.find((d) => d.name === 'two-moons');
      expect(twoMoons).toMatchObject({ task: 'classification', inputs: 2, outputs: 2 });
      expect(remote.optimizers).toContain('adam');
      expect(remote.activations).toContainEqual({ name: 'relu', piecewiseLinear: true });
    });

    it('makeDataset', async () => {
      const remote = await runner.api.makeDataset('two-moons', { seed: 3, samples: 50 });
      expect(remote.train.x).toBeInstanceOf(Float64Array);
      expect(remote.train.count).toBe(50);
      expect(bitsOf(remote)).toEqual(bitsOf(getDataset('two-moons').generate({ seed: 3, samples: 50 })));
      await expect(runner.api.makeDataset('no-such-set')).rejects.toThrow('no-such-set');
    });

    it('makeMnist1d', async () => {
      const remote = await runner.api.makeMnist1d({ samples: 200, seed: 4 });
      expect(remote.x).toBeInstanceOf(Float64Array);
      expect(bitsOf(remote)).toEqual(bitsOf(makeMnist1d({ samples: 200, seed: 4 })));
    });

    it('train, with its checkpoints', async () => {
      const remoteCheckpoints: unknown[] = [];
      const localCheckpoints: unknown[] = [];
      const options = smallTraining({ checkpointEvery: 4 });
      const remote = await runner.api.train({
        ...options,
        onCheckpoint: (c) => void remoteCheckpoints.push(c),
      });
      const local = await train({ ...options, onCheckpoint: (c) => void localCheckpoints.push(c) });
      expect(remote.history).toHaveLength(12);
      expect(bitsOf(remote)).toEqual(bitsOf(local));
      expect(remoteCheckpoints).toHaveLength(3);
      expect(bitsOf(remoteCheckpoints)).toEqual(bitsOf(localCheckpoints));
    });

    it('train with a kernel by name and stopAtAccuracy, the remote forms of kernel and stopWhen', async () => {
      const options = smallTraining({ epochs: 200, batchSize: 'full', learningRate: 0.05 });
      const remote = await runner.api.train({ ...options, kernel: 'ts32', stopAtAccuracy: 0.9 });
      const local = await train({
        ...options,
        kernel: typescriptKernel32,
        stopWhen: (m) => (m.accuracy as number) >= 0.9,
      });
      expect(remote.stoppedBy).toBe('stopWhen');
      expect(bitsOf(remote)).toEqual(bitsOf(local));
    });

    it('train with stopAtLoss stops at the first epoch whose loss reaches the target, as stopWhen does', async () => {
      const options = smallTraining({ epochs: 300, batchSize: 'full', learningRate: 0.05 });
      const full = await train(options);
      const target = full.history[Math.floor(full.history.length / 2)]?.loss as number;
      const remote = await runner.api.train({ ...options, stopAtLoss: target });
      const local = await train({ ...options, stopWhen: (m) => m.loss <= target });
      expect(remote.stoppedBy).toBe('stopWhen');
      expect(remote.history.at(-1)?.loss).toBeLessThanOrEqual(target);
      expect(remote.history.slice(0, -1).every((m) => m.loss > target)).toBe(true);
      expect(bitsOf(remote)).toEqual(bitsOf(local));
      await expect(runner.api.train({ ...options, stopAtLoss: -1 })).rejects.toMatchObject({
        code: 'OUT_OF_RANGE',
      });
    });

    it('trainRandomLabelsModel with the WebAssembly kernel', async () => {
      const d = makeMnist1d({ samples: 200, randomLabels: { mode: 'shuffle' } });
      const data = { count: d.y.length, inputs: d.length, targetWidth: 1, x: d.x, y: Float64Array.from(d.y) };
      const options = { model: { name: '2x100', hidden: [100, 100] }, data, maxEpochs: 3, curveEvery: 1 };
      const states: number[] = [];
      const remote = await runner.api.trainRandomLabelsModel({
        ...options,
        kernel: 'wasm',
        onCheckpoint: (s) => void states.push(s.epoch),
      });
      const local = await trainRandomLabelsModel({ ...options, kernel: createWasmKernel() });
      expect(remote.epoch).toBe(3);
      expect(states).toEqual([3]);
      expect(bitsOf(remote)).toEqual(bitsOf(local));
    });

    it('hyperparameterSearch in one worker', async () => {
      const options = {
        data: smallTraining().data,
        space: { depth: [1, 2], width: [6], learningRate: [0.05] },
        strategy: 'grid' as const,
        training: { epochs: 4, optimizer: 'adam' },
        seed: 2,
      };
      const trials: number[] = [];
      const remote = await runner.api.hyperparameterSearch({
        ...options,
        onTrial: (row) => trials.push(row.trial),
      });
      const local = await hyperparameterSearch(options);
      const strip = (rows: typeof local.rows) => rows.map(({ ms: _ms, ...row }) => row);
      expect(bitsOf(strip(remote.rows))).toEqual(bitsOf(strip(local.rows)));
      expect(trials.sort()).toEqual([0, 1]);
    });
  });

  describe('progress', () => {
    it('streams every epoch in order when unthrottled, the last before the result', async () => {
      const epochs: number[] = [];
      const result = await runner.api.train({
        ...smallTraining({ epochs: 40 }),
        throttleMs: 0,
        onEpoch: (m) => epochs.push(m.epoch),
      });
      expect(epochs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(result.epoch).toBe(40);
    });

    it('throttles to about one event per frame, in order, always delivering the last', async () => {
      const epochs: number[] = [];
      await runner.api.train({
        ...smallTraining({ epochs: 400, batchSize: 'full' }),
        onEpoch: (m) => epochs.push(m.epoch),
      });
      expect(epochs.length).toBeGreaterThan(0);
      expect(epochs.length).toBeLessThan(400);
      expect(epochs.every((e, i) => i === 0 || e > (epochs[i - 1] as number))).toBe(true);
      expect(epochs.at(-1)).toBe(400);
    });

    it('reports the regions counted after each layer, in order', async () => {
      const net = maxRegionsNetwork({ layers: 4, width: 3 });
      const remote: RegionsProgress[] = [];
      const local: RegionsProgress[] = [];
      await runner.api.regions1d(net, { domain: [0, 1], throttleMs: 0, onProgress: (p) => remote.push(p) });
      regions1d(net, { domain: [0, 1], onProgress: (p) => local.push(p) });
      expect(remote).toEqual(local);
    });
  });

  describe('cancellation', () => {
    it('aborts training mid-run within a bound; the next job succeeds', async () => {
      const controller = new AbortController();
      let last = 0;
      const job = failure(
        runner.api.train({
          ...slowTraining(100_000),
          signal: controller.signal,
          throttleMs: 0,
          onEpoch: (m) => {
            last = m.epoch;
          },
        }),
      );
      await until(() => last >= 3);
      const t0 = performance.now();
      controller.abort();
      const error = await job;
      const stoppedAfterMs = performance.now() - t0;
      expect(error).toBeInstanceOf(AbortError);
      expect((error as AbortError).code).toBe('ABORTED');
      expect(stoppedAfterMs).toBeLessThan(3000); // one epoch takes a few ms; generous for a busy machine
      expect(last).toBeLessThan(100_000);
      const next = await runner.api.train(smallTraining());
      expect(bitsOf(next)).toEqual(bitsOf(await train(smallTraining())));
    });

    it('rejects at once for a signal aborted before the call', async () => {
      await expect(runner.api.regions1d(network1, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
        AbortError,
      );
    });

    it('aborts a region enumeration between layers', async () => {
      const controller = new AbortController();
      const layers: number[] = [];
      const net = maxRegionsNetwork({ layers: 10, width: 3 });
      const job = runner.api.regions1d(net, {
        domain: [0, 1],
        signal: controller.signal,
        throttleMs: 0,
        onProgress: (p) => {
          layers.push(p.layer);
          if (p.layer === 6) controller.abort();
        },
      });
      await expect(job).rejects.toBeInstanceOf(AbortError);
      // With a shared flag the worker sees the abort between two layers; without one, at the end.
      if (harness.sharedAbort) expect(layers.at(-1)).toBeLessThan(10);
      expect(await runner.api.ping('ready')).toBe('ready');
    });

    it('aborts a plane enumeration after its first polygons', async () => {
      const controller = new AbortController();
      const net = initNetwork([4, 48, 48, 48, 2], { init: 'he-normal', rng: 3, biases: 0.1 });
      const points: [number[], number[], number[]] = [
        [0, 0, 0, 0],
        [2, -1, 1, 0],
        [-1, 2, 0, 1],
      ];
      const total = regionsOnPlane(net, points).activationRegions;
      let finals = 0;
      const job = runner.api.regionsOnPlane(net, points, {
        signal: controller.signal,
        onPartition: (p) => {
          if (p.layer === p.layers) finals += p.count.length;
          controller.abort();
        },
      });
      await expect(job).rejects.toBeInstanceOf(AbortError);
      // With a shared flag the worker sees the abort before its next layer-1 polygon.
      if (harness.sharedAbort) expect(finals).toBeLessThan(total);
      expect(await runner.api.ping('ready')).toBe('ready');
    });

    it('pauses and resumes training without changing its numbers', async () => {
      const controller = new ObservableTrainingController();
      let last = 0;
      const options = smallTraining({ epochs: 300, batchSize: 'full' });
      const job = runner.api.train({
        ...options,
        controller,
        throttleMs: 0,
        onEpoch: (m) => {
          last = m.epoch;
          if (m.epoch === 5) controller.pause();
        },
      });
      await until(() => last >= 5);
      await sleep(150);
      const whilePaused = last;
      await sleep(150);
      expect(last).toBe(whilePaused);
      expect(last).toBeLessThan(300);
      controller.resume();
      expect(bitsOf(await job)).toEqual(bitsOf(await train(options)));
    });
  });

  describe('errors keep their type', () => {
    it('a RegionsError arrives with class, code, path, message and stack', async () => {
      const net2 = maxRegions2dNetwork({ layers: 1, width: 6 });
      const local = (() => {
        try {
          regions1d(net2);
        } catch (e) {
          return e as RegionsError;
        }
      })();
      const error = (await failure(runner.api.regions1d(net2))) as RegionsError;
      expect(error).toBeInstanceOf(RegionsError);
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe('SHAPE_MISMATCH');
      expect(error.path).toBe('network');
      expect(error.message).toBe(local?.message);
      expect(error.stack).toContain('RegionsError');
      expect(error.stack).toMatch(/prepare|regions1d/);
    });

    it('a TrainingDivergedError keeps its fields', async () => {
      const data = getDataset('regression-1d').generate({ samples: 40 });
      const network = initNetwork([1, 8, 1], { init: 'he-normal', rng: 1 });
      const job = runner.api.train({ network, data, learningRate: 1e3, epochs: 50 });
      const error = (await failure(job)) as TrainingDivergedError;
      expect(error).toBeInstanceOf(TrainingDivergedError);
      expect(error.code).toBe('TRAINING_DIVERGED');
      expect(error.epoch).toBeGreaterThanOrEqual(1);
      expect(error.learningRate).toBe(1e3);
    });

    it('a callback that throws fails the job with its own error', async () => {
      const job = runner.api.train({
        ...smallTraining({ checkpointEvery: 2 }),
        onCheckpoint: () => {
          throw new RangeError('disk full');
        },
      });
      const error = (await failure(job)) as RangeError;
      expect(error).toBeInstanceOf(RangeError);
      expect(error.message).toBe('disk full');
    });
  });
}
