import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args.ts';
import { type CommandIO, UsageError } from '../command.ts';
import { type Mnist1dJson, type Mnist1dSummary, mnist1dCommand } from './mnist1d.ts';

const written: Record<string, string> = {};
const io: CommandIO = {
  stdout: () => {},
  stderr: () => {},
  readFile: async (path) => Promise.reject(new Error(`ENOENT: ${path}`)),
  writeFile: async (path, text) => {
    written[path] = text;
  },
  isTTY: false,
};
const run = (argv: string[]) => mnist1dCommand.run(parseArgs(argv), io);

describe('deepnets mnist1d', () => {
  it('writes the reference data set with --out and prints the published class counts', async () => {
    const summary = (await run(['--out', 'data.json', '--json'])) as Mnist1dSummary;
    expect(summary.train).toBe(4000);
    expect(summary.test).toBe(1000);
    // Published facts of the reference generator (defaults, seed 42).
    expect(summary.trainClassCounts).toEqual([398, 396, 411, 394, 394, 402, 401, 404, 402, 398]);
    expect(summary.moments.mean).toBeCloseTo(-0.0055075, 7);
    expect(summary.moments.std).toBeCloseTo(0.154678, 6);
    const data = JSON.parse(written['data.json'] as string) as Mnist1dJson;
    expect(data.x.length).toBe(4000);
    expect(data.x[0]?.length).toBe(40);
    // Value of the Python reference: make_dataset(get_dataset_args())['x'][0, 0], round-tripped by JSON.
    expect(data.x[0]?.[0]).toBe(-0.3320056673693902);
    expect(data.xTest.length).toBe(1000);
    expect(mnist1dCommand.human?.(summary)).toContain('398, 396, 411');
  });

  it('prints {x, y, ...} for other sizes and seeds', async () => {
    const data = (await run(['--samples', '50', '--seed', '3', '--json'])) as Mnist1dJson;
    expect(Object.keys(data)).toEqual(['x', 'y', 'xTest', 'yTest', 't', 'moments', 'config']);
    expect(data.y.length).toBe(40);
    expect(data.yTest.length).toBe(10);
    expect(data.config.seed).toBe(3);
    const labels = (await run([
      '--samples',
      '50',
      '--random-labels',
      'uniform',
      '--label-seed',
      '1',
    ])) as Mnist1dJson;
    expect(labels.config.labels).toBe('uniform');
    const plain = (await run(['--samples', '50'])) as Mnist1dJson;
    expect(labels.x).toEqual(plain.x);
  });

  it('rejects bad input with a usage error', async () => {
    await expect(run(['--samples', 'many'])).rejects.toThrow(UsageError);
    await expect(run(['--seed', '-1'])).rejects.toThrow(/--seed/);
    await expect(run(['--random-labels', 'maybe'])).rejects.toThrow(/shuffle/);
    await expect(run(['extra'])).rejects.toThrow(/unexpected/);
  });
});
