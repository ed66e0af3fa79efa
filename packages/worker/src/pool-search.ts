/**
 * A hyper-parameter search whose trials run on a pool's workers, through the trainer's injectable
 * trial runner. The trainer splits train/validation inside `hyperparameterSearch`; the trial
 * runner needs the same split, so it is computed here the same way (same seed, same `Rng`
 * stream, same fraction), which makes every row identical to an in-thread search.
 */
import { createRng } from '@deepnets/core';
import { defaultLossName, hyperparameterSearch, splitSamples } from '@deepnets/trainer';
import type { RunnerApi } from './remote-api.ts';
import type { RemoteSearchOptions, SearchResult, TrialSamples, WireTrialSettings } from './types.ts';

/** Runs `options` as a search with `concurrency` trials in flight, each through `runTrial`. */
export function searchWithTrialRunner(
  runTrial: RunnerApi['runTrial'],
  concurrency: number,
  options: RemoteSearchOptions,
): Promise<SearchResult> {
  const seed = options.seed ?? 0;
  const data = options.data;
  const dataset = 'train' in data ? data : undefined;
  const all = 'train' in data ? data.train : data;
  const v = options.validation ?? 0.2;
  const [train, validation] =
    typeof v === 'number' ? splitSamples(all, v, createRng(seed), 'validation') : [all, v as TrialSamples];
  const settings: WireTrialSettings = {
    // hyperparameterSearch rejects a missing `outputs` before it runs any trial
    outputs: options.outputs ?? dataset?.outputs ?? 0,
    training: { ...(dataset ? { loss: defaultLossName(dataset.task) } : {}), ...options.training },
    ...(options.activation === undefined ? {} : { activation: options.activation }),
    ...(options.init === undefined ? {} : { init: options.init }),
  };
  return hyperparameterSearch({
    ...options,
    concurrency: options.concurrency ?? concurrency,
    runTrial: (spec, signal) => runTrial(train, validation, settings, spec, signal),
  });
}
