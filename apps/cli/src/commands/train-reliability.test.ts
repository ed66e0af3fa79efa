import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../command.ts';
import { defaultIO, main } from '../main.ts';

function capture(base: CommandIO = defaultIO()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { ...base, stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false };
  return { io, out, err };
}

describe('deepnets train: divergence, sizes and plots', () => {
  it('--lr 1e6 stops with TRAINING_DIVERGED: exit 1, one line, no network written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-train-'));
    const { io, err } = capture();
    const out = join(dir, 'net.json');
    const argv = ['train', '--dataset', 'regression-1d', '--hidden', '16,16', '--epochs', '20'];
    const code = await main([...argv, '--lr', '1e6', '--out', out], io);
    expect(code).toBe(1);
    expect(err.join('').trim().split('\n')).toHaveLength(1);
    expect(err.join('')).toMatch(/training diverged in epoch \d+ .*\[TRAINING_DIVERGED\]/);
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('--hidden 100000,100000 is refused at once, naming the size and the limit', async () => {
    const { io, err } = capture();
    const code = await main(
      ['train', '--dataset', 'two-moons', '--hidden', '100000,100000', '--epochs', '1', '--lr', '0.1'],
      io,
    );
    expect(code).toBe(1);
    // Reaching the allocation would exhaust memory (or time out this test) instead.
    expect(err.join('')).toMatch(/needs about \d+ MiB, more than the limit of 2048 MiB.*\[TOO_LARGE\]/);
  });

  it('--plot escapes the data set path: a file named <script> gives no script element', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deepnets-train-'));
    // The path itself reads a<script>alert(1)</script>&.csv (the "/" is a directory separator).
    await mkdir(join(dir, 'a<script>alert(1)<'));
    const csv = join(dir, 'a<script>alert(1)<', 'script>&.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `${i / 30},${(2 * i) / 30}`);
    await writeFile(csv, `x,y\n${rows.join('\n')}\n`);
    const plot = join(dir, 'plot.svg');
    const { io } = capture();
    const argv = ['train', '--dataset', csv, '--hidden', '4', '--epochs', '3', '--lr', '0.01'];
    expect(await main([...argv, '--plot', plot], io)).toBe(0);
    const svg = await readFile(plot, 'utf8');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('a&lt;script&gt;alert(1)&lt;/script&gt;&amp;.csv');
  });
});
