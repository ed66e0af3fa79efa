/**
 * Vitest browser commands (they run in Node, on the test server) that call the CLI package
 * (`@deepnets/cli`'s `main`, the code behind the `deepnets` binary) in memory. Browser tests call
 * `commands.cliRegions(text, args)` to check that a network exported by a widget counts the same
 * in the CLI as on the page, and `commands.cliRun(args, files)` for any other command (e.g.
 * `construct max-regions`, whose stdout is a network file a widget then opens).
 */
import type { BrowserCommand } from 'vitest/node';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `deepnets ...args` with `files` (name -> text) as the only readable files; nothing is written. */
async function runCli(args: string[], files: Record<string, string>): Promise<CliRun> {
  const { main } = await import('@deepnets/cli');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: async () => {
      throw new Error('browser-test CLI runs write no file');
    },
    isTTY: false,
  });
  return { code, out: out.join(''), err: err.join('') };
}

/**
 * `deepnets regions net.json ...args --json` on the network file `text`; `files` holds other files
 * the arguments name (e.g. the points of `--plane POINTS.json`).
 */
export const cliRegions: BrowserCommand<
  [text: string, args: string[], files?: Record<string, string>]
> = async (_context, text, args, files = {}) =>
  runCli(['regions', 'net.json', ...args, '--json'], { ...files, 'net.json': text });

/** `deepnets ...args` with the in-memory `files`. */
export const cliRun: BrowserCommand<[args: string[], files?: Record<string, string>]> = async (
  _context,
  args,
  files = {},
) => runCli(args, files);

declare module 'vitest/browser' {
  interface BrowserCommands {
    cliRegions(text: string, args: string[], files?: Record<string, string>): Promise<CliRun>;
    cliRun(args: string[], files?: Record<string, string>): Promise<CliRun>;
  }
}
