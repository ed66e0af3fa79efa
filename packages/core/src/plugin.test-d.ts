import { describe, expectTypeOf, it } from 'vitest';
import type { ActivationConfig } from './activation-types.ts';
import type { Network } from './network.ts';
import { definePlugin, type Plugin } from './plugin.ts';
import type { ActivationName, BuiltinActivationName, RegisteredName } from './register.ts';

declare module './register.ts' {
  interface Register {
    'activation:test/one': true;
    'activation:test/two': true;
    'dataset:test/data': true;
  }
}

describe('plugin types', () => {
  it('definePlugin keeps the literal type and checks contributions', () => {
    const plugin = definePlugin({ name: 'deepnets-plugin-x', activations: [] });
    expectTypeOf(plugin.name).toEqualTypeOf<'deepnets-plugin-x'>();
    expectTypeOf(plugin).toExtend<Plugin>();
    expectTypeOf<Plugin['activations']>().toEqualTypeOf<readonly ActivationConfig[] | undefined>();
    // @ts-expect-error an activation needs kind, f and derivative
    definePlugin({ name: 'deepnets-plugin-x', activations: [{ name: 'x/y' }] });
    // @ts-expect-error a plugin needs a name
    definePlugin({ activations: [] });
  });

  it('offers the built-in activation names and still accepts any string', () => {
    expectTypeOf<BuiltinActivationName>().toExtend<ActivationName>();
    expectTypeOf<'relu'>().toExtend<Network['activation']>();
    expectTypeOf<'example/anything'>().toExtend<Network['activation']>();
  });

  it('collects names that several plugins declare through Register, per kind', () => {
    expectTypeOf<RegisteredName<'activation'>>().toEqualTypeOf<'test/one' | 'test/two'>();
    expectTypeOf<RegisteredName<'dataset'>>().toEqualTypeOf<'test/data'>();
  });
});
