// Makes many calls through a runner and prints the main thread's heap before and after (after
// gc): run with `node --expose-gc heap-probe.mjs CALLS` on the built package.
import { createRunner } from '../../dist/index.js';

const calls = Number(process.argv[2] ?? 200_000);
const batch = 250;
const runner = await createRunner();
const run = async (n) => {
  for (let i = 0; i < n; i += batch) {
    await Promise.all(Array.from({ length: batch }, () => runner.api.ping('x')));
  }
};
const heap = async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
await run(5_000); // warm-up: compiled code, comlink's maps at their working size
const before = await heap();
const t0 = performance.now();
await run(calls);
const ms = performance.now() - t0;
const after = await heap();
await runner.terminate();
console.log(JSON.stringify({ calls, before, after, ms, execArgv: process.execArgv }));
