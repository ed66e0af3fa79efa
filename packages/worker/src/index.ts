export { type WorkerApi, workerApi } from './api.ts';
export { createRunner, type Runner, type RunnerOptions, type WorkerHandle } from './runner.ts';
