/**
 * The progress view of a sweep on stderr: on a terminal, one bar per running trial and an
 * overall line with the trials done and an estimate of the time left (from the epochs per second
 * so far; an upper bound when trials stop early at 100% training accuracy); otherwise (a log
 * file of a run in the background) one line per finished trial and, every `logEveryMs`, one line
 * with every running trial's epoch.
 */
import type { PlannedTrial } from '@deepnets/trainer';
import type { CommandIO } from '../../command.ts';

/** The most epochs a trial can run. */
export const epochCap = (t: PlannedTrial): number =>
  (t.settings['maxEpochs'] as number | undefined) ?? (t.settings['epochs'] as number);

export interface SweepProgress {
  epoch(id: string, epoch: number): void;
  finished(id: string, status: string, epoch: number, detail?: string): void;
  close(): void;
}

const time = (s: number) =>
  !Number.isFinite(s)
    ? '?'
    : s < 90
      ? `${Math.round(s)} s`
      : s < 5400
        ? `${Math.round(s / 60)} min`
        : `${(s / 3600).toFixed(1)} h`;

/** How often a run without a terminal logs the running trials' epochs: 10 minutes. */
export const LOG_EVERY_MS = 600_000;

export function sweepProgress(
  trials: readonly PlannedTrial[],
  io: CommandIO,
  alreadyDone = 0,
  logEveryMs = LOG_EVERY_MS,
): SweepProgress {
  const running = new Map<string, number>();
  const caps = new Map(trials.map((t) => [t.id, epochCap(t)]));
  let done = alreadyDone;
  let epochsRun = 0;
  let remaining = trials.reduce((sum, t) => sum + epochCap(t), 0);
  const t0 = performance.now();
  let drawn = 0;
  let last = 0;
  let logged = t0;
  const log = () => {
    const now = performance.now();
    if (now - logged < logEveryMs) return;
    logged = now;
    const epochs = [...running].map(([id, epoch]) => `${id} epoch ${epoch}`).join(', ');
    io.stderr(`${new Date().toISOString()} ${done}/${trials.length} trials done; ${epochs}\n`);
  };
  const draw = (force = false) => {
    if (!io.isTTY) {
      if (!force) log();
      return;
    }
    const now = performance.now();
    if (!force && now - last < 200) return;
    last = now;
    const rate = epochsRun / ((now - t0) / 1000);
    const lines = [...running].map(([id, epoch]) => {
      const cap = caps.get(id) ?? 1;
      const filled = Math.round((24 * epoch) / cap);
      return `${id} [${'#'.repeat(filled)}${'.'.repeat(24 - filled)}] epoch ${epoch}/${cap}`;
    });
    lines.push(`${done}/${trials.length} trials done, at most ${time(remaining / rate)} left`);
    io.stderr(`${drawn ? `\x1b[${drawn}A` : ''}${lines.map((l) => `\r\x1b[2K${l}`).join('\n')}\n\x1b[J`);
    drawn = lines.length;
  };
  return {
    epoch(id, epoch) {
      const before = running.get(id) ?? epoch;
      epochsRun += Math.max(0, epoch - before);
      remaining -= Math.max(0, epoch - before);
      running.set(id, epoch);
      draw();
    },
    finished(id, status, epoch, detail) {
      remaining -= Math.max(0, (caps.get(id) ?? 0) - (running.get(id) ?? 0));
      running.delete(id);
      done++;
      if (!io.isTTY)
        io.stderr(
          `${id} ${status} at epoch ${epoch}${detail ? `: ${detail}` : ''} (${done}/${trials.length})\n`,
        );
      draw(true);
    },
    close() {
      draw(true);
    },
  };
}
