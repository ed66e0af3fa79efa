import { describe } from 'vitest';
import { startNodeWorker } from './handles.ts';
import { runnerContract } from './testing/contract.ts';
import { recoveryContract } from './testing/recovery-contract.ts';

/** Real `worker_threads` workers (the built `dist/node-worker.js`) that the tests can kill. */
const harness = {
  sharedAbort: true,
  killable() {
    const workers: { terminate(): Promise<number> }[] = [];
    return {
      createWorker: async () => {
        const handle = await startNodeWorker();
        workers.push(handle.worker);
        return handle;
      },
      kill: (index: number) => void workers[index]?.terminate(),
    };
  },
};

describe('createRunner in Node (worker_threads)', { timeout: 30_000 }, () => runnerContract(harness));
describe('recovery and pools in Node', { timeout: 30_000 }, () => recoveryContract(harness));
