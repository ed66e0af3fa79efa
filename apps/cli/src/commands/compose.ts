/**
 * `deepnets compose A.json B.json`: the network equal to B(A(x)), with the last affine layer of A
 * folded into the first layer of B (Psi = Omega'_0 Omega_K, psi_0 = beta'_0 + Omega'_0 beta_K: the
 * lecture's construction), printed as a `deepnets.network/v1` document.
 */
import {
  compose,
  DeepnetsError,
  depth,
  elide,
  NETWORK_FORMAT,
  type Network,
  NetworkValidationError,
  networkToJson,
  parseNetworkJson,
  widths,
} from '@deepnets/core';
import { type Command, type CommandIO, UsageError } from '../command.ts';

/** Reads and validates a network file; errors name the file, then the layer and field. */
export async function readNetworkFile(io: CommandIO, file: string): Promise<Network> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    throw new UsageError(
      `cannot read "${elide(file, 80)}": ${elide(String((error as Error)?.message), 120)}`,
    );
  }
  try {
    return parseNetworkJson(text);
  } catch (error) {
    if (error instanceof DeepnetsError) throw new NetworkValidationError(error.message, file, error.code);
    throw error;
  }
}

export const composeCommand: Command = {
  path: ['compose'],
  summary: 'One network equal to B(A(x)): A, then B, two networks deep in one (the psi construction).',
  usage: 'deepnets compose A.json B.json [--json]',
  run: async (args, io) => {
    const [a, b, ...extra] = args.positionals;
    if (a === undefined || b === undefined || extra.length > 0) {
      throw new UsageError(`expected two network files, got ${args.positionals.length}`);
    }
    const net = compose(await readNetworkFile(io, a), await readNetworkFile(io, b));
    return { format: NETWORK_FORMAT, activation: net.activation, layers: net.layers };
  },
  // stdout is the network file (`deepnets compose a.json b.json > c.json`); the summary goes to stderr.
  human: (result) => networkToJson(result as Network).trimEnd(),
  note: (result) => {
    const net = result as Network;
    return `(depth K = ${depth(net)}, widths ${widths(net).join('-')})`;
  },
};

export default composeCommand;
