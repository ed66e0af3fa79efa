// The plane through three MNIST-1D training examples for the Figure 20.2 networks (issue 17):
// regionsOnPlane on the parallelogram x[0] + s (x[1] - x[0]) + t (x[2] - x[0]), s, t in [0, 1],
// for the trained 4x63 network of experiments/random-labels and its He initialisation.
// Prints median wall and CPU ms (the machine is shared: CPU time is the steadier number), the
// time to the first drawable polygons (layer-1 partition, first batch of final polygons) and,
// with `--baseline DIR` (a dist/ of an older commit made by `node bench/baseline.mjs REV`), the
// same for that build in the same run, interleaved call by call, and the ratio of the medians.
// `--baseline REV` (a git revision, e.g. de8e34c, main before the depth-first enumeration) builds
// that revision first with bench/baseline.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
/** The dist/ directory of `--baseline DIR|REV`, building REV when it is not a directory; undefined without one. */
function baselineDir() {
  const at = process.argv.indexOf('--baseline');
  if (at < 0) return undefined;
  const arg = process.argv[at + 1];
  if (existsSync(resolve(arg, 'index.js'))) return resolve(arg);
  const dir = new URL(`../node_modules/.baseline/${arg.replaceAll('/', '_')}/dist`, import.meta.url).pathname;
  if (existsSync(resolve(dir, 'index.js'))) return dir;
  try {
    execFileSync('node', [new URL('baseline.mjs', import.meta.url).pathname, arg], { stdio: 'inherit' });
    return dir;
  } catch {
    console.log(`(no baseline: revision ${arg} could not be built here)`);
    return undefined;
  }
}
const dir = baselineDir();
const baseline = dir ? await import(pathToFileURL(resolve(dir, 'index.js')).href) : undefined;
const RUNS = 15;
const WARMUP = 3;

function measure(lib, net, countOnly) {
  const c = process.cpuUsage();
  const t = performance.now();
  let layer1 = Number.NaN;
  let firstFinal = Number.NaN;
  const onPartition = (p) => {
    const ms = performance.now() - t;
    if (p.layer === 1 && p.layers > 1 && Number.isNaN(layer1)) layer1 = ms;
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
const ms = (v) => (Number.isNaN(v) ? '-' : v.toFixed(v < 100 ? 1 : 0));
const rows = [];
for (const [name, net] of [
  ['trained 4x63 (random labels)', trained],
  ['He-initialised 4x63', init],
]) {
  const cases = [
    ['regionsOnPlane', current, false],
    ['countRegionsOnPlane', current, true],
  ];
  if (baseline)
    cases.push(
      ['regionsOnPlane, baseline', baseline, false],
      ['countRegionsOnPlane, baseline', baseline, true],
    );
  const runs = cases.map(() => []);
  for (let i = 0; i < WARMUP + RUNS; i++) {
    cases.forEach(([, lib, countOnly], c) => {
      const m = measure(lib, net, countOnly);
      if (i >= WARMUP) runs[c].push(m);
    });
  }
  const wallOf = (c) => median(runs[c].map((m) => m.wall));
  cases.forEach(([label, , countOnly], c) => {
    const { r } = runs[c][0];
    const ratio = baseline && c < 2 ? `${(wallOf(c + 2) / wallOf(c)).toFixed(2)}x faster` : '';
    rows.push({
      case: `${name}: ${label}`,
      linearRegions: r.linearRegions,
      activationRegions: r.activationRegions,
      'wall ms': ms(wallOf(c)),
      'wall min-max': `${ms(Math.min(...runs[c].map((m) => m.wall)))}-${ms(Math.max(...runs[c].map((m) => m.wall)))}`,
      'cpu ms': ms(median(runs[c].map((m) => m.cpu))),
      'layer-1 polygons ms': countOnly ? '-' : ms(median(runs[c].map((m) => m.layer1))),
      'first final polygons ms': countOnly ? '-' : ms(median(runs[c].map((m) => m.firstFinal))),
      'vs baseline': ratio,
    });
  });
}
console.log(
  `regionsOnPlane through x[0], x[1], x[2] of MNIST-1D, node ${process.version}, medians of ${RUNS} calls after ${WARMUP} warm-up, interleaved`,
);
console.table(rows);
