/**
 * The one plugin registry of deepnets, owned by core.
 *
 * Every contribution — built-in or from a contributor — arrives through a `Plugin` object passed
 * to `registry.use(plugin)`. Other packages add kinds of contributions by augmenting
 * `RegistryKinds` (the trainer adds `dataset`, `optimizer`, `loss`; widgets add `widget`):
 *
 *   declare module '@deepnets/core' { interface RegistryKinds { loss: LossConfig } }
 *
 * A plugin then accepts `losses: LossConfig[]`, typed, with no change to core.
 */
import { checkActivation } from './activation-check.ts';
import type { ActivationConfig } from './activation-types.ts';
import { DeepnetsError, DuplicateNameError, UnknownNameError } from './errors.ts';
import { checkContributionName, kindOfField, PLUGIN_META_FIELDS, type Plugin } from './plugin.ts';

/** The kinds of contributions and their config types; augmented by other packages. */
export interface RegistryKinds {
  activation: ActivationConfig;
}

export type RegistryKind = keyof RegistryKinds;

/** Anything registrable carries a unique `name`. */
export interface Named {
  name: string;
}

interface Entry {
  item: Named;
  plugin: string;
}

/** Name tables for each kind, plus the plugins that filled them. */
export class Registry {
  readonly #tables = new Map<string, Map<string, Entry>>();
  readonly #plugins = new Map<string, Plugin>();
  readonly #listeners = new Set<() => void>();

  /**
   * Registers every contribution of `plugin`, all or nothing. Using the same plugin object again
   * is a no-op; a new object with the same name and the same contributed names replaces the old
   * one (a module evaluated twice, hot reload); any other clash throws `DuplicateNameError`.
   */
  use(plugin: Plugin): this {
    const existing = this.#plugins.get(plugin.name);
    if (existing === plugin) return this;
    const additions = this.#contributions(plugin);
    const replacing = existing !== undefined && sameNames(this.#contributions(existing), additions);
    if (existing && !replacing) throw new DuplicateNameError('plugin', plugin.name, plugin.name, plugin.name);
    for (const [kind, item] of additions) {
      const owner = this.#tables.get(kind)?.get(item.name);
      if (owner && !(replacing && owner.plugin === plugin.name)) {
        throw new DuplicateNameError(kind, item.name, owner.plugin, plugin.name);
      }
    }
    for (const [kind, item] of additions) {
      let table = this.#tables.get(kind);
      if (!table) this.#tables.set(kind, (table = new Map()));
      table.set(item.name, { item, plugin: plugin.name });
    }
    this.#plugins.set(plugin.name, plugin);
    plugin.setup?.(this);
    for (const listener of this.#listeners) listener();
    return this;
  }

  /** The checked [kind, item] pairs a plugin contributes. */
  #contributions(plugin: Plugin): [string, Named][] {
    const additions: [string, Named][] = [];
    for (const [field, items] of Object.entries(plugin)) {
      if (PLUGIN_META_FIELDS.has(field) || items === undefined) continue;
      const kind = kindOfField(field);
      if (!Array.isArray(items) || kind === undefined) {
        throw new DeepnetsError(
          'INVALID_FORMAT',
          `plugin "${plugin.name}": "${field}" is not a contribution list (expected e.g. activations: [...])`,
        );
      }
      for (const item of items as Named[]) {
        checkContributionName(kind, item?.name, plugin);
        if (kind === 'activation') checkActivation(item as ActivationConfig, plugin.name);
        if (additions.some(([k, it]) => k === kind && it.name === item.name)) {
          throw new DuplicateNameError(kind, item.name, plugin.name, plugin.name);
        }
        additions.push([kind, item]);
      }
    }
    return additions;
  }

  /** The config registered under `name`; throws `UnknownNameError` listing the known names. */
  get<K extends RegistryKind>(kind: K, name: string): RegistryKinds[K] {
    const entry = this.#tables.get(kind)?.get(name);
    if (!entry) throw new UnknownNameError(kind, name, this.names(kind));
    return entry.item as RegistryKinds[K];
  }

  has(kind: RegistryKind, name: string): boolean {
    return this.#tables.get(kind)?.has(name) ?? false;
  }

  /** Registered names of one kind, in registration order. */
  names(kind: RegistryKind): string[] {
    return [...(this.#tables.get(kind)?.keys() ?? [])];
  }

  /** Registered configs of one kind, in registration order. */
  list<K extends RegistryKind>(kind: K): RegistryKinds[K][] {
    return [...(this.#tables.get(kind)?.values() ?? [])].map((e) => e.item as RegistryKinds[K]);
  }

  /** Name of the plugin that registered `name`, or undefined. */
  ownerOf(kind: RegistryKind, name: string): string | undefined {
    return this.#tables.get(kind)?.get(name)?.plugin;
  }

  /** Names of the plugins in use, in order. */
  plugins(): string[] {
    return [...this.#plugins.keys()];
  }

  /** Calls `listener` after each `use`; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function sameNames(a: readonly [string, Named][], b: readonly [string, Named][]): boolean {
  const key = ([kind, item]: [string, Named]) => `${kind}:${item.name}`;
  const left = new Set(a.map(key));
  return a.length === b.length && b.every((entry) => left.has(key(entry)));
}

/** A registry with nothing registered (tests, sandboxes). */
export function createRegistry(plugins: readonly Plugin[] = []): Registry {
  const registry = new Registry();
  for (const plugin of plugins) registry.use(plugin);
  return registry;
}
