/**
 * `deepnets experiment random-labels`: the book's Figure 20.2. Four ReLU MLPs of about 15,200
 * parameters (40-[298]-10, 40-[100x2]-10, 40-[75x3]-10, 40-[63x4]-10), He init, beta_k = 0,
 * full-batch gradient descent with alpha = 0.0025 on the mean softmax cross-entropy of the 4000
 * MNIST-1D training examples with random labels (`--labels shuffle`: the true labels permuted by
 * numpy's RandomState(42).shuffle; `uniform`: drawn uniformly; `true`: the real labels, with test
 * error for the generalisation comparison), until 100% training accuracy or `--max-epochs`.
 *
 * Files in `--out DIR`: `<model>.state.json` (checkpoint + curve + the run's settings, rewritten
 * every `--checkpoint-every` epochs through an fsynced exclusive temporary file, the previous one
 * kept as `.prev`; `--resume` continues from them, and is required to touch them: a resume with
 * other settings is refused), `curves.json` (every model's
 * training error every `--curve-every` epochs) and the SVG plot (`--plot FILE.svg`, by default
 * DIR/curves.svg). `--variant` picks the WebAssembly kernel (see `wasmVariantFlag`). The models run as `--parallel P` processes (default: one per core, at most 4);
 * the models of one process take turns between epochs. `--threads 2` gives every model the
 * two-thread kernel (bit-identical to one thread; worth it when fewer models than cores remain).
 */
