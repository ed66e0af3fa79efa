import { describe } from 'vitest';
import DeepnetsWorker from './browser-worker.ts?worker';
import { runnerContract } from './testing/contract.ts';
import { recoveryContract } from './testing/recovery-contract.ts';

/** Module Web Workers bundled by Vite; `terminate()` on one is how a test kills it. */
const harness = {
  sharedAbort: typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true,
  killable() {
    const workers: Worker[] = [];
    return {
      createWorker: () => {
        const worker = new DeepnetsWorker();
        workers.push(worker);
        return worker;
      },
      kill: (index: number) => workers[index]?.terminate(),
    };
  },
};

describe('createRunner in Chromium (module Web Worker)', { timeout: 30_000 }, () => runnerContract(harness));
describe('recovery and pools in Chromium', { timeout: 30_000 }, () => recoveryContract(harness));
