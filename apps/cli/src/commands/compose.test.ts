import {
  evaluate,
  NETWORK_FORMAT,
  NetworkValidationError,
  networkToJson,
  parseNetwork,
  shallowNetwork,
} from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { type CommandIO, UsageError } from '../command.ts';
import { composeCommand } from './compose.ts';

// UDL notebook 4.1's networks 1 and 2 (theta rows [theta_d0, theta_d1], phi = [phi_0..phi_3]).
const net1 = shallowNetwork({
  theta: [
    [0, -1],
    [0, 1],
    [-0.67, 1],
  ],
  phi: [1, -2, -3, 9.3],
});
const net2 = shallowNetwork({
  theta: [
    [-0.6, -1],
    [0.2, 1],
    [-0.5, 1],
  ],
  phi: [0.5, -1, -1.5, 2],
});

function fakeIO(files: Record<string, string>): CommandIO {
  return {
    stdout: () => {},
    stderr: () => {},
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    writeFile: async () => {},
    isTTY: false,
  };
}

const files = { 'a.json': networkToJson(net1), 'b.json': networkToJson(net2), 'bad.json': '{"format": "x"}' };
const run = (positionals: string[]) =>
  composeCommand.run({ positionals, flags: { json: true } }, fakeIO(files));

describe('deepnets compose', () => {
  it('prints a deepnets.network/v1 network equal to B(A(x))', async () => {
    const result = await run(['a.json', 'b.json']);
    expect(result).toMatchObject({ format: NETWORK_FORMAT, activation: 'relu' });
    const composed = parseNetwork(JSON.parse(JSON.stringify(result)));
    for (let x = -1; x <= 1; x += 0.05) {
      expect(evaluate(composed, [x])[0]).toBeCloseTo(evaluate(net2, evaluate(net1, [x]))[0]!, 12);
    }
  });

  it('without --json prints only the network file; depth and widths are a note for stderr', async () => {
    const result = await run(['a.json', 'b.json']);
    const text = composeCommand.human!(result);
    expect(parseNetwork(JSON.parse(text))).toEqual(parseNetwork(JSON.parse(JSON.stringify(result))));
    expect(composeCommand.note!(result)).toBe('(depth K = 2, widths 1-3-3-1)');
  });

  it('reports a missing file or argument as a usage error, a bad file naming the file and field', async () => {
    await expect(run(['a.json'])).rejects.toThrow(UsageError);
    await expect(run(['a.json', 'nope.json'])).rejects.toThrow('cannot read "nope.json"');
    const error = await run(['a.json', 'bad.json']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkValidationError);
    expect((error as NetworkValidationError).code).toBe('INVALID_FORMAT');
    expect((error as Error).message).toBe('bad.json: format: expected "deepnets.network/v1", got "x"');
  });
});
