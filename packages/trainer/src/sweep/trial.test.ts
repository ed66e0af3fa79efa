import { describe, expect, it } from 'vitest';
import { type CurveGroup, sweepCurves } from './curves.ts';
import { planSweep } from './plan.ts';
import { sweepSvg } from './plot.ts';
import { parseSweepSpec } from './spec.ts';
import { runSweepTrial, type SweepTrialState } from './trial.ts';

const plan = (spec: object) => planSweep(parseSweepSpec(spec));

describe('sweep trials', () => {
  it.each([
    [
      'train',
      {
        experiment: 'train',
        dataset: 'two-moons',
        hidden: '8,8',
        epochs: 60,
        lr: 0.01,
        checkpointEvery: 20,
        curveEvery: 7,
      },
    ],
    [
      'random-labels',
      {
        experiment: 'random-labels',
        models: '2x100',
        samples: 60,
        lr: 0.05,
        maxEpochs: 60,
        checkpointEvery: 20,
        curveEvery: 7,
      },
    ],
  ])('a %s trial resumed from a checkpoint ends bit-identical to one run in one go', async (_kind, spec) => {
    const [trial] = plan(spec);
    if (!trial) throw new Error('no trial');
    const states: SweepTrialState[] = [];
    const whole = await runSweepTrial(trial, { onCheckpoint: (s) => void states.push(structuredClone(s)) });
    expect(states.map((s) => s.epoch)).toEqual([20, 40, whole.epoch]);
    expect(whole.done).toBe(true);
    expect(whole.epochsTo100 === null ? whole.epoch === 60 : whole.epoch === whole.epochsTo100).toBe(true);
    const resumed = await runSweepTrial(trial, { resume: states[0] as SweepTrialState });
    expect(resumed.checkpoint).toEqual(whole.checkpoint);
    expect(resumed.curve).toEqual(whole.curve);
    expect(whole.curve.map((p) => p.epoch).slice(0, 10)).toEqual([1, 7, 14, 20, 21, 28, 35, 40, 42, 49]);
    expect(whole.curve.every((p) => p.trainError !== undefined && Number.isFinite(p.loss))).toBe(true);
  });

  it.each([
    [
      'train',
      {
        experiment: 'train',
        dataset: 'two-moons',
        hidden: 6,
        epochs: 50,
        lr: 0.01,
        checkpointEvery: 20,
        curveEvery: 3,
      },
    ],
    [
      'random-labels',
      {
        experiment: 'random-labels',
        models: '4x63',
        samples: 40,
        lr: 0.01,
        maxEpochs: 50,
        checkpointEvery: 20,
        curveEvery: 3,
      },
    ],
  ])(
    'a %s trial stopped between checkpoints resumes to the curve of a run in one go',
    async (_kind, spec) => {
      const [trial] = plan(spec);
      if (!trial) throw new Error('no trial');
      const whole = await runSweepTrial(trial);
      const controller = new AbortController();
      let stopped: SweepTrialState | undefined;
      await expect(
        runSweepTrial(trial, {
          signal: controller.signal,
          onEpoch: (m) => m.epoch === 31 && controller.abort(),
          onCheckpoint: (s) => {
            stopped = structuredClone(s);
          },
        }),
      ).rejects.toMatchObject({ code: 'ABORTED' });
      expect(stopped?.epoch).toBe(31);
      expect(stopped?.curve.at(-1)?.epoch).toBe(31); // the stop is on the stored curve ...
      const resumed = await runSweepTrial(trial, { resume: stopped as SweepTrialState });
      expect(resumed.curve).toEqual(whole.curve); // ... and not on the resumed one
      expect(resumed.checkpoint).toEqual(whole.checkpoint);
    },
  );

  it('a diverging trial rejects with TRAINING_DIVERGED', async () => {
    const [trial] = plan({
      experiment: 'train',
      dataset: 'two-moons',
      hidden: 8,
      epochs: 50,
      lr: 1e30,
      optimizer: 'gd',
    });
    await expect(runSweepTrial(trial as never)).rejects.toMatchObject({ code: 'TRAINING_DIVERGED' });
  });

  it('groups seeds into bands whose mean and spread match a direct computation', () => {
    const trials = plan({ experiment: 'random-labels', models: ['1x298', '4x63'], seeds: [1, 2, 3] }).map(
      (t, i) => ({
        ...t,
        status: 'done',
        curve: [
          { epoch: 1, loss: 1, trainError: 0.9 - 0.01 * i },
          { epoch: 10 + i, loss: 0.5, trainError: 0.1 * i },
        ],
      }),
    );
    const curves = sweepCurves(trials);
    expect(curves.groups.map((g) => g.label)).toEqual(
      ['models=1x298', 'models=4x63'].map((l) => l.replace('models', 'model')),
    );
    const g = curves.groups[0];
    expect(g?.seeds).toEqual([1, 2, 3]);
    // epoch 11: trial 0 ended at 10 (0), trial 1 reached 0.1 at 11, trial 2 is still at 0.88.
    const at11 = g?.band.find((p) => p.epoch === 11);
    const values = [0, 0.1, 0.88];
    const mean = values.reduce((a, b) => a + b) / 3;
    expect(at11?.mean).toBeCloseTo(mean, 15);
    expect(at11?.sd).toBeCloseTo(Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / 2), 15);
    expect([at11?.min, at11?.max]).toEqual([0, 0.88]);
    const svg = sweepSvg(curves, 'a <title> & "quotes"');
    expect(svg).toContain('a &lt;title&gt; &amp; &quot;quotes&quot;');
    expect(svg.match(/fill-opacity="0.2"/g)).toHaveLength(2);
    expect(sweepSvg({ ...curves, groups: [{ ...(g as CurveGroup), label: `<script>'x'` }] }, 't')).toContain(
      '&lt;script&gt;&#39;x&#39;',
    );
  });
});
