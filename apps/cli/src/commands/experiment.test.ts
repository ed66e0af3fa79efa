import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args.ts';
import { type CommandIO, UsageError } from '../command.ts';
import { CURVES_FORMAT, type ExperimentSummary, experimentCommand } from './experiment.ts';

const io: CommandIO = {
  stdout: () => {},
  stderr: () => {},
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: async () => {},
  isTTY: false,
};
const run = async (argv: string[]) => (await experimentCommand.run(parseArgs(argv), io)) as ExperimentSummary;
const common = ['--models', '4x63', '--parallel', '1', '--checkpoint-every', '2', '--curve-every', '1'];

describe('deepnets experiment random-labels', () => {
  it('writes state files, curves.json and the plot, and --resume continues exactly', async () => {
    const a = await mkdtemp(join(tmpdir(), 'deepnets-rl-'));
    const b = await mkdtemp(join(tmpdir(), 'deepnets-rl-'));
    const first = await run([...common, '--out', a, '--max-epochs', '3', '--json']);
    expect(first.models).toMatchObject([{ name: '4x63', parameters: 15319, epoch: 3, epochsTo100: null }]);
    expect(first.models[0]?.trainError).toBeGreaterThan(0.8); // random labels: about 90% wrong at first
    const resumed = await run([
      ...common,
      '--out',
      a,
      '--max-epochs',
      '5',
      '--resume',
      '--plot',
      join(a, 'p.svg'),
    ]);
    const whole = await run([...common, '--out', b, '--max-epochs', '5']);
    expect(whole.models[0]?.trainError).toBe(resumed.models[0]?.trainError);
    expect(resumed.models[0]?.epoch).toBe(5);
    const curves = JSON.parse(await readFile(join(a, 'curves.json'), 'utf8'));
    const wholeCurves = JSON.parse(await readFile(join(b, 'curves.json'), 'utf8'));
    expect(curves.format).toBe(CURVES_FORMAT);
    expect(curves.labels).toBe('shuffle');
    expect(curves.models[0].curve.map((p: { epoch: number }) => p.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(curves.models[0].curve).toEqual(wholeCurves.models[0].curve);
    expect(await readFile(join(a, 'p.svg'), 'utf8')).toContain('<svg');
    expect(await readFile(join(b, 'curves.svg'), 'utf8')).toContain('4x63');
    expect(experimentCommand.human?.(resumed)).toContain('4x63');
  }, 60_000);

  it('--threads 2 (the two-thread kernel) gives the same curve as one thread', async () => {
    const one = await mkdtemp(join(tmpdir(), 'deepnets-rl-'));
    const two = await mkdtemp(join(tmpdir(), 'deepnets-rl-'));
    await run([...common, '--out', one, '--max-epochs', '3', '--models', '1x298']);
    await run([...common, '--out', two, '--max-epochs', '3', '--models', '1x298', '--threads', '2']);
    const curve = async (dir: string) =>
      JSON.parse(await readFile(join(dir, 'curves.json'), 'utf8')).models[0].curve;
    expect(await curve(two)).toEqual(await curve(one));
    await expect(run(['--threads', '2', '--kernel', 'ts'])).rejects.toThrow(UsageError);
  }, 60_000);

  it('two runs with different --models can share --out (each writes through its own temporary files)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-rl-'));
    const one = ['--parallel', '1', '--checkpoint-every', '1', '--curve-every', '1', '--out', dir];
    const [a, b] = await Promise.all([
      run([...one, '--models', '4x63', '--max-epochs', '4']),
      run([...one, '--models', '3x75', '--max-epochs', '4']),
    ]);
    expect(a.models[0]?.epoch).toBe(4);
    expect(b.models[0]?.epoch).toBe(4);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(a.models.map((m) => m.name)).toEqual(['4x63']);
    // curves.json holds every model saved in the directory, whichever run wrote it last.
    const curves = JSON.parse(await readFile(join(dir, 'curves.json'), 'utf8'));
    expect(curves.models.map((m: { name: string }) => m.name)).toEqual(['3x75', '4x63']);
  }, 60_000);

  it('--labels true also measures test error (generalisation comparison)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-rl-'));
    const r = await run([
      ...common,
      '--out',
      dir,
      '--max-epochs',
      '2',
      '--labels',
      'true',
      '--models',
      '3x75',
    ]);
    expect(r.labels).toBe('true');
    expect(r.models[0]?.name).toBe('3x75');
    expect(r.models[0]?.testError).toBeGreaterThan(0);
    expect(r.models[0]?.testError).toBeLessThan(1);
  }, 60_000);

  it('rejects unknown labels and models', async () => {
    await expect(run(['--labels', 'noisy'])).rejects.toThrow(UsageError);
    await expect(run(['--models', '5x5'])).rejects.toThrow(/known: 1x298, 2x100, 3x75, 4x63/);
  });
});
