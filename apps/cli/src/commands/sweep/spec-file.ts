/** Reads a sweep spec file (first positional) and plans its trials. */
import { type PlannedTrial, parseSweepSpec, planSweep } from '@deepnets/trainer';
import type { CommandIO, ParsedArgs } from '../../command.ts';
import { UsageError } from '../../command.ts';

/** The trials of the spec file named by the first positional argument. */
export async function plannedTrials(args: ParsedArgs, io: CommandIO): Promise<PlannedTrial[]> {
  const [path, extra] = args.positionals;
  if (path === undefined) throw new UsageError('SPEC.json is required (the sweep spec)');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const grids = parseSweepSpec(text);
  return planSweep(grids);
}

/** The trials of the spec file when one is given, else undefined. */
export async function optionalTrials(args: ParsedArgs, io: CommandIO): Promise<PlannedTrial[] | undefined> {
  return args.positionals.length ? plannedTrials(args, io) : undefined;
}
