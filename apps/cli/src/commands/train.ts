/**
 * `deepnets train --dataset NAME --hidden 16,16 --epochs N --lr X [...]`: trains a fresh network
 * h_1 = a[beta_0 + Omega_0 x], ..., y = beta_K + Omega_K h_K with hidden widths D_1..D_K on a
 * registered data set (or a CSV file) and prints a summary with the per-epoch curve.
 *
 * A `validation` fraction (0.2) of the training examples is held out; the data set's test part
 * is scored at the end. `--out NET.json` saves the network (`deepnets.network/v1`), `--plot
 * FILE.svg` draws the loss curves. Progress goes to stderr, only when it is a terminal.
 */
import { countParameters, type InitScheme, initNetwork, networkToJson } from '@deepnets/core';
import {
  checkTrainingMemory,
  type Dataset,
  type DatasetOptions,
  datasetFromCsv,
  defaultLossName,
  type EpochMetrics,
  escapeXml,
  evaluateSamples,
  getDataset,
  getOptimizer,
  type SampleMetrics,
  train,
} from '@deepnets/trainer';
import { integerFlag, numberFlag, stringFlag } from '../args.ts';
import { type Command, type CommandIO, type ParsedArgs, UsageError } from '../command.ts';

/** One point of the learning curve. */
export type CurvePoint = Omit<EpochMetrics, 'step' | 'learningRate'>;

export interface TrainSummary {
  dataset: string;
  widths: number[];
  activation: string;
  parameters: number;
  loss: string;
  optimizer: string;
  learningRate: number;
  batchSize: number | 'full';
  epochs: number;
  seed: number;
  examples: { train: number; validation: number; test: number };
  final: CurvePoint;
  test?: SampleMetrics;
  /** Every epoch up to 1000 epochs; beyond, every ceil(epochs / 1000)-th epoch and the last. */
  curve: CurvePoint[];
  ms: number;
  out?: string;
  plot?: string;
}

const MAX_CURVE = 1000;

function required<T>(value: T | undefined, flag: string, what: string): T {
  if (value === undefined) throw new UsageError(`--${flag} is required (${what})`);
  return value;
}

function hiddenWidths(args: ParsedArgs): number[] {
  const text = required(stringFlag(args, 'hidden'), 'hidden', 'hidden widths D_1..D_K, e.g. 16,16');
  return text.split(',').map((part, i) => {
    const d = Number(part);
    if (!Number.isInteger(d) || d < 1 || part.trim() === '') {
      throw new UsageError(`--hidden: entry ${i + 1} of "${text}" is not a positive whole number`);
    }
    return d;
  });
}

async function loadDataset(args: ParsedArgs, io: CommandIO, seed: number): Promise<Dataset> {
  const name = required(stringFlag(args, 'dataset'), 'dataset', 'a registered data set name or a .csv file');
  if (name.endsWith('.csv')) {
    const task = stringFlag(args, 'task', 'regression');
    if (task !== 'regression' && task !== 'classification') {
      throw new UsageError(`--task must be "regression" or "classification", got "${task}"`);
    }
    const target = stringFlag(args, 'target');
    return datasetFromCsv(await io.readFile(name), {
      name,
      task,
      seed,
      testFraction: numberFlag(args, 'test-fraction', 0) as number,
      ...(target === undefined ? {} : { target: /^\d+$/.test(target) ? Number(target) : target }),
    });
  }
  const options: DatasetOptions = { seed };
  const samples = integerFlag(args, 'samples', { min: 1 });
  const noise = numberFlag(args, 'noise');
  if (samples !== undefined) options.samples = samples;
  if (noise !== undefined) options.noise = noise;
  return getDataset(name).generate(options);
}

function progress(io: CommandIO, epochs: number): (m: EpochMetrics) => void {
  if (!io.isTTY) return () => {};
  let last = 0;
  return (m) => {
    const now = performance.now();
    if (now - last < 100 && m.epoch < epochs) return;
    last = now;
    const width = 30;
    const done = Math.round((width * m.epoch) / epochs);
    io.stderr(
      `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] epoch ${m.epoch}/${epochs} loss ${m.loss.toPrecision(4)}`,
    );
    if (m.epoch === epochs) io.stderr('\n');
  };
}

