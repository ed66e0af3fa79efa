/**
 * Trial records in Redis (see store.ts): a hash per trial, `PREFIX:trial:ID` with the fields
 * `status`, `epoch`, `record` (the JSON record with the latest checkpoint, well under 1 MB for
 * these models) and `summary` (the record without the checkpoint, for status polls), and the set `PREFIX:trials` of every id. A Lua script does the
 * "never overwrite done or failed, never go back in epochs" check and the write in one step.
 */
import type { Redis } from 'ioredis';
import { summaryOf, type TrialRecord, type TrialStore, type TrialSummary } from './store.ts';

const SAVE = `
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'done' or status == 'failed' then return 0 end
local epoch = tonumber(redis.call('HGET', KEYS[1], 'epoch') or '-1')
if ARGV[2] ~= 'failed' and tonumber(ARGV[3]) < epoch then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'epoch', ARGV[3], 'record', ARGV[1], 'summary', ARGV[5])
redis.call('SADD', KEYS[2], ARGV[4])
return 1`;

/** The store under `prefix` on an open client (the store closes it). */
export function redisStore(client: Redis, prefix: string, where: string): TrialStore {
  const key = (id: string) => `${prefix}:trial:${id}`;
  const load = async (id: string): Promise<TrialRecord | null> => {
    const text = await client.hget(key(id), 'record');
    return text ? (JSON.parse(text) as TrialRecord) : null;
  };
  const summary = async (id: string): Promise<TrialSummary | null> => {
    const text = await client.hget(key(id), 'summary');
    return text ? (JSON.parse(text) as TrialSummary) : null;
  };
  return {
    where,
    load,
    summary,
    async save(record) {
      const written = await client.eval(
        SAVE,
        2,
        key(record.id),
        `${prefix}:trials`,
        JSON.stringify(record),
        record.status,
        String(record.epoch),
        record.id,
        JSON.stringify(summaryOf(record)),
      );
      return written === 1;
    },
    async list(withState = true) {
      const ids = (await client.smembers(`${prefix}:trials`)).sort();
      const records = await Promise.all(ids.map(withState ? load : summary));
      return records.filter((r): r is TrialRecord => r !== null);
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
