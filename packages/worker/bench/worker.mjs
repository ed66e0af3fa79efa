#!/usr/bin/env node
/**
 * Benchmarks of @deepnets/worker, on the built files (run `pnpm build` first):
 *   1. round-trip overhead of a tiny call (`api.ping`), median in microseconds;
 *   2. throughput of streamed training progress (events/s) with `throttleMs: 0`, and what the
 *      default throttle (16 ms) delivers;
 *   3. the pool's speed-up on the four random-labels MLPs (40-[298]-10, 40-[100,100]-10,
 *      40-[75,75,75]-10, 40-[63,63,63,63]-10 on 4000 MNIST-1D examples, full-batch gradient
 *      descent) for a few epochs each: one worker after the other vs. a pool.
 * Options: --epochs N (random-labels epochs, 3), --kernel ts|ts32|wasm (ts), --json.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { initNetwork } from '@deepnets/core';
import { getDataset, mnist1dTraining, RANDOM_LABELS_MODELS } from '@deepnets/trainer';
import { createPool, createRunner } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '3' },
    kernel: { type: 'string', default: 'ts' },
    json: { type: 'boolean', default: false },
  },
});
const epochs = Number(values.epochs);
const kernel = values.kernel;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const log = (...args) => {
  if (!values.json) console.error(...args);
};

async function roundTrip(runner) {
  for (let i = 0; i < 500; i++) await runner.api.ping('warm-up');
  const times = [];
  for (let i = 0; i < 3000; i++) {
    const t0 = performance.now();
    await runner.api.ping('x');
    times.push((performance.now() - t0) * 1000);
  }
  return { medianUs: median(times), p90Us: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)] };
}

async function progress(runner) {
  const data = getDataset('xor').generate({ samples: 16, seed: 1 });
  const network = initNetwork([2, 4, 2], { init: 'he-normal', rng: 1 });
  const options = { network, data, learningRate: 0.01, epochs: 20_000, keepHistory: false };
  let t0 = performance.now();
  await runner.api.train(options);
  const silentMs = performance.now() - t0;
  let events = 0;
  t0 = performance.now();
  await runner.api.train({ ...options, throttleMs: 0, onEpoch: () => events++ });
  const streamedMs = performance.now() - t0;
  let throttled = 0;
  t0 = performance.now();
  await runner.api.train({ ...options, onEpoch: () => throttled++ });
  const throttledMs = performance.now() - t0;
  return {
    epochs: options.epochs,
    epochsPerSecondSilent: Math.round(options.epochs / (silentMs / 1000)),
    eventsPerSecond: Math.round(events / (streamedMs / 1000)),
    eventsDelivered: events,
    throttledEvents: throttled,
    throttledEventsPerSecond: Math.round(throttled / (throttledMs / 1000)),
  };
}

async function randomLabels(api, data, concurrent) {
  const jobs = RANDOM_LABELS_MODELS.map(
    (model) => () => api.trainRandomLabelsModel({ model, data, maxEpochs: epochs, kernel }),
  );
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (concurrent) await Promise.all(jobs.map((job) => job()));
  else for (const job of jobs) await job();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of all the process's threads: wall ~ cpu / workers when the machine is otherwise idle
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const runner = await createRunner();
const rt = await roundTrip(runner);
log(`round trip (ping): median ${rt.medianUs.toFixed(1)} us, p90 ${rt.p90Us.toFixed(1)} us`);
const pr = await progress(runner);
log(
  `progress: ${pr.eventsPerSecond} events/s streamed (throttleMs 0, ${pr.eventsDelivered} events), ` +
    `${pr.epochsPerSecondSilent} epochs/s without events; default throttle delivered ${pr.throttledEvents} events (${pr.throttledEventsPerSecond}/s)`,
);
const data = mnist1dTraining('shuffle');
const one = await randomLabels(runner.api, data, false);
await runner.terminate();
const pool = await createPool({ size: 2 });
const two = await randomLabels(pool.api, data, true);
await pool.terminate();
const speedUp = one.wallMs / two.wallMs;
log(
  `pool: 4 random-labels models x ${epochs} epochs (${kernel}): one worker ${one.wallMs.toFixed(0)} ms ` +
    `(cpu ${one.cpuMs.toFixed(0)} ms), pool of 2 ${two.wallMs.toFixed(0)} ms (cpu ${two.cpuMs.toFixed(0)} ms), ` +
    `speed-up ${speedUp.toFixed(2)}x (cores: ${availableParallelism()}, load average ${loadavg()[0].toFixed(1)}, ` +
    `default pool size ${Math.max(1, availableParallelism() - 1)})`,
);
if (values.json) {
  console.log(
    JSON.stringify({
      roundTripMedianUs: rt.medianUs,
      roundTripP90Us: rt.p90Us,
      progress: pr,
      pool: {
        models: 4,
        epochs,
        kernel,
        oneWorker: one,
        poolOf2: two,
        speedUp,
        cores: availableParallelism(),
      },
      loadAverage: loadavg()[0],
    }),
  );
}
