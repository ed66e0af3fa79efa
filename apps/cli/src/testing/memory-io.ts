/** A `CommandIO` over in-memory files that records stdout and stderr, for running `main` in-process. */
import type { CommandIO } from '../command.ts';

export interface MemoryIO extends CommandIO {
  out: string[];
  err: string[];
  files: Map<string, string>;
}

/** `files` maps a path to its text; reading any other path fails like a missing file. */
export function memoryIO(files: Record<string, string> = {}): MemoryIO {
  const store = new Map(Object.entries(files));
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    files: store,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (path) => {
      const text = store.get(path);
      if (text === undefined)
        throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    writeFile: async (path, text) => {
      store.set(path, text);
    },
    isTTY: false,
  };
}
