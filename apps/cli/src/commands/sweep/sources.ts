/**
 * Where `sweep status` and `sweep results` read trials: `--out DIR` (a local run) or
 * `--queue URL` (the Redis store, or `--store DIR`). With a SPEC, only its trials, in plan order;
 * without, every trial the store holds.
 */
import type { PlannedTrial } from '@deepnets/trainer';
import { stringFlag } from '../../args.ts';
import { type CommandIO, type ParsedArgs, UsageError } from '../../command.ts';
import { closeWhenReady, openQueue, openQueueContext, openStore, queueStatuses } from './queue.ts';
import { optionalTrials } from './spec-file.ts';
import { dirStore, type TrialRecord, type TrialStatus } from './store.ts';

export interface TrialSource {
  trials: PlannedTrial[];
  records: TrialRecord[];
  /** Status per trial id (the queue's view when there is a queue). */
  statuses: Map<string, TrialStatus>;
  where: string;
}

/** The trials and their records (`withState: false`: without checkpoints and curves). */
export async function readTrials(args: ParsedArgs, io: CommandIO, withState: boolean): Promise<TrialSource> {
  const planned = await optionalTrials(args, io);
  const out = stringFlag(args, 'out');
  if ((out === undefined) === (args.flags.queue === undefined))
    throw new UsageError('give either --out DIR (a local run) or --queue redis://HOST:PORT');
  const pick = (records: TrialRecord[]) => {
    const trials = planned ?? records.map(({ id, settings }) => ({ id, settings }));
    const ids = new Set(trials.map((t) => t.id));
    return { trials, records: records.filter((r) => ids.has(r.id)) };
  };
  if (out !== undefined) {
    const { trials, records } = pick(await dirStore(out).list(withState));
    return { trials, records, statuses: new Map(records.map((r) => [r.id, r.status])), where: out };
  }
  const ctx = await openQueueContext(args);
  const store = openStore(ctx, args, false);
  const queue = openQueue(ctx);
  try {
    const { trials, records } = pick(await store.list(withState));
    return { trials, records, statuses: await queueStatuses(queue, records), where: ctx.target.shown };
  } finally {
    await closeWhenReady(queue);
    await store.close();
  }
}
