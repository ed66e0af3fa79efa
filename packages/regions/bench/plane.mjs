// The plane through three MNIST-1D training examples for the Figure 20.2 networks (issue 17):
// regionsOnPlane on the parallelogram x[0] + s (x[1] - x[0]) + t (x[2] - x[0]), s, t in [0, 1],
// for the trained 4x63 network of experiments/random-labels and its He initialisation.
// Prints median wall and CPU ms (the machine is shared, CPU time is the steadier number), the
// time to the first drawable polygons (layer-1 partition, first batch of final polygons) and,
// with `--baseline DIR` (a dist/ of @deepnets/regions built from an older commit, placed under
// packages/regions/node_modules/ so that it resolves @deepnets/core), the same for that build
// in the same run, interleaved call by call. Making a baseline of commit REV:
//   git -C ../.. stash -u && git -C ../.. checkout REV -- packages/regions/src && pnpm build \
//     && cp -r dist node_modules/.baseline-dist && git -C ../.. checkout HEAD -- packages/regions/src \
//     && git -C ../.. stash pop && pnpm build
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { initNetwork } from '@deepnets/core';
import * as current from '../dist/index.js';

const here = (p) => new URL(p, import.meta.url);
const state = JSON.parse(readFileSync(here('../../../experiments/random-labels/4x63.state.json'), 'utf8'));
const trained = state.checkpoint.network;
const init = initNetwork([40, 63, 63, 63, 63, 10], {
  init: 'he-normal',
  biases: 'zero',
  rng: 1,
  activation: 'relu',
});
// x[0], x[1], x[2] of MNIST-1D (seed 42), as `deepnets mnist1d` writes them (checked by a CLI test)
const points = JSON.parse(readFileSync(here('fixtures/mnist1d-seed42-x0-x1-x2.json'), 'utf8'));
const at = process.argv.indexOf('--baseline');
const baseline = at > 0 ? await import(resolve(process.argv[at + 1], 'index.js')) : undefined;

function measure(lib, net, countOnly = false) {
  const c = process.cpuUsage();
  const t = performance.now();
  let layer1 = Number.NaN;
  let firstFinal = Number.NaN;
  const onPartition = (p) => {
    const ms = performance.now() - t;
    if (p.layer === 1 && Number.isNaN(layer1)) layer1 = ms;
    else if (p.layer === p.layers && Number.isNaN(firstFinal)) firstFinal = ms;
  };
  const r = countOnly
    ? lib.countRegionsOnPlane(net, points)
    : lib.regionsOnPlane(net, points, { onPartition });
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return { r, wall, cpu: (u.user + u.system) / 1000, layer1, firstFinal };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [name, net] of [
  ['trained 4x63 (random labels, epoch 137,134)', trained],
  ['He-initialised 4x63', init],
]) {
  const libs = baseline
    ? [
        ['before', baseline],
        ['after', current],
      ]
    : [['now', current]];
  libs.push(['countRegionsOnPlane (no polygons)', current, true]);
  const runs = Object.fromEntries(libs.map(([l]) => [l, []]));
  for (let i = 0; i < 14; i++)
    for (const [l, lib, countOnly] of libs) runs[l].push(measure(lib, net, countOnly));
  for (const [l] of libs) {
    const ms = runs[l].slice(3);
    const { r } = ms[0];
    rows.push({
      case: `${name}, ${l}`,
      linearRegions: r.linearRegions,
      activationRegions: r.activationRegions,
      'wall ms (median)': median(ms.map((m) => m.wall)).toFixed(0),
      'cpu ms (median)': median(ms.map((m) => m.cpu)).toFixed(0),
      'layer-1 polygons ms': Number.isNaN(ms[0].layer1) ? '-' : median(ms.map((m) => m.layer1)).toFixed(1),
      'first final polygons ms': Number.isNaN(ms[0].firstFinal)
        ? '-'
        : median(ms.map((m) => m.firstFinal)).toFixed(1),
    });
  }
}
console.log(
  `regionsOnPlane through x[0], x[1], x[2] of MNIST-1D, node ${process.version}, 11 calls after 3 warm-up`,
);
console.table(rows);
