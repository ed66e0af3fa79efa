/**
 * The plugin shape. A plugin is one typed object (as a Vite plugin is): a name, the
 * contributions it registers — `activations`, `datasets`, `optimizers`, `losses`, `widgets`, or
 * any kind another package adds — and an optional `setup` hook.
 *
 * Naming: every contributed name is namespaced `namespace/name`, where the namespace is the
 * plugin's `namespace` or, by default, its package name without `deepnets-plugin-`
 * (`deepnets-plugin-example` contributes `example/two-sided-relu`). Bare names (`relu`, `adam`)
 * belong to deepnets' own plugins, whose names start with `deepnets:`.
 */
import { DeepnetsError } from './errors.ts';
import type { Registry, RegistryKind, RegistryKinds } from './registry.ts';

/** English plural of a kind: `activation` -> `activations`, `loss` -> `losses`. */
export type PluralKind<K extends string> = K extends `${string}${'s' | 'x' | 'sh' | 'ch'}`
  ? `${K}es`
  : `${K}s`;

/** The contribution fields of a plugin: `activations`, `datasets`, `losses`, ... */
export type PluginContributions = {
  [K in RegistryKind as PluralKind<K>]?: readonly RegistryKinds[K][];
};

/** The kind a contribution field holds (`losses` -> `loss`), or undefined for a non-plural field. */
export function kindOfField(field: string): string | undefined {
  if (/(s|x|sh|ch)es$/.test(field)) return field.slice(0, -2);
  return field.endsWith('s') ? field.slice(0, -1) : undefined;
}

/** A deepnets plugin: a name, what it contributes, and an optional setup hook. */
export type Plugin = PluginContributions & {
  /** Package-style name, e.g. `"deepnets-plugin-example"`; named in duplicate-name errors. */
  name: string;
  /** Prefix of contributed names; defaults to `name` without `deepnets-plugin-`. */
  namespace?: string;
  /** Called once, after the plugin's contributions are registered. */
  setup?: (registry: Registry) => void;
};

/** Identity helper that checks and types a plugin literal (as Vite's `defineConfig`). */
export function definePlugin<const P extends Plugin>(plugin: P): P {
  return plugin;
}

/** Fields of a plugin object that are not contributions. */
export const PLUGIN_META_FIELDS: ReadonlySet<string> = new Set(['name', 'namespace', 'setup']);

/** The namespace a plugin's contributions must use; `''` for deepnets' own plugins. */
export function pluginNamespace(plugin: Pick<Plugin, 'name' | 'namespace'>): string {
  if (plugin.name.startsWith('deepnets:')) return '';
  return plugin.namespace ?? plugin.name.replace(/^@[^/]+\//, '').replace(/^deepnets-plugin-/, '');
}

const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;

/** Throws unless `name` is a valid contribution name for `plugin`. */
export function checkContributionName(kind: string, name: unknown, plugin: Plugin): asserts name is string {
  const where = `plugin "${plugin.name}", ${kind}`;
  if (typeof name !== 'string')
    throw new DeepnetsError('INVALID_FORMAT', `${where}: every entry needs a string "name"`);
  const namespace = pluginNamespace(plugin);
  const parts = name.split('/');
  const ok =
    namespace === ''
      ? parts.length === 1 && SEGMENT.test(name)
      : parts.length === 2 && parts[0] === namespace && SEGMENT.test(parts[1] as string);
  if (!ok) {
    const expected =
      namespace === '' ? 'a bare lower-case name like "relu"' : `"${namespace}/<lower-case-name>"`;
    throw new DeepnetsError('INVALID_FORMAT', `${where} "${name}": names must be ${expected}`);
  }
}
