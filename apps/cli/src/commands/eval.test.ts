import { DeepnetsError, networkToJson, shallowNetwork } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args.ts';
import { type CommandIO, UsageError } from '../command.ts';
import { evalCommand } from './eval.ts';

// UDL notebook 4.1's network 1: y = 1 - 2 ReLU[-x] - 3 ReLU[x] + 9.3 ReLU[x - 0.67].
const net1 = shallowNetwork({
  theta: [
    [0, -1],
    [0, 1],
    [-0.67, 1],
  ],
  phi: [1, -2, -3, 9.3],
});
const reference = (x: number): number =>
  1 - 2 * Math.max(0, -x) - 3 * Math.max(0, x) + 9.3 * Math.max(0, x - 0.67);
const files: Record<string, string> = { 'net.json': networkToJson(net1) };
const io: CommandIO = {
  stdout: () => {},
  stderr: () => {},
  readFile: async (path) => files[path] ?? Promise.reject(new Error(`ENOENT: ${path}`)),
  writeFile: async () => {},
  isTTY: false,
};
const run = (argv: string[]) => evalCommand.run(parseArgs(argv), io);

describe('deepnets eval', () => {
  it('prints {y} for one input, matching the scalar formula', async () => {
    for (const x of [-1, -0.3, 0, 0.5, 0.9]) {
      const result = (await run(['net.json', '--x', String(x), '--json'])) as { y: number[] };
      expect(Object.keys(result)).toEqual(['y']);
      expect(result.y[0]).toBeCloseTo(reference(x), 12);
    }
  });

  it('adds each hidden layer with --trace, wherever the flag sits', async () => {
    for (const argv of [
      ['net.json', '--x', '0.9', '--trace'],
      ['--trace', 'net.json', '--x', '0.9'],
    ]) {
      const result = (await run(argv)) as {
        y: number[];
        preActivations: number[][];
        activations: number[][];
      };
      expect(result.preActivations[0]![0]).toBeCloseTo(-0.9, 14);
      expect(result.preActivations[0]![2]).toBeCloseTo(0.9 - 0.67, 14);
      expect(result.activations[0]).toEqual(result.preActivations[0]!.map((z) => Math.max(0, z)));
      expect(evalCommand.human!(result)).toContain('y = [');
    }
  });

  it('rejects a missing --x, a malformed number and a wrong input length', async () => {
    await expect(run(['net.json'])).rejects.toThrow(UsageError);
    await expect(run(['net.json', '--x', '1,abc'])).rejects.toThrow(UsageError);
    const error = await run(['net.json', '--x', '1,2']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeepnetsError);
    expect((error as DeepnetsError).code).toBe('SHAPE_MISMATCH');
    expect((error as Error).message).toBe('x: has 2 entries, expected D_i = 1');
  });
});
