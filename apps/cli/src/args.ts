/**
 * A small, strict parser for `deepnets` command lines: positionals and `--flag [value]`.
 * A flag followed by another flag (or nothing) is boolean `true`; `--flag=value` also works.
 */
import { elide } from '@deepnets/core';
import { type ParsedArgs, UsageError } from './command.ts';

/** Flags that never take a value, so `--json file.json` keeps `file.json` positional. */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'quiet', 'trace', 'resume']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    if (eq >= 0) {
      flags[body.slice(0, eq)] = body.slice(eq + 1);
      continue;
    }
    const next = argv[i + 1];
    // A value may itself start with "-" (a negative number), but not with "--".
    if (!BOOLEAN_FLAGS.has(body) && next !== undefined && !next.startsWith('--')) {
      flags[body] = next;
      i++;
    } else {
      flags[body] = true;
    }
  }
  return { positionals, flags };
}

/** A flag's string value, or `fallback`; a bare `--flag` without value is a usage error. */
export function stringFlag(args: ParsedArgs, name: string, fallback?: string): string | undefined {
  const value = args.flags[name];
  if (value === undefined) return fallback;
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

/** A finite number flag, e.g. `--lr 0.01`. */
export function numberFlag(args: ParsedArgs, name: string, fallback?: number): number | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || text.trim() === '') {
    throw new UsageError(`--${name} must be a finite number, got "${elide(text, 40)}"`);
  }
  return value;
}

/** A whole-number flag within [min, max], e.g. `--layers 5`. */
export function integerFlag(
  args: ParsedArgs,
  name: string,
  {
    fallback,
    min = Number.MIN_SAFE_INTEGER,
    max = Number.MAX_SAFE_INTEGER,
  }: { fallback?: number; min?: number; max?: number } = {},
): number | undefined {
  const value = numberFlag(args, name, fallback);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** A comma-separated list of finite numbers, e.g. `--x 0.1,0.2` or `--domain -1,1`. */
export function numberListFlag(args: ParsedArgs, name: string): number[] | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const values = text.split(',').map((part) => Number(part));
  const bad = values.findIndex((v, i) => !Number.isFinite(v) || (text.split(',')[i] ?? '').trim() === '');
  if (bad >= 0)
    throw new UsageError(`--${name}: entry ${bad + 1} of "${elide(text, 60)}" is not a finite number`);
  return values;
}
