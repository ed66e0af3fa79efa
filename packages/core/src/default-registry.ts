/**
 * The default registry, with core's built-ins registered through the public plugin API.
 */
import type { ActivationConfig } from './activation-types.ts';
import { builtinActivations } from './activations.ts';
import { definePlugin } from './plugin.ts';
import { createRegistry, type Registry } from './registry.ts';

/** Core's built-ins, as a plugin like any other. */
export const corePlugin = definePlugin({
  name: 'deepnets:core',
  activations: builtinActivations,
});

const SHARED = Symbol.for('deepnets.registry');

/**
 * The registry every deepnets package reads names from. It is shared through `globalThis`, so
 * a plugin registers into the same registry even when an app ends up with two copies of core.
 */
export const registry: Registry = /* @__PURE__ */ (() => {
  const holder = globalThis as { [SHARED]?: Registry };
  holder[SHARED] ??= createRegistry([corePlugin]);
  return holder[SHARED];
})();

/** The activation registered under `name` (e.g. `"relu"`); throws listing the known ones. */
export function getActivation(name: string): ActivationConfig {
  return registry.get('activation', name);
}
