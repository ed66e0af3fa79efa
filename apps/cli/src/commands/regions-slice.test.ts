import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initNetwork, networkToJson } from '@deepnets/core';
import { activationPattern, countRegionsOnSegment, regionsOnPlane } from '@deepnets/regions';
import { mnist1dSplit, parseCheckpoint } from '@deepnets/trainer';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../command.ts';
import { regionsCommand } from './regions.ts';

function fakeIO(files: Record<string, string>): CommandIO {
  return {
    stdout: () => {},
    stderr: () => {},
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no such file ${path}`);
      return text;
    },
    writeFile: async () => {},
    isTTY: false,
  };
}

const run = (flags: Record<string, string | true>, files: Record<string, string>) =>
  regionsCommand.run(
    { positionals: ['net.json'], flags: { json: true, ...flags } },
    fakeIO(files),
  ) as Promise<Record<string, unknown>>;

const net = initNetwork([40, 16, 16, 10], { init: 'he-normal', rng: 3, biases: 0.05 });
const point = (seed: number) => Array.from({ length: 40 }, (_, j) => Math.sin(seed * 7.3 + j * 0.9));
const files = (points: unknown) => ({ 'net.json': networkToJson(net), 'p.json': JSON.stringify(points) });

describe('deepnets regions --plane / --segment (any number of inputs)', () => {
  it('counts the parallelogram through three 40-d points with the contract keys', async () => {
    const pts = [point(1), point(2), point(3)];
    const r = await run({ plane: 'p.json' }, files(pts));
    expect(Object.keys(r)).toEqual(['inputs', 'domain', 'linearRegions', 'activationRegions', 'ms']);
    const direct = regionsOnPlane(net, pts as [number[], number[], number[]]);
    expect(r).toMatchObject({
      inputs: 40,
      domain: [0, 1, 0, 1],
      linearRegions: direct.linearRegions,
      activationRegions: direct.activationRegions,
    });
    expect(direct.activationRegions).toBeGreaterThan(10);
  });

  it('counts the segment between two 40-d points', async () => {
    const [a, b] = [point(4), point(5)];
    const r = await run({ segment: 'p.json' }, files([a, b]));
    expect(r).toMatchObject({ inputs: 40, domain: [0, 1], ...countRegionsOnSegment(net, a, b) });
  });

  it('names the expected size for wrong dimensions and refuses bad usage', async () => {
    await expect(
      run({ plane: 'p.json' }, files([point(1), point(2).slice(1), point(3)])),
    ).rejects.toMatchObject({
      code: 'SHAPE_MISMATCH',
      message:
        'p.json[1]: must be an input vector of 40 numbers (the network has D_i = 40 inputs), got 39 numbers',
    });
    await expect(run({ plane: 'p.json' }, files([point(1), point(2)]))).rejects.toMatchObject({
      code: 'SHAPE_MISMATCH',
      message: 'p.json: must be a JSON array of 3 input vectors, got 2 entries',
    });
    await expect(
      run({ segment: 'p.json' }, files([point(1), [...point(2).slice(1), null]])),
    ).rejects.toMatchObject({
      code: 'NON_FINITE',
    });
    await expect(run({ segment: 'p.json' }, { ...files([]), 'p.json': '[1,' })).rejects.toMatchObject({
      code: 'INVALID_FORMAT',
    });
    await expect(run({ plane: 'p.json', segment: 'p.json' }, files([]))).rejects.toThrow(
      /either --plane or --segment/,
    );
    await expect(run({ plane: 'p.json', box: '0,1,0,1' }, files([]))).rejects.toThrow(/--box do not apply/);
    await expect(run({}, files([]))).rejects.toThrow(/40 inputs; without --plane or --segment/);
  });
});

describe('the reference plane: trained 4x63 of experiments/random-labels through x[0], x[1], x[2] of MNIST-1D', () => {
  it('the CLI count equals the library count; every pattern of a 60 x 60 grid lies in the polygon found for it', {
    timeout: 60_000,
  }, async () => {
    const state = fileURLToPath(
      new URL('../../../../experiments/random-labels/4x63.state.json', import.meta.url),
    );
    const trained = parseCheckpoint(JSON.parse(readFileSync(state, 'utf8')).checkpoint).network;
    const { train } = mnist1dSplit('shuffle');
    const pts = [0, 1, 2].map((i) => Array.from(train.x.subarray(40 * i, 40 * i + 40)));
    // the regions bench reads these three points from a fixture
    const fixture = fileURLToPath(
      new URL('../../../../packages/regions/bench/fixtures/mnist1d-seed42-x0-x1-x2.json', import.meta.url),
    );
    expect(JSON.parse(readFileSync(fixture, 'utf8'))).toEqual(pts);
    const r = regionsOnPlane(trained, pts as [number[], number[], number[]]);
    const cli = await run(
      { plane: 'p.json' },
      { 'net.json': networkToJson(trained), 'p.json': JSON.stringify(pts) },
    );
    expect(cli).toMatchObject({ linearRegions: r.linearRegions, activationRegions: r.activationRegions });
    // 12,003 is the count of the unit-by-unit sweep this enumeration replaced (commit da7d052)
    expect(r.activationRegions).toBe(12_003);
    const owner = new Map(r.polygons.map((p, q) => [p.pattern.flat().join(''), q]));
    const n = 60;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const [s, t] = [(i + 0.5) / n, (j + 0.5) / n];
        const x = pts[0]!.map((v, d) => v + s * (pts[1]![d]! - v) + t * (pts[2]![d]! - v));
        const q = owner.get(activationPattern(trained, x).flat().join(''));
        expect(q).toBeDefined();
      }
    }
  });
});
