/**
 * The `deepnets` dispatcher: finds the command named by the first words, runs it, prints the
 * result (one JSON object with `--json`), and turns errors into a one-line message and exit code.
 */
import { readFile } from 'node:fs/promises';
import { DeepnetsError, elide, MAX_MESSAGE_LENGTH } from '@deepnets/core';
import { parseArgs } from './args.ts';
import { type Command, type CommandIO, UsageError } from './command.ts';
import { commands } from './commands/index.ts';
import { loadPlugins, pluginNames } from './plugins.ts';
import { writeFileSafely } from './safe-write.ts';

/** Exit codes: 0 ok, 1 bad input or failure, 2 bad usage, 130 interrupted. */
export type ExitCode = 0 | 1 | 2 | 130;

export function findCommand(
  words: readonly string[],
  available: readonly Command[] = commands,
): { command: Command; rest: string[] } | undefined {
  let best: Command | undefined;
  for (const command of available) {
    const matches = command.path.every((word, i) => words[i] === word);
    if (matches && (!best || command.path.length > best.path.length)) best = command;
  }
  return best && { command: best, rest: words.slice(best.path.length) };
}

export function helpText(available: readonly Command[] = commands): string {
  const lines = [
    'deepnets: deep neural networks you can run (see the docs site for the lecture).',
    '',
    'Commands:',
  ];
  for (const command of available) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push(
    '',
    'Every command takes --json (one JSON object on stdout) and --plugin NAME[,NAME] (deepnets plugins to load).',
  );
  return lines.join('\n');
}

export function defaultIO(signal?: AbortSignal): CommandIO {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFileSafely(path, text),
    isTTY: Boolean(process.stderr.isTTY),
    ...(signal ? { signal } : {}),
  };
}

/** Runs one command line; never throws, returns the exit code. */
export async function main(
  argv: readonly string[],
  io: CommandIO = defaultIO(),
  available: readonly Command[] = commands,
): Promise<ExitCode> {
  const args = parseArgs(argv);
  const found = findCommand(args.positionals, available);
  if (!found || args.flags.help === true) {
    const text = helpText(available);
    if (found || args.positionals.length === 0 || args.positionals[0] === 'help') {
      io.stdout(text);
      return 0;
    }
    io.stderr(`deepnets: unknown command "${elide(args.positionals.join(' '), 60)}"; run "deepnets help"\n`);
    return 2;
  }
  try {
    await loadPlugins(pluginNames(args.flags.plugin, process.env.DEEPNETS_PLUGINS));
    const result = await found.command.run({ positionals: found.rest, flags: args.flags }, io);
    if (args.flags.json === true) io.stdout(JSON.stringify(result));
    else {
      io.stdout(found.command.human ? found.command.human(result) : JSON.stringify(result, null, 2));
      const note = found.command.note?.(result);
      if (note) io.stderr(`${note}\n`);
    }
    return found.command.exitCode?.(result) ?? 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // one line, and bounded: a message never repeats a 10 MB argument or file value in full
    const oneLine = elide(message.replace(/\s*\n\s*/g, ' '), MAX_MESSAGE_LENGTH);
    if (error instanceof UsageError) {
      io.stderr(`deepnets ${found.command.path.join(' ')}: ${oneLine}\nusage: ${found.command.usage}\n`);
      return 2;
    }
    if (error instanceof DeepnetsError && error.code === 'ABORTED') {
      io.stderr('deepnets: interrupted\n');
      return 130;
    }
    const code = error instanceof DeepnetsError ? ` [${error.code}]` : '';
    io.stderr(`deepnets ${found.command.path.join(' ')}: ${oneLine}${code}\n`);
    return 1;
  }
}
