/**
 * `deepnets regions NET.json [--domain LO,HI] [--box X0,X1,Y0,Y1]`: exact region counts of a
 * network with one input (on [LO, HI], default [-1, 1]) or two inputs (on a box, default [-1, 1]^2);
 * with `--plane POINTS.json` / `--segment POINTS.json`, of a network with any number of inputs on
 * the plane / along the segment through given points (see regions-slice.ts).
 */
import { inputSize, parseNetworkJson } from '@deepnets/core';
import { countRegions1d, type RegionCounts, regions2d } from '@deepnets/regions';
import { numberListFlag } from '../args.ts';
import { type Command, UsageError } from '../command.ts';
import { countOnSlice, parsePoints, sliceFlag } from './regions-slice.ts';

export interface RegionsResult {
  inputs: number;
  domain: number[];
  linearRegions: number;
  activationRegions: number;
  ms: number;
}

function listOf(args: Parameters<Command['run']>[0], name: string, length: number): number[] | undefined {
  const values = numberListFlag(args, name);
  if (values && values.length !== length) {
    throw new UsageError(`--${name} needs ${length} comma-separated numbers, got ${values.length}`);
  }
  return values;
}

export const regionsCommand: Command = {
  path: ['regions'],
  summary:
    'Count the exact linear and activation regions of a network with 1 or 2 inputs, or of any network on a plane or segment through given inputs.',
  usage:
    'deepnets regions NET.json [--domain LO,HI] [--box X0,X1,Y0,Y1] [--json]\n  deepnets regions NET.json --plane POINTS.json | --segment POINTS.json [--json]',
  async run(args, io) {
    const [file] = args.positionals;
    if (!file || args.positionals.length > 1) throw new UsageError('expects exactly one network file');
    const net = parseNetworkJson(await io.readFile(file));
    const inputs = inputSize(net);
    const progress = (p: { layer: number; layers: number; regions: number }) => {
      if (io.isTTY)
        io.stderr(`\rlayer ${p.layer}/${p.layers}: ${p.regions} regions${p.layer === p.layers ? '\n' : ''}`);
    };
    const options = { onProgress: progress, ...(io.signal ? { signal: io.signal } : {}) };
    const start = performance.now();
    let counts: RegionCounts;
    let domain: number[];
    const slice = sliceFlag(args.flags);
    if (slice) {
      const points = parsePoints(
        await io.readFile(slice.file),
        slice.file,
        slice.kind === 'plane' ? 3 : 2,
        net,
      );
      ({ domain, ...counts } = countOnSlice(net, slice.kind, points, options));
    } else if (inputs === 1) {
      if (args.flags.box !== undefined)
        throw new UsageError('--box is for networks with 2 inputs; use --domain');
      domain = listOf(args, 'domain', 2) ?? [-1, 1];
      counts = countRegions1d(net, { ...options, domain: domain as [number, number] });
    } else if (inputs === 2) {
      if (args.flags.domain !== undefined)
        throw new UsageError('--domain is for networks with 1 input; use --box');
      domain = listOf(args, 'box', 4) ?? [-1, 1, -1, 1];
      counts = regions2d(net, { ...options, box: domain as [number, number, number, number] });
    } else {
      throw new UsageError(
        `${file} has ${inputs} inputs; without --plane or --segment, regions counts networks with 1 or 2 inputs`,
      );
    }
    const result: RegionsResult = {
      inputs,
      domain,
      linearRegions: counts.linearRegions,
      activationRegions: counts.activationRegions,
      ms: Math.round((performance.now() - start) * 1000) / 1000,
    };
    return result;
  },
  human(result) {
    const r = result as RegionsResult;
    const slice = r.domain.length === 2 ? r.inputs !== 1 : r.inputs !== 2;
    const where = slice
      ? r.domain.length === 2
        ? 'the segment p0 + t (p1 - p0), t in [0, 1]'
        : 'the parallelogram p0 + s (p1 - p0) + t (p2 - p0), s, t in [0, 1]'
      : r.domain.length === 2
        ? `[${r.domain.join(', ')}]`
        : `box [${r.domain.join(', ')}]`;
    return `${r.linearRegions} linear regions, ${r.activationRegions} activation regions on ${where} (${r.ms} ms)`;
  },
};
