import { describe, expect, it } from 'vitest';
import type { CurvesDocument } from './curves.ts';
import {
  fullRunText,
  LIVE_EXAMPLES,
  liveDoneText,
  RANDOM_LABELS_URL_SCHEMA,
  untrainedModels,
} from './state.ts';

describe('random-labels state', () => {
  it('one range for the slider and the URL', () => {
    expect(RANDOM_LABELS_URL_SCHEMA.n).toMatchObject({
      type: 'integer',
      min: LIVE_EXAMPLES.min,
      max: LIVE_EXAMPLES.max,
    });
  });

  it('the full-run caption names no command and says whether the run is complete', () => {
    expect(fullRunText(undefined).text).toContain('not written its curves yet');
    expect(fullRunText(undefined).text).not.toContain('pnpm');
    const doc = {
      labels: 'shuffle',
      learningRate: 0.0025,
      models: untrainedModels().map((m, i) => ({ ...m, epochsTo100: i === 3 ? 4000 : null, epoch: 5000 })),
    } as unknown as CurvesDocument;
    const { text } = fullRunText(doc);
    expect(text).toContain('4x63 at epoch 4,000');
  });

  it('a live run where models did not finish orders nothing', () => {
    const live = untrainedModels().map((m, i) => ({ ...m, done: true, epochsTo100: i === 0 ? 120 : null }));
    const text = liveDoneText(live, { labels: 'shuffle', maxEpochs: 3000 }, 400, '1.0');
    expect(text).toContain('not within 3,000');
    expect(text).not.toContain('Fastest first');
  });
});
