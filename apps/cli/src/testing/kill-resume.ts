/**
 * The fault test of the random-labels experiment: runs the real CLI (`dist/bin.js`) with a
 * checkpoint every epoch, kills it with SIGKILL at a random moment while it is writing
 * checkpoints, checks that what is on disk is a valid state whose curve is a prefix of an
 * uninterrupted run's, resumes, and repeats; at the end the curve must equal the uninterrupted
 * run's bit for bit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '@deepnets/core';
import { readModelState } from '../commands/experiment-state.ts';

export const CLI_BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

const MODEL = '1x298';
const RUN = ['experiment', 'random-labels', '--models', MODEL, '--parallel', '1', '--kernel', 'ts'];
const DATA = ['--samples', '100', '--curve-every', '1'];

export interface KillResumeReport {
  kills: number;
  /** Resumes that found the newest file damaged or missing and used `.prev`. */
  fallbacks: number;
  /** Kills that left a temporary file behind: the process died inside a write. */
  midWrite: number;
  /** Epochs saved on disk after each kill. */
  epochs: number[];
  maxEpochs: number;
  ms: number;
}

/** Starts the CLI; resolves with its exit code and stderr; `onLine` sees every stderr line. */
function start(argv: string[], onLine?: (line: string, child: ChildProcess) => void) {
  const child = spawn(process.execPath, [CLI_BIN, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const line of chunk.split('\n')) if (line) onLine?.(line, child);
  });
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

const curveOf = async (dir: string) =>
  JSON.stringify(JSON.parse(await readFile(join(dir, 'curves.json'), 'utf8')).models[0].curve);

/** Kills and resumes the experiment `kills` times (see the module comment); throws on any failure. */
export async function killResume(kills: number, seed = 1): Promise<KillResumeReport> {
  if (!existsSync(CLI_BIN)) throw new Error(`${CLI_BIN} is missing: run pnpm build first`);
  const t0 = performance.now();
  const maxEpochs = 8 * kills + 20;
  const reference = await mkdtemp(join(tmpdir(), 'deepnets-kill-ref-'));
  const whole = await start([...RUN, ...DATA, '--out', reference, '--max-epochs', String(maxEpochs)]).done;
  if (whole.code !== 0) throw new Error(`the uninterrupted run failed: ${whole.stderr}`);
  const expected = JSON.parse(await curveOf(reference)) as unknown[];

  const dir = await mkdtemp(join(tmpdir(), 'deepnets-kill-'));
  const rng = createRng(seed);
  const epochs: number[] = [];
  let fallbacks = 0;
  let midWrite = 0;
  const argv = [...RUN, ...DATA, '--checkpoint-every', '1', '--out', dir, '--max-epochs', String(maxEpochs)];
  for (let k = 0; k < kills; k++) {
    // Wait for the first checkpoint of this process, then kill it 0-60 ms later (a checkpoint
    // takes some 10-90 ms to write, so most kills land inside one).
    let armed = false;
    const run = start(k === 0 ? argv : [...argv, '--resume'], (line, child) => {
      if (armed || !line.startsWith(`${MODEL} epoch`)) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), Math.floor(rng.uniform() * 60));
    });
    const result = await run.done;
    if (result.signal !== 'SIGKILL') throw new Error(`run ${k + 1} was not killed: ${result.stderr}`);
    if (/previous checkpoint/.test(result.stderr)) fallbacks++;
    if ((await readdir(dir)).some((f) => f.endsWith('.tmp'))) midWrite++;
    const state = await readModelState(dir, MODEL, () => {
      fallbacks++;
    });
    if (!state) throw new Error(`after kill ${k + 1} no state is left`);
    const saved = JSON.stringify(state.curve);
    const prefix = JSON.stringify(expected.slice(0, state.curve.length));
    if (saved !== prefix || state.epoch !== state.curve.length)
      throw new Error(
        `after kill ${k + 1} the saved curve (epoch ${state.epoch}) is not the reference's prefix`,
      );
    epochs.push(state.epoch);
  }
  // The rest without a checkpoint per epoch (not a setting of the run: the curve is the same).
  const rest = argv.map((a, i) => (argv[i - 1] === '--checkpoint-every' ? '1000' : a));
  const last = await start([...rest, '--resume']).done;
  if (last.code !== 0) throw new Error(`the last resume failed: ${last.stderr}`);
  if ((await curveOf(dir)) !== JSON.stringify(expected))
    throw new Error('the final curve differs from the uninterrupted run');
  return { kills, fallbacks, midWrite, epochs, maxEpochs, ms: Math.round(performance.now() - t0) };
}