import { fork } from 'node:child_process';
import { lstat, mkdir, readdir, unlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { AbortError, DeepnetsError } from '@deepnets/core';
import {
  createWasmKernel,
  type ExperimentLabels,
  mnist1dSplit,
  RANDOM_LABELS_MODELS,
  type RandomLabelsModel,
  type RandomLabelsModelState,
  randomLabelsSvg,
  trainRandomLabelsModel,
  typescriptKernel,
  type WasmKernel,
} from '@deepnets/trainer';
import { integerFlag, stringFlag } from '../args.ts';
import { type Command, type CommandIO, type ParsedArgs, UsageError } from '../command.ts';
import { writeFileSafely } from '../safe-write.ts';
import { nodeHelperStarter } from './bench.ts';
import { DATA_SEED, modelsOf, runSettings, type Settings, settingsOf } from './experiment-settings.ts';
import {
  checkFiniteState,
  checkSavedStates,
  readModelState,
  type StateFile,
  statePath,
} from './experiment-state.ts';

export const CURVES_FORMAT = 'deepnets.random-labels/v1';

export interface ExperimentModelSummary {
  name: string;
  widths: number[];
  parameters: number;
  kernel: string;
  epoch: number;
  epochsTo100: number | null;
  trainError: number | null;
  testError?: number;
}

export interface ExperimentSummary {
  experiment: 'random-labels';
  labels: ExperimentLabels;
  learningRate: number;
  maxEpochs: number;
  seed: number;
  models: ExperimentModelSummary[];
  out: string;
  curves: string;
  plot: string;
  ms: number;
}

/** A progress message of a model (sent over IPC by a child process). */
interface Progress {
  type: 'epoch' | 'checkpoint';
  name: string;
  epoch: number;
  trainError: number;
}

/** Removes temporary files a killed run left beside this run's state files. */
async function removeStaleTemporaries(dir: string, models: readonly RandomLabelsModel[]): Promise<void> {
  const names = await readdir(dir);
  const stale = names.filter((f) =>
    models.some((m) => f.startsWith(`${m.name}.state.json.`) && f.endsWith('.tmp')),
  );
  for (const name of stale) {
    const path = join(dir, name);
    if ((await lstat(path)).isFile()) await unlink(path).catch(() => undefined);
  }
}

/** Checks that a state is finite and writes it (keeping the previous one as `.prev`). */
async function saveState(s: Settings, state: RandomLabelsModelState): Promise<void> {
  checkFiniteState(state);
  const file: StateFile = { ...state, settings: runSettings(s) };
  await writeFileSafely(statePath(s.out, state.name), JSON.stringify(file), { keepPrevious: true });
}

/** Trains `models` in this process; their epochs interleave on the event loop. */
async function runHere(
  models: readonly RandomLabelsModel[],
  s: Settings,
  report: (p: Progress) => void,
  signal: AbortSignal | undefined,
  saved?: ReadonlyMap<string, StateFile>,
): Promise<void> {
  const data = mnist1dSplit(s.labels, DATA_SEED, { samples: s.samples, labelSeed: s.labelSeed });
  await Promise.all(
    models.map(async (model) => {
      const resume = !s.resume
        ? null
        : saved
          ? (saved.get(model.name) ?? null)
          : await readModelState(s.out, model.name);
      let lastReport = 0;
      const kernel =
        s.kernel === 'wasm'
          ? createWasmKernel({ variant: s.variant, threads: s.threads, startHelper: nodeHelperStarter })
          : typescriptKernel;
      try {
        await trainRandomLabelsModel({
          model,
          data: data.train,
          ...(s.labels === 'true' ? { test: data.test } : {}),
          maxEpochs: s.maxEpochs,
          kernel,
          seed: s.seed,
          learningRate: s.learningRate,
          curveEvery: s.curveEvery,
          checkpointEvery: s.checkpointEvery,
          ...(resume ? { resume } : {}),
          ...(signal ? { signal } : {}),
          onCheckpoint: async (state) => {
            await saveState(s, state);
            const trainError = state.curve.at(-1)?.trainError ?? 1;
            report({ type: 'checkpoint', name: model.name, epoch: state.epoch, trainError });
          },
          onEpoch: (m) => {
            const now = performance.now();
            if (now - lastReport < 250) return;
            lastReport = now;
            report({ type: 'epoch', name: model.name, epoch: m.epoch, trainError: 1 - (m.accuracy ?? 0) });
          },
        });
      } finally {
        if (kernel !== typescriptKernel) (kernel as WasmKernel).dispose();
      }
    }),
  );
}

/** Runs the models as `parallel` child processes of this CLI (round-robin split). */
async function runForked(
  models: readonly RandomLabelsModel[],
  parallel: number,
  argv: readonly string[],
  report: (p: Progress) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const script = process.argv[1] as string;
  const groups = Array.from({ length: parallel }, (_, i) => models.filter((_, j) => j % parallel === i));
  const children = groups.map((group) =>
    fork(script, [...argv, '--models', group.map((m) => m.name).join(','), '--parallel', '1', '--child'], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
  const stop = () => {
    for (const child of children) child.kill('SIGINT');
  };
  signal?.addEventListener('abort', stop, { once: true });
  const codes = await Promise.all(
    children.map(
      (child) =>
        new Promise<number>((resolve) => {
          child.on('message', (m) => report(m as Progress));
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    ),
  );
  signal?.removeEventListener('abort', stop);
  if (signal?.aborted) throw new AbortError('the experiment was interrupted; continue with --resume');
  const failed = codes.findIndex((c) => c !== 0);
  if (failed >= 0) {
    throw new DeepnetsError(
      'WORKER_DIED',
      `the process training ${groups[failed]?.map((m) => m.name)} failed`,
    );
  }
}

/** A redrawn block of progress bars on a terminal; a log line per checkpoint otherwise. */
function progressView(
  models: readonly RandomLabelsModel[],
  s: Settings,
  io: CommandIO,
): (p: Progress) => void {
  const rows = new Map(models.map((m) => [m.name, { epoch: 0, trainError: 1 }]));
  let drawn = false;
  let last = 0;
  return (p) => {
    rows.set(p.name, { epoch: p.epoch, trainError: p.trainError });
    if (!io.isTTY) {
      if (p.type === 'checkpoint') {
        io.stderr(`${p.name} epoch ${p.epoch} train error ${(100 * p.trainError).toFixed(2)}%\n`);
      }
      return;
    }
    const now = performance.now();
    if (now - last < 200) return;
    last = now;
    const lines = [...rows].map(([name, r]) => {
      const done = Math.round((24 * r.epoch) / s.maxEpochs);
      return `${name.padEnd(6)} [${'#'.repeat(done)}${'.'.repeat(24 - done)}] epoch ${r.epoch} train error ${(100 * r.trainError).toFixed(2)}%`;
    });
    io.stderr(`${drawn ? `\x1b[${lines.length}A` : ''}${lines.map((l) => `\r\x1b[2K${l}`).join('\n')}\n`);
    drawn = true;
  };
}

/** curves.json and the plot from the state files of `models`. */
async function writeCurves(
  models: readonly RandomLabelsModel[],
  s: Settings,
  plot: string,
): Promise<ExperimentModelSummary[]> {
  // The curves describe every model saved in --out (other runs may train the others), the
  // summary only this run's models.
  const wanted = runSettings(s);
  const read = (name: string) => readModelState(s.out, name).catch(() => null);
  const states = (await Promise.all(RANDOM_LABELS_MODELS.map((m) => read(m.name)))).filter(
    (x): x is StateFile =>
      x !== null && (!x.settings || JSON.stringify(x.settings) === JSON.stringify(wanted)),
  );
  const document = {
    format: CURVES_FORMAT,
    settings: wanted,
    labels: s.labels,
    learningRate: s.learningRate,
    maxEpochs: s.maxEpochs,
    seed: s.seed,
    models: states.map(({ checkpoint: _c, settings: _s, ...rest }) => rest),
  };
  await writeFileSafely(join(s.out, 'curves.json'), JSON.stringify(document));
  const title = `Random-labels MNIST-1D (labels: ${s.labels}), full-batch GD, lr ${s.learningRate}: training error`;
  await writeFileSafely(
    plot,
    randomLabelsSvg(states, title + (s.labels === 'true' ? ' (dashed: test)' : '')),
  );
  return states
    .filter((st) => models.some((m) => m.name === st.name))
    .map((st) => {
      const last = st.curve.at(-1);
      return {
        name: st.name,
        widths: st.widths,
        parameters: st.parameters,
        kernel: st.kernel,
        epoch: st.epoch,
        epochsTo100: st.epochsTo100,
        trainError: last ? last.trainError : null,
        ...(last?.testError === undefined ? {} : { testError: last.testError }),
      };
    });
}

export const experimentCommand: Command = {
  path: ['experiment', 'random-labels'],
  summary:
    'Figure 20.2: four ~15,200-parameter MLPs memorise MNIST-1D with random labels (deeper = fewer epochs).',
  usage:
    'deepnets experiment random-labels [--labels shuffle|uniform|true] [--label-seed S] [--samples N] [--max-epochs N] [--out DIR] [--plot FILE.svg] [--resume] [--checkpoint-every N] [--curve-every N] [--models 1x298,2x100,3x75,4x63] [--parallel P] [--kernel wasm|ts] [--variant auto|simd|relaxed] [--threads 1|2] [--seed S] [--json]',
  run: async (args, io) => {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const s = settingsOf(args);
    const models = modelsOf(args);
    const parallel = integerFlag(args, 'parallel', {
      fallback: Math.min(models.length, availableParallelism(), 4),
      min: 1,
      max: models.length,
    }) as number;
    const plot = stringFlag(args, 'plot', join(s.out, 'curves.svg')) as string;
    await mkdir(s.out, { recursive: true });
    const t0 = performance.now();
    if (args.flags.child === true) {
      const send = (p: Progress) => process.send?.(p);
      await runHere(models, s, send, io.signal);
      return { models: models.map((m) => m.name) };
    }
    const saved = await checkSavedStates({
      dir: s.out,
      models: models.map((m) => m.name),
      known: RANDOM_LABELS_MODELS.map((m) => m.name),
      settings: runSettings(s),
      resume: s.resume,
      warn: io.stderr,
    });
    await removeStaleTemporaries(s.out, models);
    const view = progressView(models, s, io);
    let writing: Promise<unknown> = Promise.resolve();
    const report = (p: Progress) => {
      view(p);
      // A failed write of the curves is reported and retried at the next checkpoint; training goes on.
      if (p.type === 'checkpoint')
        writing = writing
          .then(() => writeCurves(models, s, plot))
          .catch((error: Error) => io.stderr(`deepnets: could not write the curves: ${error.message}\n`));
    };
    const forwarded = forwardedArgs(args);
    try {
      if (parallel === 1) await runHere(models, s, report, io.signal, saved);
      else await runForked(models, parallel, forwarded, report, io.signal);
    } finally {
      await writing;
      await writeCurves(models, s, plot);
    }
    const summary: ExperimentSummary = {
      experiment: 'random-labels',
      labels: s.labels,
      learningRate: s.learningRate,
      maxEpochs: s.maxEpochs,
      seed: s.seed,
      models: await writeCurves(models, s, plot),
      out: s.out,
      curves: join(s.out, 'curves.json'),
      plot,
      ms: Math.round(performance.now() - t0),
    };
    return summary;
  },
  human: (result) => {
    const s = result as ExperimentSummary;
    if (!('experiment' in s)) return JSON.stringify(result);
    const rows = s.models.map(
      (m) =>
        `${m.name.padEnd(6)} ${String(m.parameters).padStart(6)} params  epoch ${String(m.epoch).padStart(8)}  ` +
        `train error ${m.trainError === null ? '-' : `${(100 * m.trainError).toFixed(2)}%`}` +
        (m.testError === undefined ? '' : `  test error ${(100 * m.testError).toFixed(2)}%`) +
        (m.epochsTo100 === null ? '' : `  100% train accuracy at epoch ${m.epochsTo100}`),
    );
    return [
      `random-labels experiment (labels: ${s.labels}, lr ${s.learningRate}, cap ${s.maxEpochs} epochs) in ${s.ms} ms`,
      ...rows,
      `curves: ${s.curves}  plot: ${s.plot}`,
    ].join('\n');
  },
};

/** The flags a child process needs (everything but the process split). */
function forwardedArgs(args: ParsedArgs): string[] {
  const out = ['experiment', 'random-labels'];
  for (const [name, value] of Object.entries(args.flags)) {
    if (['models', 'parallel', 'child', 'json', 'plot'].includes(name)) continue;
    out.push(`--${name}`);
    if (value !== true) out.push(value);
  }
  return [...out, '--json'];
}
