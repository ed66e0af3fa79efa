/**
 * State of the `random-labels` widget (pure, Node-testable): options and defaults, the URL schema
 * (one range for the slider and the URL), the live models' state, and the texts derived from it.
 */
import type { Network } from '@deepnets/core';
import { formatBig } from '../depth-kit/bigint.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import type { Mnist1dSource, TrainModel } from '../kit/worker-services.ts';
import {
  type CurvesDocument,
  FIGURE_20_2_MODELS,
  isComplete,
  memorisationOrder,
  modelParameters,
  orderSentence,
} from './curves.ts';

export interface RandomLabelsOptions {
  /** Committed curves of the full run(s): shuffled labels, and true labels if present. */
  curves: CurvesDocument[];
  /** The command that made the curves (shown under "Reproduce", not in the caption). */
  command?: string;
  mnist1d?: Mnist1dSource;
  trainModel?: TrainModel;
  /** Live run: examples, learning rate, epoch cap, labels. */
  examples: number;
  learningRate: number;
  maxEpochs: number;
  labels: 'shuffle' | 'true';
  kernel?: 'ts' | 'wasm';
  urlPrefix?: string;
}

export interface LiveModel {
  name: string;
  parameters: number;
  epoch: number;
  epochsTo100: number | null;
  trainError: number;
  testError?: number;
  curve: { epoch: number; trainError: number; testError?: number }[];
  done: boolean;
  /** The trained network (40 inputs, 10 outputs) once the model finished; absent while it trains. */
  network?: Network;
}

export interface RandomLabelsWidgetState {
  running: boolean;
  labels: 'shuffle' | 'true';
  live: LiveModel[];
  /** Model names ordered by epochs to 100% in the live run (once finished). */
  order: string[];
}

/** The live run's training-set sizes: one range for the slider and the URL. */
export const LIVE_EXAMPLES = { min: 100, max: 1000 } as const;

export const RANDOM_LABELS_URL_SCHEMA: UrlSchema = {
  n: { type: 'integer', ...LIVE_EXAMPLES },
  labels: { type: 'choice', values: ['shuffle', 'true'] },
};

export const DEFAULT_RANDOM_LABELS: Omit<RandomLabelsOptions, 'urlPrefix'> = {
  curves: [],
  examples: 400,
  learningRate: 0.1,
  maxEpochs: 3000,
  labels: 'shuffle',
  kernel: 'wasm',
};

/** The command that makes the full run's curves (shown when none is given). */
export const FULL_RUN_COMMAND = 'pnpm exec deepnets experiment random-labels';

/** The four models of Figure 20.2 before training. */
export const untrainedModels = (): LiveModel[] =>
  FIGURE_20_2_MODELS.map((m) => ({
    name: m.name,
    parameters: modelParameters(m.hidden),
    epoch: 0,
    epochsTo100: null,
    trainError: 1,
    curve: [],
    done: false,
  }));

/** The caption of the full run: what it is and where it stands; no command-line flags. */
export function fullRunText(doc: CurvesDocument | undefined): { text: string; complete: boolean } {
  if (!doc)
    return {
      text: 'The full run has not written its curves yet (it trains for hours on this machine); see Reproduce to make them.',
      complete: false,
    };
  const complete = isComplete(doc);
  const models = doc.models;
  const reached = models
    .filter((m) => m.epochsTo100 !== null)
    .map((m) => `${m.name} at epoch ${formatBig(m.epochsTo100 as number)}`);
  const progress = reached.length
    ? `100% training accuracy: ${reached.join(', ')}.`
    : 'No model has reached 100% training accuracy yet.';
  const end = complete
    ? ` Order: ${memorisationOrder(models).join(' < ')}.`
    : ` Furthest epoch so far: ${formatBig(Math.max(0, ...models.map((m) => m.epoch)))}.`;
  return {
    text: `${complete ? 'Complete' : 'Still running — a snapshot'}: ${models.length} models, full-batch gradient descent, learning rate ${doc.learningRate}, labels ${doc.labels}. ${progress}${end}`,
    complete,
  };
}

/** The sentence after a live run. */
export function liveDoneText(
  live: readonly LiveModel[],
  o: Pick<RandomLabelsOptions, 'labels' | 'maxEpochs'>,
  n: number,
  seconds: string,
): string {
  if (o.labels === 'true') {
    const fit = live.filter((m) => m.epochsTo100 !== null).length;
    const tests = live.map((m) => `${m.name} ${(100 * (1 - (m.testError ?? 1))).toFixed(1)}%`).join(', ');
    return `Done in ${seconds} s. With true labels ${fit} of 4 models fit all ${formatBig(n)} training examples; test accuracy on 1,000 unseen examples: ${tests} (chance is 10%).`;
  }
  const epochs = live
    .map(
      (m) =>
        `${m.name} ${m.epochsTo100 === null ? `not within ${formatBig(o.maxEpochs)}` : formatBig(m.epochsTo100)}`,
    )
    .join(', ');
  return `Done in ${seconds} s. Epochs to memorise ${formatBig(n)} random labels: ${epochs}. ${orderSentence(live, o.maxEpochs)}`;
}
