/**
 * Build-time loader for the section-5 page: the seed bands of committed sweeps
 * (`experiments/sweep-*\/curves.json`, written by `deepnets sweep results`). Only the plots
 * (SVG text, made by the trainer's `sweepSvg`, which escapes every label) and a small table go
 * into the page; nothing when no sweep is committed. Only finished trials are drawn.
 */
import { readFileSync } from 'node:fs';
import { type CurveTrial, type SweepCurves, spread, sweepCurves, sweepSvg } from '@deepnets/trainer';
import { defineLoader } from 'vitepress';

export interface SweepBandRow {
  model: string;
  labels: string;
  seeds: number;
  /** Epochs to 100% training accuracy over the seeds that reached it. */
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  reached: number;
}

export interface SweepBands {
  /** The folder under experiments/ and the spec's key settings. */
  source: string;
  samples: number;
  lr: number;
  maxEpochs: number;
  /** Trials of the spec and how many of them have finished (only those are drawn and counted). */
  trials: number;
  finished: number;
  plots: { labels: string; svg: string }[];
  rows: SweepBandRow[];
}

declare const data: SweepBands[];

export { data };

/** The epoch at which a trial's curve reached 0 training error, if it did. */
const epochsTo100 = (t: CurveTrial): number | null => {
  const last = t.curve.at(-1);
  return last && last.trainError === 0 ? last.epoch : null;
};

export default defineLoader({
  watch: ['../../../experiments/sweep-*/curves.json'],
  load(files: string[]): SweepBands[] {
    return files.sort().flatMap((file) => {
      const all = (JSON.parse(readFileSync(file, 'utf8')) as SweepCurves).trials.filter(
        (t) => t.settings.experiment === 'random-labels',
      );
      if (all.length === 0) return [];
      // A sweep still running (the full-size one is trained across sessions with --resume)
      // shows only its finished trials; the page says how many of all there are.
      const rl = all.filter((t) => t.status === 'done');
      const curves = sweepCurves(rl);
      const first = all[0] as CurveTrial;
      const labelSettings = [...new Set(rl.map((t) => String(t.settings['labels'])))];
      const plots = labelSettings.map((labels) => ({
        labels,
        svg: sweepSvg(
          {
            ...curves,
            groups: curves.groups
              .filter((g) => g.settings['labels'] === labels)
              .map((g) => ({ ...g, label: String(g.settings['model']) })),
          },
          `${labels === 'true' ? 'True' : 'Random'} labels: training error, mean and min-max over seeds`,
        ),
      }));
      const rows = curves.groups.map((g): SweepBandRow => {
        const members = rl.filter((t) => g.trials.includes(t.id));
        const reached = members.map(epochsTo100).filter((e): e is number => e !== null);
        const s = reached.length ? spread(reached) : null;
        return {
          model: String(g.settings['model']),
          labels: String(g.settings['labels']),
          seeds: g.seeds.length,
          mean: s ? s.mean : null,
          sd: s ? s.sd : null,
          min: s ? s.min : null,
          max: s ? s.max : null,
          reached: reached.length,
        };
      });
      return [
        {
          source: file.split('/experiments/')[1]?.replace(/\/curves\.json$/, '') ?? file,
          samples: first.settings['samples'] as number,
          lr: first.settings['lr'] as number,
          maxEpochs: first.settings['maxEpochs'] as number,
          trials: all.length,
          finished: rl.length,
          plots,
          rows,
        },
      ];
    });
  },
});
