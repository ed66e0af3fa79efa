/**
 * `deepnets sweep plan SPEC.json [--out FILE.jsonl]`: the trials of a sweep, one JSON line
 * `{id, settings}` each (stdout, or FILE). With `--json`: `{trials: [...]}`.
 */
import { stringFlag } from '../../args.ts';
import type { Command } from '../../command.ts';
import { plannedTrials } from './spec-file.ts';

export const sweepPlanCommand: Command = {
  path: ['sweep', 'plan'],
  summary: 'List the trials of a sweep spec (grid of flags) with their stable ids, as JSON lines.',
  usage: 'deepnets sweep plan SPEC.json [--out FILE.jsonl] [--json]',
  run: async (args, io) => {
    const trials = await plannedTrials(args, io);
    const out = stringFlag(args, 'out');
    if (out !== undefined) await io.writeFile(out, trials.map((t) => `${JSON.stringify(t)}\n`).join(''));
    return { trials, ...(out === undefined ? {} : { out }) };
  },
  human: (result) => {
    const r = result as { trials: object[]; out?: string };
    return r.out
      ? `wrote ${r.trials.length} trials to ${r.out}`
      : r.trials.map((t) => JSON.stringify(t)).join('\n');
  },
};
