/** The `deepnets sweep` commands. */
export { sweepPlanCommand } from './plan.ts';
export { sweepResultsCommand } from './results.ts';
export { sweepRunCommand } from './run.ts';
export { sweepStatusCommand } from './status.ts';
export { sweepWorkerCommand } from './worker.ts';
