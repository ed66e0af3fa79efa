/**
 * What `sweep run --json` and `sweep results` print, `{trials: [{id, settings, status, epochs,
 * epochsTo100?, final: {loss, accuracy}}], ms}`, and the curves file with its SVG.
 */
import { type PlannedTrial, type SweepCurves, sweepCurves, sweepSvg } from '@deepnets/trainer';
import type { TrialRecord, TrialStatus } from './store.ts';
import { writeFileAtomic } from './store.ts';

export interface TrialRow {
  id: string;
  settings: PlannedTrial['settings'];
  status: TrialStatus;
  epochs: number;
  epochsTo100?: number | null;
  /** The last epoch's training loss and accuracy (accuracy for classification only). */
  final: { loss: number | null; accuracy?: number };
  reason?: string;
}

export interface SweepReport {
  trials: TrialRow[];
  ms: number;
}

/** The row of one trial; a planned trial with no record yet is `queued`. */
export function trialRow(trial: PlannedTrial, record: TrialRecord | null): TrialRow {
  const last = record?.state?.curve.at(-1);
  return {
    id: trial.id,
    settings: trial.settings,
    status: record?.status ?? 'queued',
    epochs: record?.epoch ?? 0,
    ...(trial.settings.experiment === 'random-labels'
      ? { epochsTo100: record?.state?.epochsTo100 ?? null }
      : {}),
    final: {
      loss: last ? last.loss : null,
      ...(last?.trainError === undefined ? {} : { accuracy: 1 - last.trainError }),
    },
    ...(record?.reason ? { reason: record.reason } : {}),
  };
}

/** The rows of `trials` (plan order) from their records. */
export function reportOf(
  trials: readonly PlannedTrial[],
  records: readonly TrialRecord[],
  ms: number,
): SweepReport {
  const byId = new Map(records.map((r) => [r.id, r]));
  return { trials: trials.map((t) => trialRow(t, byId.get(t.id) ?? null)), ms };
}

/** Writes the curves file (`deepnets.sweep-curves/v1`) and its SVG with seed bands. */
export async function writeCurves(
  records: readonly TrialRecord[],
  curvesPath: string,
  plotPath: string,
): Promise<SweepCurves> {
  const curves = sweepCurves(
    records.map((r) => ({ id: r.id, settings: r.settings, status: r.status, curve: r.state?.curve ?? [] })),
  );
  await writeFileAtomic(curvesPath, JSON.stringify(curves));
  const seeds = Math.max(0, ...curves.groups.map((g) => g.seeds.length));
  await writeFileAtomic(
    plotPath,
    sweepSvg(curves, `Sweep of ${records.length} trials (up to ${seeds} seeds per curve)`),
  );
  return curves;
}

/** Counts of each status. */
export function countStatuses(rows: readonly { status: TrialStatus }[]): Record<TrialStatus, number> {
  const counts: Record<TrialStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
