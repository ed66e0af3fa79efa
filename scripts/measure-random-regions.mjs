// Measures linear regions of random He-initialised 1-[D x K]-1 ReLU networks against depth
// (regions' `randomRegionsByDepth`) and writes experiments/random-regions/regions.json, which the
// docs read at build time. Run after `pnpm build`:  node scripts/measure-random-regions.mjs
import { writeFileSync } from 'node:fs';
import { randomRegionsByDepth, udlMaxRegions } from '../packages/regions/dist/index.js';

const settings = {
  widths: [4, 8, 16],
  depths: [1, 2, 3, 4, 5, 6],
  biases: [
    { kind: 'constant', value: 0.1 },
    { kind: 'uniform', spread: 0.5 },
  ],
  networks: 200,
  domain: [-1, 1],
  seed: 1,
};
const start = performance.now();
const rows = randomRegionsByDepth({
  ...settings,
  onRow: (r) =>
    process.stderr.write(
      `${r.biases.kind} D=${r.width} K=${r.layers}: ${r.mean.toFixed(2)} ± ${r.sd.toFixed(2)} regions, ${r.perUnit.toFixed(3)} per unit\n`,
    ),
}).map((r) => ({ ...r, maximum: udlMaxRegions({ inputs: 1, width: r.width, layers: r.layers }).toString() }));
const doc = {
  format: 'deepnets.random-regions/v1',
  command: 'node scripts/measure-random-regions.mjs',
  init: 'he-normal weights (variance 2 / fan-in)',
  settings,
  rows,
  ms: Math.round(performance.now() - start),
};
writeFileSync(
  new URL('../experiments/random-regions/regions.json', import.meta.url),
  `${JSON.stringify(doc, null, 1)}\n`,
);
