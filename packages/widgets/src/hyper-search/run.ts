/**
 * Runs a planned search (the trials the grid or random strategy asks for) with the kit's trial
 * runner (kit/trials.ts): each trial initialises its network (seeded, He normal) and trains it
 * through the injected `train`, side by side off the main thread in the docs.
 */
import { runTrials, type SearchCallbacks, type TrialRow } from '../kit/trials.ts';
import type { Dataset, TrainFunction } from '../kit/worker-services.ts';
import { type HyperSearchSettings, planTrials } from './state.ts';

/** Plans, then trains every trial; resolves with the final rows (cancelled ones marked). */
export function runSearch(
  settings: HyperSearchSettings,
  data: Dataset,
  services: { train: TrainFunction; concurrency: number },
  signal: AbortSignal,
  on: SearchCallbacks,
): Promise<TrialRow[]> {
  return runTrials(planTrials(settings), settings, data, services, signal, on);
}
