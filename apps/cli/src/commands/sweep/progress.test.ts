import type { PlannedTrial } from '@deepnets/trainer';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../command.ts';
import { sweepProgress } from './progress.ts';

const trials = ['a', 'b'].map(
  (id): PlannedTrial => ({ id, settings: { experiment: 'train', seed: 1, epochs: 100 } }) as PlannedTrial,
);
const ioFor = (isTTY: boolean, lines: string[]): CommandIO => ({
  stdout: () => {},
  stderr: (text) => lines.push(text),
  readFile: async () => '',
  writeFile: async () => {},
  isTTY,
});

describe('sweep progress', () => {
  it('logs every running trial epoch to a log file, then one line per finished trial', () => {
    const lines: string[] = [];
    const view = sweepProgress(trials, ioFor(false, lines), 0, 0);
    view.epoch('a', 10);
    view.epoch('b', 20);
    expect(lines.at(-1)).toMatch(/0\/2 trials done; a epoch 10, b epoch 20\n$/);
    view.finished('a', 'done', 100);
    expect(lines.at(-1)).toBe('a done at epoch 100 (1/2)\n');
  });

  it('waits logEveryMs between two log lines', () => {
    const lines: string[] = [];
    const view = sweepProgress(trials, ioFor(false, lines), 0, 60_000);
    view.epoch('a', 10);
    view.epoch('a', 20);
    expect(lines).toEqual([]);
  });

  it('draws one bar per running trial on a terminal', () => {
    const lines: string[] = [];
    const view = sweepProgress(trials, ioFor(true, lines));
    view.epoch('a', 50);
    expect(lines.join('')).toContain('a [############............] epoch 50/100');
  });
});
