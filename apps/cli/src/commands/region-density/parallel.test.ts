import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../dist/bin.js', import.meta.url));
const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** curves.json without the measured seconds (the only field that may differ between runs). */
const withoutTimes = (text: string) =>
  JSON.stringify(JSON.parse(text), (key, value) => (key === 'seconds' ? undefined : value));

async function density(parallel: number): Promise<{ dir: string; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), `density-p${parallel}-`));
  dirs.push(dir);
  const args = ['experiment', 'region-density', '--models', '2x100,3x75', '--labels', 'shuffle,true'];
  const small = ['--epochs', '0,2', '--pairs', '3', '--planes', '1', '--out', dir, '--json'];
  const { stdout, stderr } = await run(
    process.execPath,
    [BIN, ...args, ...small, '--parallel', String(parallel)],
    { timeout: 240_000 },
  );
  expect((JSON.parse(stdout) as { parallel: number }).parallel).toBe(parallel);
  return { dir, stderr };
}

describe('deepnets experiment region-density --parallel', () => {
  it('gives the same curves and snapshots, bit for bit, in two processes as in one (wasm kernel)', {
    timeout: 480_000,
  }, async () => {
    const [one, two] = [await density(1), await density(2)];
    // Both runs measured all four (labels, model) pairs at both epochs.
    for (const r of [one, two]) expect(r.stderr.match(/ epoch \d+ \((init|trained)\)/g)).toHaveLength(8);
    const curves = await Promise.all([one, two].map((r) => readFile(join(r.dir, 'curves.json'), 'utf8')));
    expect(withoutTimes(curves[1] as string)).toBe(withoutTimes(curves[0] as string));
    const names = (await readdir(join(one.dir, 'snapshots'))).sort();
    expect(names).toEqual(['shuffle-2x100.json', 'shuffle-3x75.json', 'true-2x100.json', 'true-3x75.json']);
    expect((await readdir(join(two.dir, 'snapshots'))).sort()).toEqual(names);
    for (const name of names) {
      const [a, b] = await Promise.all(
        [one, two].map((r) => readFile(join(r.dir, 'snapshots', name), 'utf8')),
      );
      expect(b).toBe(a);
    }
  });
});
