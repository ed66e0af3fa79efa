import { mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args.ts';
import type { CommandIO } from '../command.ts';
import { type ExperimentSummary, experimentCommand } from './experiment.ts';
import { checkFiniteState, checkStateFile, readModelState } from './experiment-state.ts';

function makeIO() {
  const stderr: string[] = [];
  const io: CommandIO = {
    stdout: () => {},
    stderr: (t) => stderr.push(t),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: async () => {},
    isTTY: false,
  };
  return { io, stderr };
}
const small = ['--models', '1x298', '--parallel', '1', '--kernel', 'ts', '--samples', '60'];
const every = ['--checkpoint-every', '2', '--curve-every', '1'];
const run = async (dir: string, argv: string[], io = makeIO().io) =>
  (await experimentCommand.run(
    parseArgs([...small, ...every, '--out', dir, ...argv]),
    io,
  )) as ExperimentSummary;
const stateOf = async (dir: string) => JSON.parse(await readFile(join(dir, '1x298.state.json'), 'utf8'));

describe('experiment random-labels: saved states are never lost', () => {
  it('refuses to replace a saved state without --resume (STATE_EXISTS), leaving it as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-state-'));
    await run(dir, ['--max-epochs', '6']);
    const before = await readFile(join(dir, '1x298.state.json'), 'utf8');
    await expect(run(dir, ['--max-epochs', '2'])).rejects.toMatchObject({ code: 'STATE_EXISTS' });
    await expect(run(dir, ['--max-epochs', '2'])).rejects.toThrow(/epoch 6\); continue it with --resume/);
    expect(await readFile(join(dir, '1x298.state.json'), 'utf8')).toBe(before);
  }, 60_000);

  it('stores the settings and refuses a resume that changes one, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-state-'));
    await run(dir, ['--max-epochs', '4']);
    expect((await stateOf(dir)).settings).toEqual({
      labels: 'shuffle',
      labelSeed: 42,
      samples: 60,
      learningRate: 0.0025,
      seed: 1,
      kernel: 'ts-f64',
    });
    const cases: [string[], RegExp][] = [
      [['--lr', '1e6'], /--lr: the saved run used 0\.0025, this run asks for 1000000/],
      [['--lr', '1e300'], /--lr: /],
      [['--labels', 'true'], /--labels: the saved run used "shuffle", this run asks for "true"/],
      [['--label-seed', '7'], /--label-seed: /],
      [['--seed', '2'], /--seed: /],
      [['--samples', '80'], /--samples: /],
      [['--kernel', 'wasm'], /--kernel\/--variant \(arithmetic\): the saved run used "ts-f64"/],
    ];
    const before = await readFile(join(dir, '1x298.state.json'), 'utf8');
    for (const [flags, message] of cases) {
      const argv = [...flags, '--max-epochs', '8', '--resume'];
      await expect(run(dir, argv)).rejects.toMatchObject({ code: 'SETTINGS_MISMATCH' });
      await expect(run(dir, argv)).rejects.toThrow(message);
    }
    expect(await readFile(join(dir, '1x298.state.json'), 'utf8')).toBe(before);
    const resumed = await run(dir, ['--max-epochs', '6', '--resume']);
    expect(resumed.models[0]?.epoch).toBe(6);
  }, 60_000);

  it('a diverging run stops with TRAINING_DIVERGED and never writes non-finite numbers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-state-'));
    await expect(
      run(dir, ['--max-epochs', '50', '--lr', '1e300', '--checkpoint-every', '1']),
    ).rejects.toMatchObject({
      code: 'TRAINING_DIVERGED',
    });
    for (const file of (await readdir(dir)).filter((f) => f.includes('.state.json'))) {
      const text = await readFile(join(dir, file), 'utf8');
      expect(text.replaceAll('"epochsTo100":null', '')).not.toMatch(/[[,:]null[\],}]/);
      expect(() => checkStateFile(file, JSON.parse(text))).not.toThrow();
    }
  }, 60_000);

  it('a state holding a non-finite parameter is refused before writing (TRAINING_DIVERGED)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-state-'));
    await run(dir, ['--max-epochs', '1']);
    const state = checkStateFile('s', await stateOf(dir));
    expect(() => checkFiniteState(state)).not.toThrow();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const copy = structuredClone(state);
      (copy.checkpoint.network.layers[1]?.biases as number[])[4] = bad;
      expect(() => checkFiniteState(copy)).toThrow(
        /model 1x298 at epoch 1 has a parameter that is not a finite number/,
      );
    }
  }, 60_000);

  it('falls back to the .prev checkpoint when the newest is truncated, and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-state-'));
    await run(dir, ['--max-epochs', '6']);
    const whole = await mkdtemp(join(tmpdir(), 'deepnets-state-'));
    const reference = await run(whole, ['--max-epochs', '10']);
    const text = await readFile(join(dir, '1x298.state.json'), 'utf8');
    await writeFile(join(dir, '1x298.state.json'), text.slice(0, text.length >> 1));
    const { io, stderr } = makeIO();
    const resumed = await run(dir, ['--max-epochs', '10', '--resume'], io);
    expect(stderr.join('')).toMatch(
      /1x298\.state\.json is damaged .*truncated.*using the previous checkpoint .*\.prev \(epoch 4\)/,
    );
    expect(resumed.models).toEqual(reference.models);
    const curve = async (d: string) =>
      JSON.parse(await readFile(join(d, 'curves.json'), 'utf8')).models[0].curve;
    expect(await curve(dir)).toEqual(await curve(whole));
  }, 60_000);

  it('names the file and what is wrong in a truncated or incomplete state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-state-'));
    await run(dir, ['--max-epochs', '2']);
    const good = await stateOf(dir);
    const file = join(dir, '1x298.state.json');
    const broken: [unknown, RegExp][] = [
      [{ ...good, checkpoint: undefined }, /the field "checkpoint" \(the training state\) is missing/],
      [{ ...good, epoch: null }, /the field "epoch" is missing/],
      [{ ...good, curve: [{ epoch: 1, loss: null, trainError: 0.5 }] }, /curve\[0\] must be/],
      [{ ...good, settings: { ...good.settings, learningRate: null } }, /settings\.learningRate is missing/],
    ];
    for (const [value, message] of broken) {
      await writeFile(file, JSON.stringify(value));
      await expect(readModelState(dir, '1x298')).rejects.toThrow(message);
      await expect(readModelState(dir, '1x298')).rejects.toThrow(file);
    }
    const weights = structuredClone(good);
    weights.checkpoint.network.layers[0].weights[0][3] = null;
    await writeFile(file, JSON.stringify(weights));
    await expect(readModelState(dir, '1x298')).rejects.toThrow(/checkpoint: .*layers\[0\]/);
    await writeFile(file, JSON.stringify(good).slice(0, 157));
    await writeFile(`${file}.prev`, '');
    const error = await readModelState(dir, '1x298').catch((e: Error) => e);
    expect(String(error)).toMatch(
      /state\.json: not complete JSON .*previous checkpoint .*\.prev is unusable too: the file is empty/,
    );
    expect(String(error).length).toBeLessThan(500);
  }, 60_000);

  it('never writes through a symbolic link planted as a state file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-state-'));
    const outside = join(await mkdtemp(join(tmpdir(), 'deepnets-victim-')), 'victim.txt');
    await writeFile(outside, 'precious');
    await symlink(outside, join(dir, 'curves.svg'));
    await expect(run(dir, ['--max-epochs', '2'])).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    expect(await readFile(outside, 'utf8')).toBe('precious');
  }, 60_000);
});
