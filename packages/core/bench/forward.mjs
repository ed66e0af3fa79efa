// Forward-pass throughput of the built package (run `pnpm build` first; `pnpm bench` does via turbo).
// The Figure 20.2 MLP with four hidden layers of 63 units: 40 inputs, 10 outputs, 4000 examples.
import { countParameters, createRng, evaluate, evaluateBatch, initNetwork } from '../dist/index.js';

const widths = [40, 63, 63, 63, 63, 10];
const count = 4000;
const net = initNetwork(widths, { init: 'he-normal', rng: 1 });
const rng = createRng(2);
const xs = Float64Array.from({ length: count * widths[0] }, () => rng.normal());

function median(fn, runs) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

median(() => evaluateBatch(net, xs, count), 3); // warm-up
const batchMs = median(() => evaluateBatch(net, xs, count), 11);
const rows = Array.from({ length: count }, (_, n) => Array.from(xs.subarray(n * 40, (n + 1) * 40)));
const singleMs = median(() => {
  for (const x of rows) evaluate(net, x);
}, 5);
const flops = 2 * (countParameters(net) - widths.slice(1).reduce((s, w) => s + w, 0)) * count;
console.log(
  JSON.stringify({
    network: widths.join('-'),
    examples: count,
    evaluateBatchMs: +batchMs.toFixed(2),
    evaluateLoopMs: +singleMs.toFixed(2),
    batchGflops: +(flops / batchMs / 1e6).toFixed(3),
  }),
);
