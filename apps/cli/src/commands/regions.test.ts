import { networkToJson } from '@deepnets/core';
import { maxRegions2dNetwork, maxRegionsNetwork } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../command.ts';
import { UsageError } from '../command.ts';
import { regionsCommand } from './regions.ts';

/** A CommandIO over in-memory files that records stderr. */
function fakeIO(files: Record<string, string>, isTTY = false): CommandIO & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => {},
    stderr: (t) => err.push(t),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no such file ${path}`);
      return text;
    },
    writeFile: async () => {},
    isTTY,
  };
}

const run = (positionals: string[], flags: Record<string, string | true>, io: CommandIO) =>
  regionsCommand.run({ positionals, flags: { json: true, ...flags } }, io);

describe('deepnets regions', () => {
  it('counts a 1-input network on --domain with the contract fields', async () => {
    const io = fakeIO({ 'net.json': networkToJson(maxRegionsNetwork({ layers: 2, width: 3 })) });
    const r = (await run(['net.json'], { domain: '0,1' }, io)) as Record<string, unknown>;
    expect(Object.keys(r)).toEqual(['inputs', 'domain', 'linearRegions', 'activationRegions', 'ms']);
    expect(r).toMatchObject({ inputs: 1, domain: [0, 1], linearRegions: 16, activationRegions: 16 });
    expect(io.err).toEqual([]);
  });

  it('counts a 2-input network on --box (default [-1, 1]^2) and shows progress on a TTY', async () => {
    const io = fakeIO({ 'net.json': networkToJson(maxRegions2dNetwork({ layers: 2, width: 6 })) }, true);
    const r = (await run(['net.json'], { box: '0,1,0,1' }, io)) as Record<string, unknown>;
    expect(r).toMatchObject({ inputs: 2, domain: [0, 1, 0, 1], linearRegions: 352 });
    expect(io.err.join('')).toContain('layer 2/2');
    const d = (await run(
      ['net.json'],
      {},
      fakeIO({ 'net.json': networkToJson(maxRegions2dNetwork({ layers: 1, width: 6 })) }),
    )) as {
      domain: number[];
    };
    expect(d.domain).toEqual([-1, 1, -1, 1]);
  });

  it('rejects bad usage', async () => {
    const io = fakeIO({ 'net.json': networkToJson(maxRegionsNetwork({ layers: 1, width: 3 })) });
    await expect(run([], {}, io)).rejects.toThrow(UsageError);
    await expect(run(['net.json'], { domain: '0,1,2' }, io)).rejects.toThrow(/--domain needs 2/);
    await expect(run(['net.json'], { box: '0,1,0,1' }, io)).rejects.toThrow(
      /--box is for networks with 2 inputs/,
    );
    await expect(run(['net.json'], { domain: '1,0' }, io)).rejects.toThrow(/domain/);
  });
});
