/**
 * `deepnets sweep status [SPEC.json] (--queue redis://HOST:PORT | --out DIR)`: queued / running /
 * done / failed per trial, with its epoch, the worker that has it and why it failed.
 */
import type { Command } from '../../command.ts';
import { countStatuses } from './report.ts';
import { readTrials } from './sources.ts';
import type { TrialStatus } from './store.ts';

interface StatusRow {
  id: string;
  status: TrialStatus;
  epoch: number;
  worker?: string;
  resumedFrom: number[];
  reason?: string;
}

export const sweepStatusCommand: Command = {
  path: ['sweep', 'status'],
  summary: 'Queued / running / done / failed per trial of a sweep, with epochs.',
  usage:
    'deepnets sweep status [SPEC.json] (--queue redis://HOST:PORT [--name NAME] [--store DIR] | --out DIR) [--json]',
  run: async (args, io) => {
    const source = await readTrials(args, io, false);
    const byId = new Map(source.records.map((r) => [r.id, r]));
    const trials: StatusRow[] = source.trials.map((t) => {
      const r = byId.get(t.id);
      return {
        id: t.id,
        status: source.statuses.get(t.id) ?? 'queued',
        epoch: r?.epoch ?? 0,
        ...(r?.worker ? { worker: r.worker } : {}),
        resumedFrom: r?.resumedFrom ?? [],
        ...(r?.reason ? { reason: r.reason } : {}),
      };
    });
    return { where: source.where, counts: countStatuses(trials), trials };
  },
  human: (result) => {
    const r = result as { where: string; counts: Record<string, number>; trials: StatusRow[] };
    return [
      `${r.where}: ${Object.entries(r.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
      ...r.trials.map(
        (t) =>
          `${t.id}  ${t.status.padEnd(7)} epoch ${String(t.epoch).padStart(7)}` +
          (t.worker ? `  ${t.worker}` : '') +
          (t.resumedFrom.length ? `  resumed from ${t.resumedFrom.join(', ')}` : '') +
          (t.reason ? `  (${t.reason})` : ''),
      ),
    ].join('\n');
  },
};
