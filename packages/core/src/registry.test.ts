import { describe, expect, it, vi } from 'vitest';
import { definePiecewiseLinear, relu } from './activations.ts';
import { corePlugin, getActivation, registry } from './default-registry.ts';
import { DeepnetsError, DuplicateNameError, UnknownNameError } from './errors.ts';
import { definePlugin, pluginNamespace } from './plugin.ts';
import { createRegistry } from './registry.ts';

const twoSided = definePiecewiseLinear({
  name: 'example/two-sided-relu',
  description: 'ReLU that flattens again above 1',
  breakpoints: [0, 1],
  slopes: [0, 1, 0],
  intercepts: [0, 0, 1],
});
const example = definePlugin({ name: 'deepnets-plugin-example', activations: [twoSided] });

describe('registry', () => {
  it('holds the built-ins, registered through the public plugin API', () => {
    expect(registry.plugins()).toContain(corePlugin.name);
    expect(registry.names('activation')).toEqual(corePlugin.activations.map((a) => a.name));
    expect(registry.ownerOf('activation', 'relu')).toBe('deepnets:core');
    expect(getActivation('relu')).toBe(relu);
  });

  it('adds a plugin activation and calls setup once, then notifies subscribers', () => {
    const r = createRegistry([corePlugin]);
    const setup = vi.fn();
    const listener = vi.fn();
    r.subscribe(listener);
    const plugin = { ...example, setup };
    r.use(plugin);
    r.use(plugin); // the same object again is a no-op
    expect(setup).toHaveBeenCalledTimes(1);
    expect(setup).toHaveBeenCalledWith(r);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(r.get('activation', 'example/two-sided-relu')).toBe(twoSided);
    // A re-evaluated module (same name, same contributions) replaces the old object...
    const reloaded = { ...example, activations: [{ ...twoSided }] };
    r.use(reloaded);
    expect(r.get('activation', 'example/two-sided-relu')).toBe(reloaded.activations[0]);
    // ...but a plugin of the same name contributing other names is a clash.
    expect(() => r.use({ name: example.name, activations: [] })).toThrow(
      'plugin "deepnets-plugin-example" is registered twice',
    );
  });

  it('names both plugins when a name is registered twice', () => {
    const r = createRegistry([corePlugin, example]);
    const copycat = definePlugin({
      name: 'deepnets-plugin-copycat',
      namespace: 'example',
      activations: [twoSided],
    });
    expect(() => r.use(copycat)).toThrow(DuplicateNameError);
    expect(() => r.use(copycat)).toThrow(
      'activation "example/two-sided-relu" is registered twice: by plugin "deepnets-plugin-example" and by plugin "deepnets-plugin-copycat"',
    );
    // Nothing of the rejected plugin was registered.
    expect(r.plugins()).toEqual(['deepnets:core', 'deepnets-plugin-example']);
  });

  it('lists the known names when a lookup fails', () => {
    const r = createRegistry([corePlugin, example]);
    const error = (() => {
      try {
        r.get('activation', 'swish');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnknownNameError);
    expect((error as UnknownNameError).code).toBe('UNKNOWN_NAME');
    expect((error as Error).message).toContain('unknown activation "swish"');
    expect((error as Error).message).toContain('relu, leaky-relu');
    expect((error as Error).message).toContain('example/two-sided-relu');
  });

  it('requires contributor names to use the plugin namespace', () => {
    expect(pluginNamespace({ name: 'deepnets-plugin-example' })).toBe('example');
    expect(pluginNamespace({ name: '@acme/deepnets-plugin-fold' })).toBe('fold');
    expect(pluginNamespace({ name: 'deepnets:core' })).toBe('');
    const bare = definePlugin({ name: 'deepnets-plugin-bad', activations: [{ ...twoSided, name: 'relu2' }] });
    expect(() => createRegistry().use(bare)).toThrow('names must be "bad/<lower-case-name>"');
    const foreign = definePlugin({ name: 'deepnets-plugin-bad', activations: [twoSided] });
    expect(() => createRegistry().use(foreign)).toThrow(DeepnetsError);
  });

  it('rejects a piecewise-linear declaration that disagrees with f', () => {
    const liar = { ...twoSided, f: (z: number) => Math.max(0, z) };
    const plugin = definePlugin({ name: 'deepnets-plugin-example', activations: [liar] });
    expect(() => createRegistry().use(plugin)).toThrow(/piece 2 declares 1 at z = 1.5 but f\(1.5\) = 1.5/);
  });

  it('rejects discontinuous pieces and unsorted breakpoints', () => {
    const jump = { ...twoSided, intercepts: [0, 0, 2], f: (z: number) => (z < 0 ? 0 : z < 1 ? z : 2) };
    expect(() => createRegistry().use({ name: 'deepnets-plugin-example', activations: [jump] })).toThrow(
      /do not meet at breakpoint 1/,
    );
    const unsorted = { ...twoSided, breakpoints: [1, 0] };
    expect(() => createRegistry().use({ name: 'deepnets-plugin-example', activations: [unsorted] })).toThrow(
      /strictly increasing/,
    );
  });

  it('rejects a contribution field that is not a list', () => {
    const odd = { name: 'deepnets-plugin-example', activations: twoSided } as unknown as typeof example;
    expect(() => createRegistry().use(odd)).toThrow('"activations" is not a contribution list');
  });
});

describe('contribution fields', () => {
  it('maps English plurals to kinds', async () => {
    const { kindOfField } = await import('./plugin.ts');
    expect(kindOfField('activations')).toBe('activation');
    expect(kindOfField('losses')).toBe('loss');
    expect(kindOfField('datasets')).toBe('dataset');
    expect(kindOfField('name')).toBeUndefined();
  });
});