const point = ({ step: _s, learningRate: _l, ...rest }: EpochMetrics): CurvePoint => rest;

/** The loss curves (train, and validation when present) as a small standalone SVG; `title` is escaped. */
export function curveSvg(curve: readonly CurvePoint[], title: string): string {
  const W = 480;
  const H = 300;
  const pad = 40;
  const series = [
    { key: 'loss' as const, color: '#1f77b4', label: 'train loss' },
    { key: 'validationLoss' as const, color: '#ff7f0e', label: 'validation loss' },
  ].filter((s) => curve.some((p) => p[s.key] !== undefined));
  const values = curve.flatMap((p) => series.map((s) => p[s.key] as number));
  const top = Math.max(...values, 1e-12);
  const lastEpoch = curve.at(-1)?.epoch ?? 1;
  const x = (e: number) => pad + ((W - 2 * pad) * (e - 1)) / Math.max(1, lastEpoch - 1);
  const y = (v: number) => H - pad - ((H - 2 * pad) * v) / top;
  const paths = series.map((s, i) => {
    const d = curve.map(
      (p, j) => `${j ? 'L' : 'M'}${x(p.epoch).toFixed(1)},${y(p[s.key] as number).toFixed(1)}`,
    );
    return `<path d="${d.join('')}" fill="none" stroke="${s.color}" stroke-width="1.5"/><text x="${W - pad - 110}" y="${pad + 14 * i}" fill="${s.color}" font-size="11">${escapeXml(s.label)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<text x="${pad}" y="20" font-size="12">${escapeXml(title)}</text>`,
    `<path d="M${pad},${pad}V${H - pad}H${W - pad}" fill="none" stroke="#444"/>`,
    `<text x="${pad - 4}" y="${pad + 4}" font-size="10" text-anchor="end">${top.toPrecision(3)}</text>`,
    `<text x="${pad - 4}" y="${H - pad}" font-size="10" text-anchor="end">0</text>`,
    `<text x="${W - pad}" y="${H - pad + 14}" font-size="10" text-anchor="end">epoch ${lastEpoch}</text>`,
    ...paths,
    '</svg>',
  ].join('\n');
}

const BARS = '▁▂▃▄▅▆▇█';

/** A one-line sparkline of the values, highest = full block. */
function sparkline(values: readonly number[], width = 40): string {
  const step = Math.max(1, Math.ceil(values.length / width));
  const picked = values.filter((_, i) => i % step === 0);
  const lo = Math.min(...picked);
  const hi = Math.max(...picked);
  return picked.map((v) => BARS[hi > lo ? Math.round(((v - lo) / (hi - lo)) * 7) : 0]).join('');
}

const pct = (v: number | undefined) => (v === undefined ? '' : `${(100 * v).toFixed(1)}%`);
const num = (v: number | undefined) => (v === undefined ? '' : v.toPrecision(4));

export const trainCommand: Command = {
  path: ['train'],
  summary: 'Train a network on a registered data set (or a CSV file) and print its learning curve.',
  usage:
    'deepnets train --dataset NAME|FILE.csv --hidden 16,16 --epochs N --lr X [--optimizer adam] [--batch-size N|full] [--activation relu] [--loss NAME] [--l2 L] [--validation 0.2] [--samples N] [--noise X] [--target COL --task regression|classification] [--seed S] [--out NET.json] [--plot FILE.svg] [--json]',
  run: async (args, io) => {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const hidden = hiddenWidths(args);
    const epochs = required(integerFlag(args, 'epochs', { min: 1 }), 'epochs', 'number of epochs');
    const learningRate = required(numberFlag(args, 'lr'), 'lr', 'the learning rate alpha');
    const seed = integerFlag(args, 'seed', { fallback: 0, min: 0, max: 2 ** 32 - 1 }) as number;
    const optimizer = stringFlag(args, 'optimizer', 'adam') as string;
    const activation = stringFlag(args, 'activation', 'relu') as string;
    const init = stringFlag(args, 'init', 'he-normal') as InitScheme;
    const validation = numberFlag(args, 'validation', 0.2) as number;
    const l2 = numberFlag(args, 'l2', 0) as number;
    const batchText = stringFlag(args, 'batch-size');
    const batchSize =
      batchText === undefined || batchText === 'full'
        ? batchText
        : (integerFlag(args, 'batch-size', { min: 1 }) as number);
    const out = stringFlag(args, 'out');
    const plot = stringFlag(args, 'plot');

    const data = await loadDataset(args, io, seed);
    const loss = stringFlag(args, 'loss', defaultLossName(data.task)) as string;
    const outputs = loss === 'binary-cross-entropy' && data.outputs === 2 ? 1 : data.outputs;
    const widths = [data.train.inputs, ...hidden, outputs];
    // Before initNetwork allocates Omega_k: refuse sizes that would exhaust memory.
    checkTrainingMemory(widths, {
      optimizerBuffers: getOptimizer(optimizer).buffers.length,
      batchSize: data.train.count,
      dataValues: data.train.x.length + data.train.y.length,
    });
    const network = initNetwork(widths, { init, rng: seed, activation });
    const t0 = performance.now();
    const result = await train({
      network,
      data,
      loss,
      optimizer,
      learningRate,
      epochs,
      seed,
      validation,
      l2,
      ...(batchSize === undefined ? {} : { batchSize }),
      onEpoch: progress(io, epochs),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    const ms = Math.round(performance.now() - t0);
    const every = Math.ceil(result.history.length / MAX_CURVE);
    const curve = result.history
      .filter((_, i) => i % every === 0 || i === result.history.length - 1)
      .map(point);
    const held = Math.round(validation * data.train.count);
    const summary: TrainSummary = {
      dataset: data.name,
      widths,
      activation,
      parameters: countParameters(result.network),
      loss,
      optimizer,
      learningRate,
      batchSize: batchSize ?? getOptimizer(optimizer).batchSize,
      epochs: result.epoch,
      seed,
      examples: { train: data.train.count - held, validation: held, test: data.test.count },
      final: point(result.history.at(-1) as EpochMetrics),
      ...(data.test.count > 0 ? { test: evaluateSamples(result.network, data.test, loss) } : {}),
      curve,
      ms,
    };
    if (out !== undefined) {
      await io.writeFile(out, networkToJson(result.network));
      summary.out = out;
    }
    if (plot !== undefined) {
      await io.writeFile(
        plot,
        curveSvg(curve, `${data.name}: ${widths.join('-')} ${activation}, ${optimizer}`),
      );
      summary.plot = plot;
    }
    return summary;
  },
  human: (result) => {
    const s = result as TrainSummary;
    const rows = s.curve.filter(
      (_, i) => i % Math.max(1, Math.ceil(s.curve.length / 10)) === 0 || i === s.curve.length - 1,
    );
    const hasVal = s.final.validationLoss !== undefined;
    const lines = [
      `trained a ${s.widths.join('-')} ${s.activation} network (${s.parameters} parameters) on ${s.dataset} ` +
        `(${s.examples.train} train / ${s.examples.validation} validation / ${s.examples.test} test) ` +
        `with ${s.optimizer}, lr ${s.learningRate}, ${s.epochs} epochs in ${s.ms} ms`,
      ['epoch', 'loss', 'accuracy', ...(hasVal ? ['val loss', 'val acc'] : [])]
        .map((h) => h.padStart(10))
        .join(''),
      ...rows.map((p) =>
        [
          String(p.epoch),
          num(p.loss),
          pct(p.accuracy),
          ...(hasVal ? [num(p.validationLoss), pct(p.validationAccuracy)] : []),
        ]
          .map((c) => c.padStart(10))
          .join(''),
      ),
      `loss curve: ${sparkline(s.curve.map((p) => p.loss))}`,
    ];
    if (s.test)
      lines.push(
        `test: loss ${num(s.test.loss)}${s.test.accuracy === undefined ? '' : `, accuracy ${pct(s.test.accuracy)}`}`,
      );
    if (s.out) lines.push(`wrote ${s.out}`);
    if (s.plot) lines.push(`wrote ${s.plot}`);
    return lines.join('\n');
  },
};

export default trainCommand;
