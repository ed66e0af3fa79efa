// Reliability benchmarks (issue 14): the 1-D sweep on one very wide layer (its crossings used to be
// sorted by insertion, O(n^2)) and the exact bounds for shapes whose enumeration used to hang.
// Runs on the built package: `pnpm build && node bench/reliability.mjs` inside packages/regions;
// `node bench/reliability.mjs DIST_DIR` times another build (e.g. main's) for a before/after table.
import { pathToFileURL } from 'node:url';

const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
const { countRegions1d, regionBounds } = await import(pathToFileURL(`${dist}/index.js`).href);

/** A 1 -> units -> 1 ReLU network whose breakpoints are spread over [-1, 1] in scrambled order. */
function wide(units) {
  const kinks = Array.from({ length: units }, (_, i) => (((i * 7919) % units) / units) * 2 - 1 + 0.5 / units);
  return {
    activation: 'relu',
    layers: [
      { weights: kinks.map(() => [1]), biases: kinks.map((t) => -t) },
      { weights: [kinks.map((_, i) => (i % 2 ? 1 : -1.5))], biases: [0] },
    ],
  };
}

/** Median wall time (ms) of `runs` calls after one warm-up call. */
function time(fn, runs = 5) {
  fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(runs / 2)];
}

const rows = [];
for (const units of [10_000, 50_000, 200_000]) {
  const net = wide(units);
  let regions = 0;
  const ms = time(
    () => {
      regions = countRegions1d(net).activationRegions;
    },
    units > 50_000 ? 3 : 5,
  );
  rows.push({ case: `regions 1-D, 1-${units}-1`, result: regions, ms: ms.toFixed(1) });
}
for (const [inputs, width, layers] of [
  [3, 10, 12],
  [3, 10, 14],
  [8, 6, 20],
]) {
  // Another build (argv[2]) may still enumerate (29 s for K = 14, no end for 8, 6, 20): only K <= 12 there.
  const o = { inputs, width, layers };
  if (process.argv[2] !== undefined && layers > 12) {
    rows.push({ case: `bounds D_i=${inputs} D=${width} K=${layers}`, result: 'skipped', ms: '-' });
    continue;
  }
  const ms = time(() => regionBounds(o), 3);
  const digits = regionBounds(o).serraUpper.toString().length;
  rows.push({
    case: `bounds D_i=${inputs} D=${width} K=${layers}`,
    result: `${digits} digits`,
    ms: ms.toFixed(3),
  });
}
console.log(`@deepnets/regions reliability bench (${dist}), node ${process.version}, medians`);
console.table(rows);
