import { NetworkValidationError } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.ts';
import { type Command, type CommandIO, UsageError } from './command.ts';
import { findCommand, main } from './main.ts';

function fakeIO(): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async () => '',
    writeFile: async () => {},
    isTTY: false,
  };
}

const echo: Command = {
  path: ['echo'],
  summary: 'echoes its arguments',
  usage: 'deepnets echo ARGS',
  run: async (args) => ({ positionals: args.positionals, flags: args.flags }),
};
const nested: Command = {
  path: ['construct', 'max-regions'],
  summary: 'nested',
  usage: 'deepnets construct max-regions',
  run: async (args) => {
    if (!args.flags.layers) throw new UsageError('--layers is required');
    return { ok: true };
  },
};
const failing: Command = {
  path: ['fail'],
  summary: 'fails',
  usage: 'deepnets fail',
  run: async () => {
    throw new NetworkValidationError('has 3 entries, expected 4', 'layers[1].weights[2]');
  },
};
const all = [echo, nested, failing];

describe('parseArgs', () => {
  it('separates positionals, valued flags, boolean flags and negative numbers', () => {
    expect(parseArgs(['a.json', '--domain', '-1,1', '--json', 'b.json', '--k=3'])).toEqual({
      positionals: ['a.json', 'b.json'],
      flags: { domain: '-1,1', json: true, k: '3' },
    });
  });
});

describe('main', () => {
  it('prints exactly one JSON object on stdout with --json', async () => {
    const io = fakeIO();
    expect(await main(['echo', 'x', '--json'], io, all)).toBe(0);
    expect(io.out).toHaveLength(1);
    expect(JSON.parse(io.out[0] as string)).toEqual({ positionals: ['x'], flags: { json: true } });
    expect(io.err).toEqual([]);
  });

  it('picks the longest matching command path', () => {
    expect(findCommand(['construct', 'max-regions', '--x'], all)?.command).toBe(nested);
  });

  it('exits 2 with usage on a usage error, and on an unknown command', async () => {
    const io = fakeIO();
    expect(await main(['construct', 'max-regions'], io, all)).toBe(2);
    expect(io.err.join('')).toContain('--layers is required');
    expect(await main(['nonsense'], io, all)).toBe(2);
    expect(io.out).toEqual([]);
  });

  it('exits 1 with a one-line message that names the place and the code', async () => {
    const io = fakeIO();
    expect(await main(['fail', '--json'], io, all)).toBe(1);
    const message = io.err.join('');
    expect(message.trim().split('\n')).toHaveLength(1);
    expect(message).toContain('layers[1].weights[2]: has 3 entries, expected 4 [INVALID_NETWORK]');
    expect(io.out).toEqual([]);
  });
});
