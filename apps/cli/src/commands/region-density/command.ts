/**
 * `deepnets experiment region-density`: exact linear regions near the data while the four
 * Figure 20.2 networks learn (issue 17). For each model and labelling, at the checkpoint epochs
 * (log-spaced, epoch 0 = He initialisation) and, for the random labels of the committed
 * random-labels run (`--memorised DIR`), at its memorised network (100% training accuracy):
 * exact linear regions along `--pairs` segments of each kind (same class, different class,
 * train-test) and on `--planes` planes through three training examples (see measure.ts).
 *
 * Files in `--out DIR`: `<labels>-<model>.state.json` (training checkpoint, measurements and
 * `deepnets.snapshot/v1` networks; `--resume` continues from them), `snapshots/<labels>-<model>.json`
 * (the snapshots alone, for the docs), `curves.json` (`deepnets.region-density/v1`, every state in
 * DIR) and `curves.svg`. The (labels, model) pairs run as `--parallel P` child processes (default:
 * one per core, at most 4; parallel.ts) with the same results, bit for bit, as one process.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  createWasmKernel,
  type ExperimentLabels,
  type Kernel,
  type Mnist1dSplit,
  mnist1dSplit,
  parseCheckpoint,
  RANDOM_LABELS_LEARNING_RATE,
  RANDOM_LABELS_MODELS,
  type RandomLabelsModel,
  typescriptKernel,
} from '@deepnets/trainer';
import { integerFlag, numberFlag, stringFlag } from '../../args.ts';
import { type Command, type ParsedArgs, UsageError } from '../../command.ts';
import { nodeHelperStarter, wasmVariantFlag } from '../bench.ts';
import { type DensityJob, runJobsForked } from './parallel.ts';
import { regionDensitySvg } from './plot.ts';
import { drawReference, type Reference } from './reference.ts';
import { type MeasuredCheckpoint, type ModelState, readModelState, runModel, writeAtomic } from './run.ts';

export const REGION_DENSITY_FORMAT = 'deepnets.region-density/v1';
const DEFAULT_EPOCHS = '0,1,3,10,30,100,300,1000,3000';

function listFlag<T extends string>(
  args: ParsedArgs,
  name: string,
  fallback: string,
  known: readonly T[],
): T[] {
  const items = (stringFlag(args, name, fallback) as string).split(',').map((s) => s.trim());
  for (const item of items) {
    if (!known.includes(item as T))
      throw new UsageError(`--${name}: unknown "${item}"; known: ${known.join(', ')}`);
  }
  return items as T[];
}

function epochsOf(args: ParsedArgs): number[] {
  const text = stringFlag(args, 'epochs', DEFAULT_EPOCHS) as string;
  const epochs = text.split(',').map(Number);
  if (
    !epochs.every((e) => Number.isInteger(e) && e >= 0) ||
    epochs.some((e, i) => i > 0 && e <= (epochs[i - 1] as number))
  ) {
    throw new UsageError(`--epochs must be increasing whole numbers >= 0, got "${text}"`);
  }
  return epochs;
}

/** The memorised network of the committed random-labels run (shuffled labels only). */
async function memorisedOf(dir: string, model: string) {
  const curves = JSON.parse(await readFile(join(dir, 'curves.json'), 'utf8')) as { labels: string };
  if (curves.labels !== 'shuffle')
    throw new UsageError(`--memorised ${dir} holds a run with labels "${curves.labels}", not shuffle`);
  const state = JSON.parse(await readFile(join(dir, `${model}.state.json`), 'utf8'));
  if (state.epochsTo100 === null)
    throw new UsageError(`--memorised: ${model} in ${dir} has not reached 100% training accuracy`);
  return { epoch: state.epochsTo100 as number, network: parseCheckpoint(state.checkpoint).network };
}

