/**
 * The BullMQ side of `deepnets sweep`: one queue per sweep name (`--name`, default
 * `deepnets-sweep`) whose jobs are trials with job id = trial id, so adding a trial that is
 * already queued, running or done adds nothing. Trial records (checkpoints, results) live in the
 * store: Redis keys `deepnets:sweep:NAME:*` by default, or `--store DIR`.
 */

import type { PlannedTrial } from '@deepnets/trainer';
import { type Job, Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { stringFlag } from '../../args.ts';
import { type ParsedArgs, UsageError } from '../../command.ts';
import { redisStore } from './redis-store.ts';
import { checkRedis, type RedisTarget, redisTarget } from './redis-url.ts';
import { dirStore, type TrialStatus, type TrialStore, type TrialSummary } from './store.ts';

export const DEFAULT_QUEUE_NAME = 'deepnets-sweep';

export interface QueueContext {
  target: RedisTarget;
  /** The BullMQ queue name. */
  name: string;
}

/** The job payload. */
export interface TrialJobData {
  trial: PlannedTrial;
}

/** Parses `--queue` and `--name` and checks (bounded) that Redis answers and accepts the login. */
export async function openQueueContext(args: ParsedArgs): Promise<QueueContext> {
  const url = stringFlag(args, 'queue');
  if (url === undefined) throw new UsageError('--queue redis://HOST:PORT is required');
  const name = stringFlag(args, 'name', DEFAULT_QUEUE_NAME) as string;
  if (!/^[\w.-]{1,64}$/.test(name))
    throw new UsageError(`--name must be letters, digits, . - _ (no ":"), got "${name}"`);
  const target = redisTarget(url);
  await checkRedis(target);
  return { target, name };
}

/**
 * ioredis options for BullMQ and the store. A `persistent` connection (a worker) reconnects
 * forever with a backoff up to 2 s (a Redis restart is survived); a short-lived command gives up
 * after a few tries so it never hangs.
 */
export function connectionOptions(ctx: QueueContext, persistent: boolean): RedisOptions {
  return {
    ...ctx.target.options,
    maxRetriesPerRequest: persistent ? null : 3,
    retryStrategy: (times) => (persistent ? Math.min(200 * times, 2000) : times > 5 ? null : 200 * times),
  };
}

/** The trial store: `--store DIR` when given, else Redis. */
export function openStore(ctx: QueueContext, args: ParsedArgs, persistent: boolean): TrialStore {
  const dir = stringFlag(args, 'store');
  if (dir !== undefined) return dirStore(dir);
  const client = new Redis(connectionOptions(ctx, persistent));
  client.on('error', () => undefined); // reported by the calls that fail
  return redisStore(client, `deepnets:sweep:${ctx.name}`, ctx.target.shown);
}

/**
 * Closes a BullMQ queue or worker once its connections are set up: closing one that is still
 * connecting makes BullMQ reject an internal promise nobody awaits ("Connection is closed").
 */
export async function closeWhenReady(x: {
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
}): Promise<void> {
  await x.waitUntilReady().catch(() => undefined);
  await x.close();
}

export function openQueue(ctx: QueueContext): Queue<TrialJobData> {
  const queue = new Queue<TrialJobData>(ctx.name, { connection: connectionOptions(ctx, false) });
  queue.on('error', () => undefined);
  return queue;
}

/**
 * Adds the trials that are neither done in the store nor already a job; resolves with the ids
 * added. Each new trial also gets a `queued` record, so `sweep status` lists it.
 */
export async function enqueueTrials(
  queue: Queue<TrialJobData>,
  store: TrialStore,
  trials: readonly PlannedTrial[],
): Promise<string[]> {
  const fresh: PlannedTrial[] = [];
  for (const trial of trials) {
    const record = await store.summary(trial.id);
    if (record?.status === 'done') continue;
    if (await queue.getJob(trial.id)) continue;
    if (!record) await store.save({ ...trial, status: 'queued', epoch: 0, resumedFrom: [] });
    fresh.push(trial);
  }
  await queue.addBulk(
    fresh.map((trial) => ({
      name: 'trial',
      data: { trial },
      opts: { jobId: trial.id, attempts: 1, removeOnComplete: false, removeOnFail: false },
    })),
  );
  return fresh.map((t) => t.id);
}

const STATE_OF: Record<string, TrialStatus> = {
  completed: 'done',
  failed: 'failed',
  active: 'running',
  waiting: 'queued',
  delayed: 'queued',
  prioritized: 'queued',
  'waiting-children': 'queued',
};

/** The status of each record: the queue's view of its job where there is one, else the record's. */
export async function queueStatuses(
  queue: Queue<TrialJobData>,
  records: readonly TrialSummary[],
): Promise<Map<string, TrialStatus>> {
  const out = new Map<string, TrialStatus>();
  for (const record of records) {
    const state = await queue.getJobState(record.id);
    out.set(record.id, record.status === 'done' ? 'done' : (STATE_OF[state] ?? record.status));
  }
  return out;
}

/** The failure reason BullMQ recorded for a job, if any. */
export async function failedReason(queue: Queue<TrialJobData>, id: string): Promise<string | undefined> {
  const job: Job<TrialJobData> | undefined = await queue.getJob(id);
  return job?.failedReason || undefined;
}
