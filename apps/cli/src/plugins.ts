/**
 * `--plugin NAME[,NAME...]` (or the `DEEPNETS_PLUGINS` environment variable): deepnets plugins to
 * load before a command runs. A name is a package resolved from the current directory
 * (`deepnets-plugin-example`) or a path to a module (`./my-plugin.js`); the module's default
 * export (or its `plugin` export) is passed to `registry.use`.
 */
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Plugin, registry } from '@deepnets/core';
import { UsageError } from './command.ts';

/** The plugin names given by `--plugin` and `DEEPNETS_PLUGINS`, in that order, without repeats. */
export function pluginNames(flag: string | true | undefined, env: string | undefined): string[] {
  if (flag === true) throw new UsageError('--plugin needs a package name or a path');
  const names = [...(env ?? '').split(','), ...(flag ?? '').split(',')].map((s) => s.trim()).filter(Boolean);
  return [...new Set(names)];
}

function resolveModule(name: string, cwd: string): string {
  if (name.startsWith('.') || isAbsolute(name)) return pathToFileURL(resolve(cwd, name)).href;
  try {
    return pathToFileURL(createRequire(resolve(cwd, 'package.json')).resolve(name)).href;
  } catch {
    throw new UsageError(
      `cannot find plugin "${name}" from ${cwd} (install it, or give a path to its module)`,
    );
  }
}

const isPlugin = (value: unknown): value is Plugin =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';

/** Imports and registers each plugin; returns their plugin names. */
export async function loadPlugins(names: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const loaded: string[] = [];
  for (const name of names) {
    const module = (await import(resolveModule(name, cwd))) as { default?: unknown; plugin?: unknown };
    const plugin = isPlugin(module.default) ? module.default : module.plugin;
    if (!isPlugin(plugin)) {
      throw new UsageError(
        `"${name}" does not export a deepnets plugin (a default export made with definePlugin)`,
      );
    }
    registry.use(plugin);
    loaded.push(plugin.name);
  }
  return loaded;
}