const datasets = new Map<ExperimentLabels, Mnist1dSplit>();
const dataOf = (labels: ExperimentLabels): Mnist1dSplit => {
  let d = datasets.get(labels);
  if (!d) {
    d = mnist1dSplit(labels);
    datasets.set(labels, d);
  }
  return d;
};

function progressLine(labels: string, model: string, c: MeasuredCheckpoint): string {
  const seg = c.measurement.segments['different-class'];
  return (
    `${labels} ${model} epoch ${c.epoch} (${c.source}): train error ${(100 * c.trainError).toFixed(2)}%, ` +
    `different-class segments ${seg.regions.mean.toFixed(1)} regions (${seg.perLength.mean.toFixed(2)} per unit length), ` +
    `planes ${c.measurement.planes.regions.mean.toFixed(0)} regions; measured in ${c.seconds} s\n`
  );
}

const references = new Map<string, Reference>();

/** The reference of a labelling (same-class pairs depend on the labels), drawn once per process. */
function referenceOf(
  labels: ExperimentLabels,
  settings: { pairs: number; planes: number; referenceSeed: number },
): Reference {
  let r = references.get(labels);
  if (!r) {
    const data = dataOf(labels);
    r = drawReference(data.train, data.test, {
      pairs: settings.pairs,
      planes: settings.planes,
      seed: settings.referenceSeed,
    });
    references.set(labels, r);
  }
  return r;
}

async function writeOutputs(
  out: string,
  settings: { pairs: number; planes: number; referenceSeed: number },
): Promise<ModelState[]> {
  const states: ModelState[] = [];
  for (const labels of ['shuffle', 'uniform', 'true'] as const) {
    for (const m of RANDOM_LABELS_MODELS) {
      const s = await readModelState(join(out, `${labels}-${m.name}.state.json`));
      if (s) states.push(s);
    }
  }
  const models = states.map(({ training: _t, snapshots: _s, ...rest }) => ({
    ...rest,
    neurons: rest.widths.slice(1, -1).reduce((a, b) => a + b, 0),
    parameters: rest.widths.slice(1).reduce((sum, d, k) => sum + d * ((rest.widths[k] as number) + 1), 0),
    checkpoints: [...rest.checkpoints].sort((a, b) => a.epoch - b.epoch),
  }));
  const labelsSeen = [...new Set(states.map((s) => s.labels))];
  const reference = Object.fromEntries(labelsSeen.map((l) => [l, referenceOf(l, settings)]));
  await writeAtomic(
    join(out, 'curves.json'),
    JSON.stringify({ format: REGION_DENSITY_FORMAT, settings, reference, models }),
  );
  await writeAtomic(join(out, 'curves.svg'), regionDensitySvg(states));
  await mkdir(join(out, 'snapshots'), { recursive: true });
  for (const s of states) {
    const trainError = new Map(s.checkpoints.map((c) => [c.epoch, c.trainError]));
    const snapshots = [...s.snapshots]
      .sort((a, b) => a.epoch - b.epoch)
      .map((x) => ({ ...x, trainError: trainError.get(x.epoch) }));
    await writeAtomic(
      join(out, 'snapshots', `${s.labels}-${s.model}.json`),
      JSON.stringify({ labels: s.labels, model: s.model, widths: s.widths, snapshots }),
    );
  }
  return states;
}

