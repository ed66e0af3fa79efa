/**
 * The shape of one `deepnets` sub-command. Each command lives in `commands/<name>.ts`,
 * exports a `Command`, and is listed in `commands/index.ts`.
 *
 * Contract (DESIGN.md, "CLI contract"): with `--json` a command prints exactly one JSON object on
 * stdout and nothing else there; a command whose result is data (a network file, a data set) keeps
 * stdout pure data without `--json` too, and says anything else through `note` on stderr; bad input
 * exits non-zero with a one-line message on stderr; long work shows progress on stderr when stderr
 * is a TTY.
 */

/** Parsed command line: positional arguments and `--flag value` / `--flag` options. */
export interface ParsedArgs {
  positionals: string[];
  /** `--name value` gives a string, a bare `--name` gives `true`. */
  flags: Record<string, string | true>;
}

/** What a command may use to talk to the outside world (replaceable in tests). */
export interface CommandIO {
  /** The result: one JSON object with `--json`, else `human(result)` (data commands: pure data). */
  stdout: (text: string) => void;
  /** Diagnostics and progress; never parsed by scripts. */
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  /** True when stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  signal?: AbortSignal;
}

export interface Command {
  /** Words that select it, e.g. `["construct", "max-regions"]` or `["eval"]`. */
  path: string[];
  summary: string;
  /** Usage line(s) shown by `deepnets help`. */
  usage: string;
  /**
   * Runs the command. The returned object is printed as JSON with `--json`; `human(result)`
   * formats it otherwise. Throw a `UsageError` (or any `DeepnetsError`) for bad input.
   */
  run: (args: ParsedArgs, io: CommandIO) => Promise<object>;
  human?: (result: object) => string;
  /** The exit status for a result that was printed (default 0), e.g. 1 when a check in it failed. */
  exitCode?: (result: object) => 0 | 1;
  /** A line for people about the result, written to stderr (never stdout) when not `--json`. */
  note?: (result: object) => string;
}

/** Bad command-line usage: a missing argument, a malformed number. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
