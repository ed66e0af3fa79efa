/**
 * Where a sweep keeps its trials: one record per trial with its status and its latest state
 * (checkpoint and curve; only the latest is kept). `dirStore` writes `DIR/trials/ID.json` (the
 * local run, or `sweep worker --store DIR` on a shared file system); `redisStore` (redis-store.ts)
 * keeps the same records in Redis. A record that is `done` or `failed` is never overwritten (a
 * checkpoint still on its way when training diverged must not hide the reason), and a state is
 * never replaced by an older one, so a worker that was wrongly given up for dead cannot undo
 * another's work.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlannedTrial, SweepTrialState } from '@deepnets/trainer';

export type TrialStatus = 'queued' | 'running' | 'done' | 'failed';

export interface TrialRecord extends PlannedTrial {
  status: TrialStatus;
  /** Completed epochs (of the latest state). */
  epoch: number;
  /** Why the trial failed, e.g. the divergence message. */
  reason?: string;
  /** The epochs of the checkpoints the trial was resumed from, one entry per resume. */
  resumedFrom: number[];
  /** `host:pid` of the process that trained it last. */
  worker?: string;
  state?: SweepTrialState;
}

/** A record without its state (status, epoch, worker, reason): cheap to read often. */
export type TrialSummary = Omit<TrialRecord, 'state'>;

/** The summary of a record. */
export const summaryOf = ({ state: _state, ...summary }: TrialRecord): TrialSummary => summary;

export interface TrialStore {
  /** Human-readable place, e.g. the directory or the redacted Redis URL. */
  readonly where: string;
  load(id: string): Promise<TrialRecord | null>;
  /** Writes `record` unless the stored one is done or further along; resolves true when written. */
  save(record: TrialRecord): Promise<boolean>;
  /** The record of `id` without its state. */
  summary(id: string): Promise<TrialSummary | null>;
  /** Every record in the store (with `withState: false`, summaries only). */
  list(withState?: boolean): Promise<TrialRecord[]>;
  close(): Promise<void>;
}

/** True when `next` may replace `current` (see the file comment). */
export function mayReplace(
  current: Pick<TrialRecord, 'status' | 'epoch'> | null,
  next: TrialRecord,
): boolean {
  if (!current) return true;
  if (current.status === 'done' || current.status === 'failed') return false;
  return next.epoch >= current.epoch || next.status === 'failed';
}

/**
 * Writes `text` to `path` through a fresh temporary file (exclusive create, fsync, rename), so a
 * crash leaves either the old or the new file, never half of one.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Records as `DIR/trials/ID.json`. One writer per trial at a time (the queue's lock ensures it). */
export function dirStore(dir: string): TrialStore {
  const folder = join(dir, 'trials');
  const file = (id: string) => join(folder, `${id}.json`);
  const load = async (id: string): Promise<TrialRecord | null> => {
    let text: string;
    try {
      text = await readFile(file(id), 'utf8');
    } catch {
      return null;
    }
    return JSON.parse(text) as TrialRecord;
  };
  return {
    where: dir,
    load,
    summary: async (id) => {
      const record = await load(id);
      return record && summaryOf(record);
    },
    async save(record) {
      await mkdir(folder, { recursive: true });
      if (!mayReplace(await load(record.id), record)) return false;
      await writeFileAtomic(file(record.id), JSON.stringify(record));
      return true;
    },
    async list(withState = true) {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch {
        return [];
      }
      const ids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5));
      const records = (await Promise.all(ids.map(load))).filter((r): r is TrialRecord => r !== null);
      return withState ? records : records.map(summaryOf);
    },
    async close() {},
  };
}
