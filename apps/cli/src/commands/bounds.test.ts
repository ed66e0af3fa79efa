import { regionBounds } from '@deepnets/regions';
import { describe, expect, it } from 'vitest';
import { type CommandIO, UsageError } from '../command.ts';
import { boundsCommand } from './bounds.ts';

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

const run = (flags: Record<string, string>) => boundsCommand.run({ positionals: [], flags }, fakeIO());

describe('deepnets bounds', () => {
  it('prints the contract fields; Zaslavsky only for K = 1', async () => {
    const shallow = await run({ inputs: '2', width: '3', layers: '1' });
    expect(Object.keys(shallow)).toEqual(['parameters', 'zaslavsky', 'udl', 'montufarLower', 'serraUpper']);
    expect(shallow).toMatchObject({ parameters: 13, zaslavsky: 7, udl: 7 });
    const deep = await run({ inputs: '1', width: '10', layers: '5' });
    expect(deep).toMatchObject({ parameters: 471, zaslavsky: null, udl: 161051 });
  });

  it('prints counts beyond 2^53 as exact decimal strings', async () => {
    const r = (await run({ inputs: '10', width: '50', layers: '5' })) as { udl: string; parameters: number };
    expect(r.udl).toBe(regionBounds({ inputs: 10, width: 50, layers: 5 }).udl.toString());
    expect(r.parameters).toBe(10801);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('finishes the shapes that used to hang (8, 6, 20 and 3, 10, 14) with the exact Serra bound', async () => {
    for (const [inputs, width, layers] of [
      [8, 6, 20],
      [3, 10, 14],
    ] as const) {
      const r = (await run({ inputs: `${inputs}`, width: `${width}`, layers: `${layers}` })) as {
        serraUpper: string;
      };
      expect(r.serraUpper).toBe(regionBounds({ inputs, width, layers }).serraUpper.toString());
    }
  });

  it('refuses absurd sizes with a typed OUT_OF_RANGE error that names the limit', async () => {
    await expect(run({ inputs: '100000', width: '100000', layers: '100000' })).rejects.toMatchObject({
      code: 'OUT_OF_RANGE',
      message: expect.stringMatching(/10000000000 hidden units .*limit of 10000/),
    });
  });

  it('requires every size', async () => {
    await expect(run({ inputs: '2', width: '3' })).rejects.toThrow(UsageError);
    await expect(run({ inputs: '0', width: '3', layers: '1' })).rejects.toThrow(/--inputs/);
  });
});
