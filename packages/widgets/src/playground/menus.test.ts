import { corePlugin, createRegistry, definePlugin } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { activationMenu, datasetMenu, optimizerMenu, parseHidden } from './menus.ts';

const samples = (inputs: number) => ({
  count: 2,
  inputs,
  targetWidth: 1,
  x: new Float64Array(2 * inputs),
  y: Float64Array.of(0, 1),
});
const config = (name: string, task: 'classification' | 'regression', inputs: number) => ({
  name,
  description: name,
  task,
  defaults: {},
  generate: () => ({ name, task, outputs: 2, train: samples(inputs), test: samples(inputs) }),
});

describe('playground menus', () => {
  it('offer 2-input classification data sets only, every activation, and registered optimizers', () => {
    const registry = createRegistry([
      corePlugin,
      definePlugin({
        name: 'deepnets-plugin-menus',
        datasets: [
          config('menus/flat', 'classification', 2),
          config('menus/cube', 'classification', 3),
          config('menus/curve', 'regression', 2),
        ],
      } as never),
    ]);
    expect(datasetMenu(registry).map((i) => i.value)).toEqual(['menus/flat']);
    const activations = activationMenu(registry);
    expect(activations.map((i) => i.value)).toEqual(registry.names('activation'));
    expect(activations.find((i) => i.value === 'gelu')?.text).toBe('gelu (trainable, regions not exact)');
    expect(activations.find((i) => i.value === 'abs')?.text).toBe('abs');
    expect(optimizerMenu(registry, ['adam', 'sgd']).map((i) => i.value)).toEqual(['adam', 'sgd']);
  });

  it('parse hidden widths and say what is expected otherwise', () => {
    expect(parseHidden('8,8')).toEqual([8, 8]);
    expect(parseHidden(' 16 ')).toEqual([16]);
    for (const bad of ['', '8,', '0', '8,x', '2.5', '99', '1,1,1,1,1,1,1']) {
      expect(() => parseHidden(bad)).toThrow(/whole numbers from 1 to 32/);
    }
  });
});
