/**
 * `deepnets eval NET.json --x V[,V...]`: the output y = beta_K + Omega_K h_K of a network for one
 * input x (D_i comma-separated values); `--trace` adds every hidden layer's pre-activations and
 * activations h_k.
 */
import { evaluate, forwardTrace } from '@deepnets/core';
import { numberListFlag } from '../args.ts';
import { type Command, UsageError } from '../command.ts';
import { readNetworkFile } from './compose.ts';

interface EvalResult {
  y: number[];
  preActivations?: number[][];
  activations?: number[][];
}

const list = (values: readonly number[]): string => `[${values.join(', ')}]`;

export const evalCommand: Command = {
  path: ['eval'],
  summary: 'Evaluate a network at one input x (and, with --trace, show every hidden layer).',
  usage: 'deepnets eval NET.json --x V[,V...] [--trace] [--json]',
  run: async (args, io) => {
    // `--trace` takes no value; if the parser gave it the next word (`--trace NET.json`), that word is the file.
    const trace = args.flags.trace;
    const positionals = typeof trace === 'string' ? [trace, ...args.positionals] : args.positionals;
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw new UsageError(`expected one network file, got ${positionals.length}`);
    }
    const x = numberListFlag(args, 'x');
    if (x === undefined) throw new UsageError('--x is required (the D_i input values, comma-separated)');
    const net = await readNetworkFile(io, file);
    if (trace === undefined) return { y: evaluate(net, x) } satisfies EvalResult;
    const { output, preActivations, activations } = forwardTrace(net, x);
    return { y: output, preActivations, activations } satisfies EvalResult;
  },
  human: (result) => {
    const { y, preActivations, activations } = result as EvalResult;
    const lines = (preActivations ?? []).map(
      (z, k) => `layer ${k + 1}: pre-activations ${list(z)}, h_${k + 1} = ${list(activations?.[k] ?? [])}`,
    );
    return [...lines, `y = ${list(y)}`].join('\n');
  },
};

export default evalCommand;
