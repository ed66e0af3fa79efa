/**
 * Loading deepnets plugins from modules, for processes and threads that have their own registry
 * (a Node worker, the CLI). A module's default export (or its `plugin` export) is the plugin.
 */
import { DeepnetsError, registry as defaultRegistry, type Plugin, type Registry } from '@deepnets/core';
import { resolvePluginFrom } from './plugin-resolve.ts';

const isPlugin = (value: unknown): value is Plugin =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';

/** Where names are looked up: a directory, or a module's path or `file:` URL (its directory). */
export type PluginBase = string | URL;

/** The directory a base stands for (a file's directory, a directory itself). */
async function baseDirectory(base: PluginBase): Promise<string> {
  const { existsSync, statSync } = await import(/* @vite-ignore */ 'node:fs');
  const { dirname } = await import(/* @vite-ignore */ 'node:path');
  const { fileURLToPath } = await import(/* @vite-ignore */ 'node:url');
  const path = base instanceof URL || base.startsWith('file:') ? fileURLToPath(base) : base;
  return existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
}

/**
 * Turns a plugin (a package name, a package directory such as `.`, a built module's path, or a
 * URL) into a `file:` URL that any thread can import. Names and relative paths resolve from the
 * base (a directory, or a module such as `import.meta.url`; the current directory by default);
 * given several bases, names are tried from each in turn. Node only.
 */
export async function resolvePluginModule(
  specifier: string,
  base: PluginBase | readonly PluginBase[] = process.cwd(),
): Promise<string> {
  const bases = Array.isArray(base) ? (base as readonly PluginBase[]) : [base as PluginBase];
  const dirs = [...new Set(await Promise.all(bases.map(baseDirectory)))];
  return resolvePluginFrom(specifier, dirs);
}

/**
 * The default bases of a Node worker's plugin names: the current directory, then the directory of
 * the program that was started (`node /app/main.js` finds `/app/node_modules` from anywhere).
 */
export async function defaultPluginBases(): Promise<string[]> {
  const main = process.argv[1];
  if (!main) return [process.cwd()];
  const { realpathSync, existsSync } = await import(/* @vite-ignore */ 'node:fs');
  return [process.cwd(), existsSync(main) ? realpathSync(main) : main];
}

/** Imports each module URL and registers its plugin; returns the plugin names. */
export async function importPluginModules(
  urls: readonly string[],
  registry: Registry = defaultRegistry,
): Promise<string[]> {
  const names: string[] = [];
  for (const url of urls) {
    const module = (await import(/* @vite-ignore */ url)) as { default?: unknown; plugin?: unknown };
    const plugin = isPlugin(module.default) ? module.default : module.plugin;
    if (!isPlugin(plugin)) {
      throw new DeepnetsError(
        'INVALID_FORMAT',
        `"${url}" does not export a deepnets plugin (a default export made with definePlugin)`,
      );
    }
    registry.use(plugin);
    names.push(plugin.name);
  }
  return names;
}
