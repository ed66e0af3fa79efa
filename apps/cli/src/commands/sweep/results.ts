/**
 * `deepnets sweep results [SPEC.json] (--queue redis://HOST:PORT | --out DIR) [--curves FILE]
 * [--plot FILE.svg]`: the report of `sweep run --json` and one curves file with every trial's
 * curve and the mean and spread per model across seeds (`deepnets.sweep-curves/v1`), plus an SVG
 * with bands. Defaults: `DIR/curves.json` and `DIR/curves.svg`, or `sweep-curves.json` and
 * `sweep-curves.svg` here for a queue.
 */
import { join } from 'node:path';
import { stringFlag } from '../../args.ts';
import type { Command } from '../../command.ts';
import { reportOf, writeCurves } from './report.ts';
import { sweepRunCommand } from './run.ts';
import { readTrials } from './sources.ts';

export const sweepResultsCommand: Command = {
  path: ['sweep', 'results'],
  summary: 'The results of a sweep (same JSON as sweep run) plus a curves file and an SVG with seed bands.',
  usage:
    'deepnets sweep results [SPEC.json] (--queue redis://HOST:PORT [--name NAME] [--store DIR] | --out DIR) [--curves FILE.json] [--plot FILE.svg] [--json]',
  run: async (args, io) => {
    const t0 = performance.now();
    const source = await readTrials(args, io, true);
    const out = stringFlag(args, 'out');
    const curves = stringFlag(
      args,
      'curves',
      out === undefined ? 'sweep-curves.json' : join(out, 'curves.json'),
    ) as string;
    const plot = stringFlag(
      args,
      'plot',
      out === undefined ? 'sweep-curves.svg' : join(out, 'curves.svg'),
    ) as string;
    const records = source.records.map((r) => ({ ...r, status: source.statuses.get(r.id) ?? r.status }));
    await writeCurves(records, curves, plot);
    return { ...reportOf(source.trials, records, Math.round(performance.now() - t0)), curves, plot };
  },
  human: (result) => {
    const r = result as { curves: string; plot: string };
    return `${sweepRunCommand.human?.(result)}\ncurves: ${r.curves}  plot: ${r.plot}`;
  },
};
