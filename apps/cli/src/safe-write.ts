/**
 * Writing files so that nothing is lost and nothing outside the intended path is touched:
 *
 * - the text goes to a new temporary file beside the target, `<path>.<random hex>.tmp`, opened
 *   with exclusive create and `O_NOFOLLOW` (a planted file or symbolic link of that name makes
 *   the write fail instead of being followed), flushed to disk (`fsync`), then renamed over the
 *   target, so a reader sees the old file or the new one, never half of one;
 * - a target that is a symbolic link is refused (`UNSAFE_PATH`), never followed or replaced;
 * - `keepPrevious` keeps the file being replaced as `<path>.prev` (a hard link, so the target
 *   never disappears; a rename where links are not supported).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DeepnetsError } from '@deepnets/core';

/** Suffix of the kept previous version of a file. */
export const PREVIOUS_SUFFIX = '.prev';

const randomSuffix = () => randomBytes(8).toString('hex');

/** The file's `lstat`, or null when it does not exist. */
async function statOf(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Creates `path` exclusively (never following a link) and writes `text` to disk. */
async function writeNew(path: string, text: string): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  const handle = await open(path, flags, 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory's entries (the renames) to disk where the platform allows it. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some file systems cannot open or sync a directory; the rename is still atomic.
  }
}

/** Refuses a path whose last component is a symbolic link. */
function refuseLink(path: string): never {
  throw new DeepnetsError(
    'UNSAFE_PATH',
    'is a symbolic link; deepnets never writes through one (remove it or choose another path)',
    path,
  );
}

/** Keeps the current `path` as `path.prev`, atomically replacing an older `.prev`. */
async function keepAsPrevious(path: string): Promise<void> {
  const previous = path + PREVIOUS_SUFFIX;
  const staged = `${previous}.${randomSuffix()}.tmp`;
  try {
    await link(path, staged);
    await rename(staged, previous);
  } catch {
    await unlink(staged).catch(() => undefined);
    await rename(path, previous);
  }
}

/**
 * Writes `text` to `path` through an exclusive temporary file and a rename (see the module
 * comment). Rejects with `UNSAFE_PATH` when `path` (or its `.prev`) is a symbolic link. A path
 * that exists but is not a regular file (`/dev/null`, a FIFO) is written in place, still
 * without following a link.
 */
export async function writeFileSafely(
  path: string,
  text: string,
  options: { keepPrevious?: boolean } = {},
): Promise<void> {
  const current = await statOf(path);
  if (current?.isSymbolicLink()) refuseLink(path);
  if (current && !current.isFile()) {
    const handle = await open(path, constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    return;
  }
  if (options.keepPrevious && (await statOf(path + PREVIOUS_SUFFIX))?.isSymbolicLink())
    refuseLink(path + PREVIOUS_SUFFIX);
  const temporary = `${path}.${randomSuffix()}.tmp`;
  try {
    await writeNew(temporary, text);
    if (options.keepPrevious && current) await keepAsPrevious(path);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}
