/**
 * A Vitest browser command (it runs in Node, on the test server): `deepnets regions` from the
 * CLI package (`@deepnets/cli`'s `main`, the code behind the `deepnets` binary) on the text of a
 * network file, in memory. Browser tests call it through `commands.cliRegions(text, args, files?)`
 * to check that a network exported by a widget counts the same in the CLI as on the page; `files`
 * holds other files the arguments name (e.g. the points of `--plane POINTS.json`).
 */
import type { BrowserCommand } from 'vitest/node';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export const cliRegions: BrowserCommand<
  [text: string, args: string[], files?: Record<string, string>]
> = async (_context, text, args, files = {}): Promise<CliRun> => {
  const { main } = await import('@deepnets/cli');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['regions', 'net.json', ...args, '--json'], {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (path) => {
      if (path === 'net.json') return text;
      const other = files[path];
      if (other === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return other;
    },
    writeFile: async () => {
      throw new Error('regions writes no file');
    },
    isTTY: false,
  });
  return { code, out: out.join(''), err: err.join('') };
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    cliRegions(text: string, args: string[], files?: Record<string, string>): Promise<CliRun>;
  }
}
