/**
 * `--plugin NAME[,NAME...]` (or the `DEEPNETS_PLUGINS` environment variable): deepnets plugins to
 * load before a command runs. Each is a package name resolved from the current directory
 * (`deepnets-plugin-example`), a package directory (`.` for the plugin you are writing, once
 * built) or a path to a built module (`./dist/index.js`); the module's default export (or its
 * `plugin` export) is registered. Commands that start workers pass the same list
 * to them, so the names exist on both sides.
 */
import { importPluginModules, resolvePluginModule } from '@deepnets/worker';
import { UsageError } from './command.ts';

/** The plugin names given by `DEEPNETS_PLUGINS` and `--plugin`, in that order, without repeats. */
export function pluginNames(flag: string | true | undefined, env: string | undefined): string[] {
  if (flag === true) throw new UsageError('--plugin needs a package name or a path');
  const names = [...(env ?? '').split(','), ...(flag ?? '').split(',')].map((s) => s.trim()).filter(Boolean);
  return [...new Set(names)];
}

/** Imports and registers each plugin; returns their plugin names. */
export async function loadPlugins(names: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const urls = await Promise.all(names.map((name) => resolvePluginModule(name, cwd)));
  return importPluginModules(urls);
}
