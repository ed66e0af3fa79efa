// Build-time numbers of the region-density experiment (experiments/region-density/curves.json,
// `deepnets experiment region-density`), computed here, never typed into the page: the curves the
// region-slices widget draws (without the 1,200 reference pairs it does not need) and the tables
// and sentences of section 5 about them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineLoader } from 'vitepress';

const CURVES = fileURLToPath(new URL('../../../experiments/region-density/curves.json', import.meta.url));

interface Spread {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}
interface Checkpoint {
  epoch: number;
  source: string;
  trainError: number;
  testError?: number;
  measurement: {
    segments: Record<string, { regions: Spread; perLength: Spread; perLengthPerUnit: Spread }>;
    planes: { regions: Spread; withExample: Spread };
  };
}
interface Model {
  labels: string;
  model: string;
  widths: number[];
  neurons: number;
  parameters: number;
  checkpoints: Checkpoint[];
}
interface Doc {
  format: string;
  settings: { pairs: number; planes: number; referenceSeed: number; seed: number; learningRate: number };
  reference: Record<string, { planes: number[][] }>;
  models: Model[];
}

const ORDER = ['1x298', '2x100', '3x75', '4x63'];
const en = (v: number, digits = 0) =>
  v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pm = (s: Spread, digits = 0) => `${en(s.mean, digits)} ± ${en(s.sd, digits)}`;
const change = (from: number, to: number) => {
  const p = (100 * (to - from)) / from;
  return `${p >= 0 ? '+' : '−'}${Math.abs(p).toFixed(1)}%`;
};
const segment = (c: Checkpoint) =>
  c.measurement.segments['different-class'] as Checkpoint['measurement']['segments'][string];

