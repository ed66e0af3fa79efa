import { describe, expect, it } from 'vitest';
import type { Checkpoint } from './checkpoint.ts';
import { isRegularEpoch, recordCurve, resumableCurve } from './curve-recorder.ts';
import type { EpochMetrics } from './train-types.ts';

const cadence = { curveEvery: 10, checkpointEvery: 25 };
const metrics = (epoch: number): EpochMetrics => ({ epoch, loss: 1 / epoch }) as EpochMetrics;
const checkpointAt = (epoch: number) => ({ epoch }) as Checkpoint;

describe('curve recorder', () => {
  it('marks epoch 1, every curveEvery and every checkpointEvery epoch as regular', () => {
    const regular = Array.from({ length: 50 }, (_, i) => i + 1).filter((e) => isRegularEpoch(e, cadence));
    expect(regular).toEqual([1, 10, 20, 25, 30, 40, 50]);
  });

  it('drops the point a stop added, so a resumed curve equals an uninterrupted one', () => {
    const saved = [1, 10, 20, 23, 25].map((epoch) => ({ epoch }));
    expect(resumableCurve(saved, 23, cadence).map((p) => p.epoch)).toEqual([1, 10, 20]);
  });

  it('records regular epochs and the last one, and hands out a final state once', async () => {
    const states: number[][] = [];
    const recorder = recordCurve({
      ...cadence,
      curve: [],
      pointOf: (m) => ({ epoch: m.epoch }),
      stateOf: (_checkpoint, curve) => curve.map((p) => p.epoch),
      onCheckpoint: (state) => {
        states.push(state);
      },
    });
    for (let epoch = 1; epoch <= 27; epoch++) {
      recorder.hooks.onEpoch(metrics(epoch));
      if (epoch % 25 === 0) await recorder.hooks.onCheckpoint(checkpointAt(epoch));
    }
    const final = await recorder.finish(checkpointAt(27));
    expect(final).toEqual([1, 10, 20, 25, 27]);
    expect(states).toEqual([[1, 10, 20, 25], final]);
  });
});