export const regionDensityCommand: Command = {
  path: ['experiment', 'region-density'],
  summary:
    'Exact linear regions along segments and on planes through MNIST-1D examples while the Figure 20.2 networks learn.',
  usage:
    'deepnets experiment region-density [--labels shuffle,true] [--models 1x298,2x100,3x75,4x63] [--epochs 0,1,3,...] [--memorised DIR] [--pairs 200] [--planes 20] [--reference-seed S] [--seed S] [--out DIR] [--resume] [--kernel wasm|ts] [--variant auto|simd|relaxed] [--parallel P] [--json]',
  run: async (args, io) => {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const labelsList = listFlag<ExperimentLabels>(args, 'labels', 'shuffle,true', [
      'shuffle',
      'uniform',
      'true',
    ]);
    const modelNames = listFlag(
      args,
      'models',
      RANDOM_LABELS_MODELS.map((m) => m.name).join(','),
      RANDOM_LABELS_MODELS.map((m) => m.name),
    );
    const models = modelNames.map((n) => RANDOM_LABELS_MODELS.find((m) => m.name === n) as RandomLabelsModel);
    const settings = {
      epochs: epochsOf(args),
      pairs: integerFlag(args, 'pairs', { fallback: 200, min: 1 }) as number,
      planes: integerFlag(args, 'planes', { fallback: 20, min: 0 }) as number,
      referenceSeed: integerFlag(args, 'reference-seed', { fallback: 7, min: 0 }) as number,
      seed: integerFlag(args, 'seed', { fallback: 1, min: 0 }) as number,
      learningRate: numberFlag(args, 'lr', RANDOM_LABELS_LEARNING_RATE) as number,
      memorised: stringFlag(args, 'memorised'),
    };
    const kernelName = stringFlag(args, 'kernel', 'wasm');
    if (kernelName !== 'wasm' && kernelName !== 'ts')
      throw new UsageError(`--kernel must be wasm or ts, got "${kernelName}"`);
    const variant = kernelName === 'wasm' ? wasmVariantFlag(args) : 'simd';
    const out = stringFlag(args, 'out', 'region-density') as string;
    await mkdir(out, { recursive: true });
    const t0 = performance.now();
    const jobs: DensityJob[] = models.flatMap((model) => labelsList.map((labels) => ({ model, labels })));
    const parallel = integerFlag(args, 'parallel', {
      fallback: Math.min(jobs.length, availableParallelism(), 4),
      min: 1,
      max: jobs.length,
    }) as number;
    const newKernel = (): Kernel =>
      kernelName === 'wasm'
        ? createWasmKernel({ variant, threads: 1, startHelper: nodeHelperStarter })
        : typescriptKernel;
    /** Trains and measures one (labels, model) pair in this process, resuming from its state. */
    const runJob = async ({ model, labels }: DensityJob): Promise<ModelState> => {
      const statePath = join(out, `${labels}-${model.name}.state.json`);
      return runModel({
        model,
        labels,
        data: dataOf(labels),
        reference: referenceOf(labels, settings),
        epochs: settings.epochs,
        ...(labels === 'shuffle' && settings.memorised
          ? { memorised: await memorisedOf(settings.memorised, model.name) }
          : {}),
        newKernel,
        seed: settings.seed,
        learningRate: settings.learningRate,
        statePath,
        resume: args.flags.resume === true ? await readModelState(statePath) : null,
        ...(io.signal ? { signal: io.signal } : {}),
        onCheckpoint: (_s, c) => io.stderr(progressLine(labels, model.name, c)),
      });
    };
    if (args.flags.child === true) {
      for (const job of jobs) await runJob(job);
      return { jobs: jobs.map((j) => `${j.labels}-${j.model.name}`) };
    }
    if (parallel > 1) await runJobsForked(jobs, parallel, args, io.signal);
    else {
      for (const job of jobs) {
        await runJob(job);
        await writeOutputs(out, settings);
      }
    }
    const states = await writeOutputs(out, settings);
    const summary = jobs.map(({ model, labels }) => {
      const state = states.find((s) => s.labels === labels && s.model === model.name) as ModelState;
      return {
        labels,
        model: model.name,
        checkpoints: state.checkpoints.length,
        lastEpoch: Math.max(...state.checkpoints.map((c) => c.epoch)),
      };
    });
    return {
      experiment: 'region-density',
      parallel,
      settings,
      models: summary,
      out,
      curves: join(out, 'curves.json'),
      plot: join(out, 'curves.svg'),
      ms: Math.round(performance.now() - t0),
    };
  },
};