/** The widget's curves and the page's numbers, from curves.json. */
function summarise(doc: Doc) {
  const models = (labels: string) =>
    ORDER.flatMap((name) => {
      const m = doc.models.find((x) => x.labels === labels && x.model === name);
      return m ? [{ ...m, checkpoints: [...m.checkpoints].sort((a, b) => a.epoch - b.epoch) }] : [];
    });
  const row = (m: Model) => {
    const first = m.checkpoints[0] as Checkpoint;
    const last = m.checkpoints.at(-1) as Checkpoint;
    return {
      model: m.model,
      neurons: m.neurons,
      lastEpoch: en(last.epoch),
      lastSource: last.source,
      lastTrainError: `${(100 * last.trainError).toFixed(2)}%`,
      lastTrainErrorValue: last.trainError,
      perLengthInit: segment(first).perLength.mean,
      perLength: [pm(segment(first).perLength, 2), pm(segment(last).perLength, 2)],
      perLengthChange: change(segment(first).perLength.mean, segment(last).perLength.mean),
      perLengthDelta: segment(last).perLength.mean - segment(first).perLength.mean,
      perUnit: segment(first).perLengthPerUnit.mean,
      planes: [pm(first.measurement.planes.regions), pm(last.measurement.planes.regions)],
      planesChange: change(first.measurement.planes.regions.mean, last.measurement.planes.regions.mean),
      planePerN2: first.measurement.planes.regions.mean / m.neurons ** 2,
      relativeSd: segment(first).perLength.sd / segment(first).perLength.mean,
    };
  };
  const shuffle = models('shuffle').map(row);
  const truth = models('true').map(row);
  const both = [...shuffle, ...truth];
  const range = (vs: number[], digits: number) =>
    `${Math.min(...vs).toFixed(digits)} and ${Math.max(...vs).toFixed(digits)}`;
  /** Which models gained (or lost) regions per unit length from the first to the last checkpoint. */
  const trend = (rows: ReturnType<typeof row>[]) => {
    const delta = (r: ReturnType<typeof row>) => r.perLengthDelta;
    const up = rows.filter((r) => delta(r) > 0).map((r) => r.model);
    const down = rows.filter((r) => delta(r) < 0).map((r) => r.model);
    const sorted = [...rows].sort((a, b) => delta(a) - delta(b));
    return {
      up: up.join(', '),
      down: down.join(', '),
      most: sorted.at(-1)?.model,
      least: sorted[0]?.model,
    };
  };
  const byNeurons = [...shuffle].sort((a, b) => b.neurons - a.neurons).map((r) => r.model);
  const byPerLength = [...shuffle].sort((a, b) => b.perLengthInit - a.perLengthInit).map((r) => r.model);
  const deep = models('shuffle').at(-1) as Model;
  const shallow = models('shuffle')[0] as Model;
  const ratio = (pick: (c: Checkpoint) => number, at: (m: Model) => Checkpoint) =>
    (pick(at(deep)) / pick(at(shallow))).toFixed(2);
  const initOf = (m: Model) => m.checkpoints[0] as Checkpoint;
  const lastOf = (m: Model) => m.checkpoints.at(-1) as Checkpoint;
  const perLengthOf = (c: Checkpoint) => segment(c).perLength.mean;
  const planeOf = (c: Checkpoint) => c.measurement.planes.regions.mean;
  const most = (at: (m: Model) => Checkpoint) =>
    [...models('shuffle')].sort((a, b) => perLengthOf(at(b)) - perLengthOf(at(a)))[0]?.model;
  const depth = {
    deep: deep.model,
    shallow: shallow.model,
    parameters: models('shuffle').map((m) => m.parameters.toLocaleString('en-GB')),
    mostInit: most(initOf),
    mostMemorised: most(lastOf),
    perLengthInit: ratio(perLengthOf, initOf),
    perLengthMemorised: ratio(perLengthOf, lastOf),
    planeInit: ratio(planeOf, initOf),
    planeMemorised: ratio(planeOf, lastOf),
  };
  const withExample = doc.models.flatMap((m) => m.checkpoints.map((c) => c.measurement.planes.withExample));
  const trueErrors = truth.map((r) => 100 * r.lastTrainErrorValue);
  return {
    curves: {
      format: doc.format,
      settings: doc.settings,
      reference: Object.fromEntries(Object.entries(doc.reference).map(([k, v]) => [k, { planes: v.planes }])),
      // Only what the widget draws: the different-class segments per unit length and the planes.
      models: doc.models.map((m) => ({
        ...m,
        checkpoints: m.checkpoints.map((c) => ({
          epoch: c.epoch,
          source: c.source,
          trainError: c.trainError,
          measurement: {
            segments: { 'different-class': { perLength: segment(c).perLength } },
            planes: { regions: c.measurement.planes.regions },
          },
        })),
      })),
    },
    settings: doc.settings,
    depth,
    memorising: trend(shuffle),
    learning: trend(truth),
    shuffle,
    truth,
    initOrderedByNeurons: byNeurons.join() === byPerLength.join(),
    perUnitRange: range(
      shuffle.map((r) => r.perUnit),
      3,
    ),
    planePerN2Range: range(
      both.map((r) => r.planePerN2),
      2,
    ),
    relativeSdRange: `${Math.round(100 * Math.min(...both.map((r) => r.relativeSd)))}% to ${Math.round(100 * Math.max(...both.map((r) => r.relativeSd)))}%`,
    withExample: {
      allThree: withExample.every((s) => s.min === 3 && s.max === 3),
      checkpoints: withExample.length,
    },
    trueNotMemorised: truth.every((r) => r.lastTrainErrorValue > 0.01),
    trueErrorRange: `${Math.min(...trueErrors).toFixed(0)}% to ${Math.max(...trueErrors).toFixed(0)}%`,
  };
}

declare const data: ReturnType<typeof summarise>;

export { data };

export default defineLoader({
  watch: [CURVES],
  load: () => summarise(JSON.parse(readFileSync(CURVES, 'utf8')) as Doc),
});
