// Benchmarks of @deepnets/regions against a dense-grid-sampling baseline.
// Runs on the built package: `pnpm turbo run bench --filter @deepnets/regions` (builds first),
// or `pnpm build && node bench/run.mjs` inside packages/regions.
import { initNetwork } from '@deepnets/core';
import {
  countRegions1d,
  maxRegions2dNetwork,
  maxRegionsNetwork,
  polygonArea,
  regions1d,
  regions2d,
} from '../dist/index.js';

/** Median wall time (ms) of `runs` calls after `warmup` calls. */
function time(fn, runs = 15, warmup = 5) {
  for (let i = 0; i < warmup; i++) fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(runs / 2)];
}

/** The network's hidden units as flat typed arrays, for a tight sampling loop. */
function flatten(net) {
  return net.layers.slice(0, -1).map((l) => ({
    rows: l.weights.length,
    cols: l.weights[0].length,
    w: Float64Array.from(l.weights.flat()),
    b: Float64Array.from(l.biases),
  }));
}

/** Baseline: ReLU activation patterns at `n` points of a curve; returns the number of pattern changes + 1. */
function sampleRuns(layers, n, point) {
  const width = Math.max(...layers.map((l) => l.rows), 2);
  let h = new Float64Array(width);
  let next = new Float64Array(width);
  const units = layers.reduce((s, l) => s + l.rows, 0);
  let prev = new Uint8Array(units);
  let cur = new Uint8Array(units);
  let runs = 0;
  const x = new Float64Array(2);
  for (let s = 0; s < n; s++) {
    point(s, x);
    h[0] = x[0];
    h[1] = x[1];
    let u = 0;
    for (const { rows, cols, w, b } of layers) {
      for (let i = 0; i < rows; i++) {
        let z = b[i];
        for (let j = 0; j < cols; j++) z += w[i * cols + j] * h[j];
        cur[u++] = z >= 0 ? 1 : 0;
        next[i] = Math.max(z, 0);
      }
      const t = h;
      h = next;
      next = t;
    }
    let changed = s === 0;
    for (let k = 0; k < units && !changed; k++) changed = cur[k] !== prev[k];
    if (changed) runs++;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return runs;
}

const fmt = (v, d = 1) => v.toFixed(d);
const rows = [];

// ---- 1-D: the max-regions constructions on [0, 1]
for (const K of [5, 6]) {
  const net = maxRegionsNetwork({ layers: K, width: 10 });
  const counts = countRegions1d(net, { domain: [0, 1] });
  const ms = time(() => countRegions1d(net, { domain: [0, 1] }), K === 5 ? 21 : 7, 3);
  const full = regions1d(net, { domain: [0, 1] });
  const msFull = time(() => regions1d(net, { domain: [0, 1] }), K === 5 ? 11 : 5, 2);
  let smallest = Infinity;
  for (let p = 0; p < full.activationRegions; p++)
    smallest = Math.min(smallest, full.edges[p + 1] - full.edges[p]);
  const needed = Math.ceil(1 / smallest) + 1;
  const layers = flatten(net);
  const line = (n) => (s, x) => {
    x[0] = s / (n - 1);
  };
  // the baseline: measured on up to 4e6 samples, extrapolated linearly to the needed resolution
  const measured = Math.min(needed, 4_000_000);
  const t0 = performance.now();
  const runs = sampleRuns(layers, measured, line(measured));
  const msGridMeasured = performance.now() - t0;
  const msGrid = (msGridMeasured * needed) / measured;
  rows.push({
    case: `1-D max-regions K=${K} D=10 on [0,1]`,
    activationRegions: counts.activationRegions,
    linearRegions: counts.linearRegions,
    'exact count ms': fmt(ms),
    'exact with pieces ms': fmt(msFull),
    'regions/s': (counts.activationRegions / (ms / 1000)).toExponential(2),
    'grid samples needed': needed.toExponential(2),
    'grid ms': `${fmt(msGrid, 0)}${measured < needed ? ' (extrapolated)' : ''}`,
    'grid found': measured < needed ? `${runs} of ${measured.toExponential(1)} samples` : runs,
    'speed-up': `${fmt(msGrid / ms, 0)}x`,
  });
}

// ---- 2-D: He-initialised 2-20-20-20-1 on [-1,1]^2 and the 5,632-region construction on [0,1]^2
const cases2d = [
  [
    '2-D He 2-20-20-20-1 (zero biases) [-1,1]^2',
    initNetwork([2, 20, 20, 20, 1], { init: 'he-normal', rng: 1 }),
    [-1, 1, -1, 1],
  ],
  [
    '2-D He 2-20-20-20-1 (biases 0.1) [-1,1]^2',
    initNetwork([2, 20, 20, 20, 1], { init: 'he-normal', rng: 1, biases: 0.1 }),
    [-1, 1, -1, 1],
  ],
  ['2-D max-regions K=3 D=6 [0,1]^2', maxRegions2dNetwork({ layers: 3, width: 6 }), [0, 1, 0, 1]],
];
for (const [name, net, box] of cases2d) {
  const r = regions2d(net, { box });
  const ms = time(() => regions2d(net, { box }), 21, 5);
  const smallest = Math.min(...r.polygons.map((p) => polygonArea(p.vertices)));
  const side = box[1] - box[0];
  const perSide = Math.ceil(side / Math.sqrt(smallest)); // one sample per smallest-region-sized cell (optimistic)
  const needed = perSide * perSide;
  const measuredSide = Math.min(perSide, 1000);
  const layers = flatten(net);
  const t0 = performance.now();
  sampleRuns(layers, measuredSide * measuredSide, (s, x) => {
    x[0] = box[0] + (side * ((s % measuredSide) + 0.5)) / measuredSide;
    x[1] = box[2] + ((box[3] - box[2]) * (Math.floor(s / measuredSide) + 0.5)) / measuredSide;
  });
  const msGrid = ((performance.now() - t0) * needed) / (measuredSide * measuredSide);
  rows.push({
    case: name,
    activationRegions: r.activationRegions,
    linearRegions: r.linearRegions,
    'exact count ms': fmt(ms, 2),
    'exact with pieces ms': fmt(ms, 2),
    'regions/s': (r.activationRegions / (ms / 1000)).toExponential(2),
    'grid samples needed': needed.toExponential(2),
    'grid ms': `${fmt(msGrid, 0)}${measuredSide < perSide ? ' (extrapolated)' : ''}`,
    'grid found': '-',
    'speed-up': `${fmt(msGrid / ms, 0)}x`,
  });
}

console.log(`@deepnets/regions bench, node ${process.version}, medians after warm-up`);
console.table(rows);
