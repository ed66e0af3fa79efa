import { lstat, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSafely } from './safe-write.ts';

const temp = () => mkdtemp(join(tmpdir(), 'deepnets-write-'));

describe('writeFileSafely', () => {
  it('replaces the file whole, leaves no temporary behind, and keeps the previous version', async () => {
    const dir = await temp();
    const path = join(dir, 'a.json');
    await writeFileSafely(path, 'one', { keepPrevious: true });
    await writeFileSafely(path, 'two', { keepPrevious: true });
    await writeFileSafely(path, 'three', { keepPrevious: true });
    expect(await readFile(path, 'utf8')).toBe('three');
    expect(await readFile(`${path}.prev`, 'utf8')).toBe('two');
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'a.json.prev']);
  });

  it('refuses to write through a symbolic link (the target outside stays untouched)', async () => {
    const dir = await temp();
    const outside = join(await temp(), 'victim.txt');
    await writeFile(outside, 'precious');
    await symlink(outside, join(dir, 'plot.svg'));
    await expect(writeFileSafely(join(dir, 'plot.svg'), '<svg/>')).rejects.toMatchObject({
      code: 'UNSAFE_PATH',
    });
    await symlink(outside, join(dir, 's.json.prev'));
    await writeFile(join(dir, 's.json'), 'old');
    await expect(writeFileSafely(join(dir, 's.json'), 'new', { keepPrevious: true })).rejects.toThrow(
      /s\.json\.prev: is a symbolic link/,
    );
    expect(await readFile(outside, 'utf8')).toBe('precious');
    expect((await lstat(join(dir, 'plot.svg'))).isSymbolicLink()).toBe(true);
  });

  it('temporary names are random, so symbolic links planted at the old predictable names are never followed', async () => {
    const dir = await temp();
    const outside = join(await temp(), 'victim.txt');
    await writeFile(outside, 'precious');
    const path = join(dir, 'm.state.json');
    // The old scheme was `<path>.<pid>.<n>.tmp`; plant links at the first names it would use.
    for (let n = 1; n <= 20; n++) await symlink(outside, `${path}.${process.pid}.${n}.tmp`);
    for (let i = 0; i < 5; i++) await writeFileSafely(path, `state ${i}`, { keepPrevious: true });
    expect(await readFile(outside, 'utf8')).toBe('precious');
    expect(await readFile(path, 'utf8')).toBe('state 4');
  });

  it('writes in place to a path that is not a regular file (e.g. /dev/null)', async () => {
    await expect(writeFileSafely('/dev/null', 'x')).resolves.toBeUndefined();
  });
});
