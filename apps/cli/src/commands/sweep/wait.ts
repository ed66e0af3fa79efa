/** Follows queued trials (polling the store and the queue) until each is done or failed. */
import { setTimeout as sleep } from 'node:timers/promises';
import { AbortError } from '@deepnets/core';
import type { PlannedTrial } from '@deepnets/trainer';
import type { Queue } from 'bullmq';
import type { CommandIO } from '../../command.ts';
import { sweepProgress } from './progress.ts';
import { queueStatuses, type TrialJobData } from './queue.ts';
import type { TrialStore } from './store.ts';

export async function waitForTrials(
  queue: Queue<TrialJobData>,
  store: TrialStore,
  trials: readonly PlannedTrial[],
  io: CommandIO,
  pollMs = 1000,
): Promise<void> {
  const view = sweepProgress(trials, io);
  const finished = new Set<string>();
  try {
    while (finished.size < trials.length) {
      if (io.signal?.aborted) throw new AbortError('stopped waiting; the trials stay queued');
      const records = (await Promise.all(trials.map((t) => store.summary(t.id)))).filter((r) => r !== null);
      const statuses = await queueStatuses(queue, records);
      for (const r of records) {
        const status = statuses.get(r.id);
        if (finished.has(r.id)) continue;
        if (status === 'done' || status === 'failed') {
          finished.add(r.id);
          view.finished(r.id, status, r.epoch, r.reason);
        } else if (status === 'running') view.epoch(r.id, r.epoch);
      }
      if (finished.size < trials.length)
        await sleep(pollMs, undefined, io.signal ? { signal: io.signal } : {}).catch(() => undefined);
    }
  } finally {
    view.close();
  }
}
