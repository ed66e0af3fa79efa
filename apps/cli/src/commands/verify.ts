/**
 * `deepnets verify [--experiments DIR] [--json]`: checks the lecture's numbers with our code and
 * prints {claim, source, stated, computed, verdict} rows; exits 1 when a check fails.
 * The committed Figure 20.2 run is read from DIR/random-labels/curves.json (default: the nearest
 * `experiments` folder above the working directory).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Command, UsageError } from '../command.ts';
import { type VerifyReport, verifyLecture } from '../verify/verify-lecture.ts';

/** The nearest `experiments` folder from `start` upwards. */
function findExperiments(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'experiments', 'random-labels'))) return join(dir, 'experiments');
    if (dirname(dir) === dir) return undefined;
  }
}

export const verifyCommand: Command = {
  path: ['verify'],
  summary: 'Check every number of the lecture against our code (stated, computed, verdict).',
  usage: 'deepnets verify [--experiments DIR] [--json]',
  async run(args, io) {
    const flag = args.flags.experiments;
    if (flag === true) throw new UsageError('--experiments needs a folder');
    const dir = flag ?? findExperiments(process.cwd());
    let curves: string | undefined;
    if (dir !== undefined) {
      try {
        curves = await io.readFile(join(dir, 'random-labels', 'curves.json'));
      } catch {
        if (flag !== undefined) throw new UsageError(`--experiments: no random-labels/curves.json in ${dir}`);
      }
    }
    const report = verifyLecture({
      ...(curves === undefined ? {} : { figure202Curves: curves }),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    if (!report.ok)
      io.stderr(`deepnets verify: ${report.verdicts.fails} of ${report.rows.length} checks fail\n`);
    return report;
  },
  exitCode: (result) => ((result as VerifyReport).ok ? 0 : 1),
  human(result) {
    const r = result as VerifyReport;
    const lines = r.rows.map(
      (row) =>
        `${row.verdict === 'fails' ? '✗' : '✓'} ${row.claim}\n    source:   ${row.source}\n    stated:   ${row.stated ?? '—'}\n    computed: ${row.computed}\n    verdict:  ${row.verdict}`,
    );
    const counts = Object.entries(r.verdicts)
      .filter(([, n]) => n > 0)
      .map(([v, n]) => `${n} ${v}`)
      .join(', ');
    return `${lines.join('\n')}\n\n${r.rows.length} claims: ${counts} (${(r.ms / 1000).toFixed(1)} s)`;
  },
};
