import { NETWORK_FORMAT, parseNetwork } from '@deepnets/core';
import { countRegions1d, udlMaxRegions } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import { type CommandIO, UsageError } from '../command.ts';
import { constructCommand } from './construct.ts';

/** A CommandIO with no files. */
const fakeIO = (): CommandIO => ({
  stdout: () => {},
  stderr: () => {},
  readFile: async (path) => {
    throw new Error(`no such file ${path}`);
  },
  writeFile: async () => {},
  isTTY: false,
});

describe('deepnets construct max-regions', () => {
  it('prints a network file whose exact count on [0, 1] is (D + 1)^K', async () => {
    const doc = (await constructCommand.run(
      { positionals: [], flags: { layers: '3', width: '4' } },
      fakeIO(),
    )) as {
      format: string;
    };
    expect(doc.format).toBe(NETWORK_FORMAT);
    const r = countRegions1d(parseNetwork(doc), { domain: [0, 1] });
    expect(BigInt(r.linearRegions)).toBe(udlMaxRegions({ inputs: 1, width: 4, layers: 3 }));
  });

  it('rejects D < 3 and missing flags', async () => {
    await expect(
      constructCommand.run({ positionals: [], flags: { layers: '2', width: '2' } }, fakeIO()),
    ).rejects.toThrow(UsageError);
    await expect(constructCommand.run({ positionals: [], flags: { width: '5' } }, fakeIO())).rejects.toThrow(
      /--layers/,
    );
  });
});
