/**
 * `--parallel P` of `deepnets experiment region-density`: every (labels, model) pair is one job, run
 * as a child process of this CLI (`--child`, one pair each), at most P at a time and the deepest
 * models first, so two cores finish the eight jobs of the full setting in about half the time. Each
 * child trains with its own fresh WebAssembly kernel per segment and writes only its own
 * `<labels>-<model>.state.json`, so the results are bit-identical to a run in one process; the
 * parent writes curves.json and the snapshots once every child is done. Progress lines come
 * through the children's stderr. Ctrl-C stops every child (continue with `--resume`).
 */
import { fork } from 'node:child_process';
import { AbortError, DeepnetsError } from '@deepnets/core';
import type { ExperimentLabels, RandomLabelsModel } from '@deepnets/trainer';
import type { ParsedArgs } from '../../command.ts';

export interface DensityJob {
  labels: ExperimentLabels;
  model: RandomLabelsModel;
}

/** Flags a child needs: all but the split itself and the output format. */
export function childArgs(args: ParsedArgs, job: DensityJob): string[] {
  const out = ['experiment', 'region-density'];
  for (const [name, value] of Object.entries(args.flags)) {
    if (['models', 'labels', 'parallel', 'child', 'json'].includes(name)) continue;
    out.push(`--${name}`);
    if (value !== true) out.push(value);
  }
  return [...out, '--models', job.model.name, '--labels', job.labels, '--parallel', '1', '--child', '--json'];
}

/** Runs `jobs` as child processes of this CLI, `parallel` at a time; rejects naming a failed job. */
export async function runJobsForked(
  jobs: readonly DensityJob[],
  parallel: number,
  args: ParsedArgs,
  signal: AbortSignal | undefined,
): Promise<void> {
  const script = process.argv[1] as string;
  // Deeper models first: in the committed run 4x63 took the longest (run.log), and a short job
  // last keeps both lanes busy to the end.
  const queue = [...jobs].sort((a, b) => b.model.hidden.length - a.model.hidden.length);
  const running = new Set<ReturnType<typeof fork>>();
  const stop = () => {
    for (const child of running) child.kill('SIGINT');
  };
  signal?.addEventListener('abort', stop, { once: true });
  const failures: string[] = [];
  const lane = async () => {
    for (let job = queue.shift(); job && !signal?.aborted; job = queue.shift()) {
      const child = fork(script, childArgs(args, job), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      running.add(child);
      const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
      running.delete(child);
      if (code !== 0 && !signal?.aborted) failures.push(`${job.labels} ${job.model.name} (exit ${code})`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  signal?.removeEventListener('abort', stop);
  if (signal?.aborted) throw new AbortError('the experiment was interrupted; continue with --resume');
  if (failures.length > 0)
    throw new DeepnetsError('WORKER_DIED', `the process measuring ${failures.join(', ')} failed`);
}
