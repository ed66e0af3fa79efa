import { fileURLToPath } from 'node:url';
import { evaluate, type Network, registry } from '@deepnets/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPluginModules, resolvePluginModule } from './plugin-modules.ts';
import { createRunner, type Runner } from './runner.ts';

const fixture = fileURLToPath(new URL('./testing/fixture-plugin.mjs', import.meta.url));
const net: Network = {
  activation: 'fixture/steep-relu',
  layers: [
    { weights: [[1], [-1]], biases: [0, 0.5] },
    { weights: [[1, 1]], biases: [0] },
  ],
};

describe('plugins in a Node worker', () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await createRunner({ plugins: [fixture] });
  });
  afterAll(() => runner.terminate());

  it('registers the plugin in the worker before the first job: same names, same numbers', async () => {
    await importPluginModules([await resolvePluginModule(fixture, process.cwd())], registry);
    const xs = Float64Array.from([-1, -0.25, 0.3, 0.75]);
    const remote = await runner.api.evaluateBatch(net, xs, xs.length);
    expect(Array.from(remote)).toEqual(Array.from(xs, (x) => evaluate(net, [x])[0]));
    const regions = await runner.api.regions1d(net, { domain: [-1, 1] });
    // Unit 1 bends at 0, unit 2 at 0.5: three pieces.
    expect(regions.activationRegions).toBe(3);
  });

  it('names a plugin that cannot be found', async () => {
    await expect(resolvePluginModule('deepnets-plugin-nowhere', process.cwd())).rejects.toThrow(
      'cannot find plugin "deepnets-plugin-nowhere"',
    );
  });
});
