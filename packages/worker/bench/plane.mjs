#!/usr/bin/env node
/**
 * The plane of issue 17 inside a worker (run `pnpm build` first): the trained 4x63 of
 * experiments/random-labels restricted to the plane through x[0], x[1], x[2] of MNIST-1D (seed
 * 42), 12,003 regions, as the region-slices widget asks for it: `api.countRegionsOnPlane` with
 * `onPartition` (polygons streamed in batches, the result two numbers), and for comparison
 * `api.regionsOnPlane` (the whole Regions2D structured-cloned back), both timed on the calling
 * thread from the call to the result. Also: when the first batch of final polygons (the first
 * thing the widget can draw) reaches the calling thread. Medians of RUNS calls after WARMUP.
 * CPU time is the process's (calling thread + worker), with the load average, because the
 * machine may be shared. Goals (issue 17): at most 150 ms in a worker, first polygons within 50 ms.
 * Options: --runs N (15), --json.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { initNetwork } from '@deepnets/core';
import { createRunner } from '../dist/index.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, json: { type: 'boolean', default: false } },
});
const RUNS = Number(values.runs);
const WARMUP = 3;
const GOAL_MS = 150;
const FIRST_GOAL_MS = 50;
const here = (p) => new URL(p, import.meta.url);
const state = JSON.parse(readFileSync(here('../../../experiments/random-labels/4x63.state.json'), 'utf8'));
const nets = {
  'trained 4x63 (memorised random labels)': state.checkpoint.network,
  'He-initialised 4x63': initNetwork([40, 63, 63, 63, 63, 10], {
    init: 'he-normal',
    biases: 'zero',
    rng: 1,
    activation: 'relu',
  }),
};
const points = JSON.parse(
  readFileSync(here('../../regions/bench/fixtures/mnist1d-seed42-x0-x1-x2.json'), 'utf8'),
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(api, method, net) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let firstFinal = Number.NaN;
  let layer1 = Number.NaN;
  let streamed = 0;
  const r = await api[method](net, points, {
    onPartition: (p) => {
      const ms = performance.now() - t0;
      if (p.layer === p.layers) {
        if (Number.isNaN(firstFinal)) firstFinal = ms;
        streamed += p.count.length;
      } else if (Number.isNaN(layer1)) layer1 = ms;
    },
  });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { r, wall, cpu: (cpu.user + cpu.system) / 1000, firstFinal, layer1, streamed };
}

const runner = await createRunner();
const rows = [];
const load0 = loadavg()[0];
for (const [name, net] of Object.entries(nets)) {
  for (const method of ['countRegionsOnPlane', 'regionsOnPlane']) {
    const runs = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const m = await once(runner.api, method, net);
      if (i >= WARMUP) runs.push(m);
    }
    const wall = median(runs.map((m) => m.wall));
    const first = median(runs.map((m) => m.firstFinal));
    rows.push({
      case: `${name}: api.${method} + onPartition`,
      activationRegions: runs[0].r.activationRegions,
      linearRegions: runs[0].r.linearRegions,
      streamed: runs[0].streamed,
      'wall ms (median)': Math.round(wall),
      'wall min-max': `${Math.round(Math.min(...runs.map((m) => m.wall)))}-${Math.round(Math.max(...runs.map((m) => m.wall)))}`,
      'cpu ms (median)': Math.round(median(runs.map((m) => m.cpu))),
      'layer-1 ms': Math.round(median(runs.map((m) => m.layer1))),
      'first polygons ms': Math.round(first),
      'goal/wall (150 ms)': (GOAL_MS / wall).toFixed(2),
      'goal/cpu (150 ms)': (GOAL_MS / median(runs.map((m) => m.cpu))).toFixed(2),
      'goal/first (50 ms)': (FIRST_GOAL_MS / first).toFixed(2),
    });
  }
}
await runner.terminate();
const load1 = loadavg()[0];
if (values.json)
  console.log(
    JSON.stringify({
      runs: RUNS,
      warmup: WARMUP,
      loadAverage: [load0, load1],
      cores: availableParallelism(),
      rows,
    }),
  );
else {
  console.log(
    `plane through x[0], x[1], x[2] of MNIST-1D in a worker_threads worker, node ${process.version}, ${availableParallelism()} cores, ` +
      `load average ${load0.toFixed(1)} -> ${load1.toFixed(1)}; medians of ${RUNS} calls after ${WARMUP} warm-up; ratios > 1 meet the goal`,
  );
  console.table(rows);
}
