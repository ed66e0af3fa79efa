import { parseNetworkJson } from '@deepnets/core';
import { evaluateSamples, getDataset } from '@deepnets/trainer';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args.ts';
import { type CommandIO, UsageError } from '../command.ts';
import { main } from '../main.ts';
import { type TrainSummary, trainCommand } from './train.ts';

function makeIO(isTTY = false, files: Record<string, string> = {}) {
  const stderr: string[] = [];
  const io: CommandIO = {
    stdout: () => {},
    stderr: (t) => stderr.push(t),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    writeFile: async (path, text) => {
      files[path] = text;
    },
    isTTY,
  };
  return { io, stderr, files };
}

const run = (argv: string[], io = makeIO().io) =>
  trainCommand.run(parseArgs(argv), io) as Promise<TrainSummary>;
const moons = ['--dataset', 'two-moons', '--hidden', '8,8', '--epochs', '40', '--lr', '0.02', '--seed', '3'];

describe('deepnets train', () => {
  it('trains, prints the curve, and saves a network whose test metrics match the summary', async () => {
    const { io, files, stderr } = makeIO();
    const s = await run([...moons, '--out', 'net.json', '--plot', 'curve.svg'], io);
    expect(s.widths).toEqual([2, 8, 8, 2]);
    expect(s.curve).toHaveLength(40);
    expect(s.curve.map((p) => p.epoch)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(s.examples).toEqual({ train: 160, validation: 40, test: 200 });
    expect(s.final.accuracy).toBeGreaterThan(0.85);
    expect(s.curve.at(-1)?.loss).toBeLessThan(s.curve[0]?.loss as number);
    const net = parseNetworkJson(files['net.json'] as string);
    const test = getDataset('two-moons').generate({ seed: 3 }).test;
    expect(s.test).toEqual(evaluateSamples(net, test, 'softmax-cross-entropy'));
    expect(files['curve.svg']).toMatch(/^<svg[\s\S]*<path d="M[\s\S]*<\/svg>$/);
    expect(stderr).toEqual([]); // not a TTY: no progress
    const text = trainCommand.human?.(s) as string;
    expect(text).toContain('2-8-8-2 relu network');
    expect(text).toContain('wrote net.json');
    expect(text.split('\n').filter((l) => /^\s+\d+\s/.test(l)).length).toBeGreaterThanOrEqual(10);
  });

  it('is deterministic for a seed and shows progress on a TTY', async () => {
    const { io, stderr } = makeIO(true);
    const a = await run(moons, io);
    const b = await run(moons);
    expect({ ...a, ms: 0 }).toEqual({ ...b, ms: 0 });
    expect(stderr.join('')).toContain('epoch 40/40');
  });

  it('trains on a CSV file with named columns', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `${i / 10},${(i % 3) / 2},${2 * (i / 10) - (i % 3) / 2 + 1}`,
    );
    const { io } = makeIO(false, { 'data.csv': ['a,b,y', ...rows].join('\n') });
    const s = await run(
      ['--dataset', 'data.csv', '--hidden', '4', '--epochs', '5', '--lr', '0.01', '--activation', 'identity'],
      io,
    );
    expect(s.widths).toEqual([2, 4, 1]);
    expect(s.loss).toBe('least-squares');
    const bad = makeIO(false, { 'bad.csv': 'a,y\n1,2\nx,3\n' });
    await expect(
      run(['--dataset', 'bad.csv', '--hidden', '2', '--epochs', '1', '--lr', '0.1'], bad.io),
    ).rejects.toThrow(/bad\.csv: line 3, column "a": "x" is not a number/);
  });

  it('rejects bad input with clear messages', async () => {
    await expect(run(['--hidden', '4', '--epochs', '1', '--lr', '0.1'])).rejects.toThrow(UsageError);
    await expect(
      run(['--dataset', 'two-moons', '--hidden', '4,0', '--epochs', '1', '--lr', '0.1']),
    ).rejects.toThrow(/--hidden: entry 2/);
    await expect(
      run(['--dataset', 'moons', '--hidden', '4', '--epochs', '1', '--lr', '0.1']),
    ).rejects.toThrow(/known datasets: .*two-moons/);
    await expect(run([...moons, '--optimizer', 'rmsprop'])).rejects.toThrow(/known optimizers/);
    await expect(
      run([
        '--dataset',
        'regression-1d',
        '--hidden',
        '4',
        '--epochs',
        '50',
        '--lr',
        '1e9',
        '--optimizer',
        'gd',
      ]),
    ).rejects.toMatchObject({ code: 'TRAINING_DIVERGED' });
  });

  it('follows the CLI contract through the dispatcher: one JSON object, exit codes', async () => {
    const out: string[] = [];
    const { io, stderr } = makeIO();
    io.stdout = (t) => out.push(t);
    expect(await main(['train', ...moons, '--epochs', '3', '--json'], io, [trainCommand])).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0] as string).curve).toHaveLength(3);
    expect(await main(['train', '--dataset', 'two-moons'], io, [trainCommand])).toBe(2);
    expect(await main(['train', ...moons, '--dataset', 'moons'], io, [trainCommand])).toBe(1);
    expect(stderr.filter((l) => l.includes('unknown dataset "moons"'))).toHaveLength(1);
  });
});
