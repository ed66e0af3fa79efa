/**
 * `deepnets construct max-regions --layers K --width D`: a `deepnets.network/v1` network with one
 * input and exactly (D + 1)^K linear regions on [0, 1] (the composed zig-zag; D >= 3).
 */
import { networkToJson } from '@deepnets/core';
import { maxRegionsNetwork } from '@deepnets/regions';
import { integerFlag } from '../args.ts';
import { type Command, UsageError } from '../command.ts';

export const constructCommand: Command = {
  path: ['construct', 'max-regions'],
  summary: 'A network with exactly (D+1)^K linear regions on [0, 1] (D >= 3).',
  usage: 'deepnets construct max-regions --layers K --width D [--json]',
  async run(args) {
    const layers = integerFlag(args, 'layers', { min: 1, max: 1000 });
    const width = integerFlag(args, 'width', { min: 3, max: 100000 });
    if (layers === undefined || width === undefined)
      throw new UsageError('--layers and --width are required');
    return JSON.parse(networkToJson(maxRegionsNetwork({ layers, width }))) as object;
  },
  human: (result) => JSON.stringify(result, null, 2),
};
