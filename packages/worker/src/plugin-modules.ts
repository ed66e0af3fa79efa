/**
 * Loading deepnets plugins from modules, for processes and threads that have their own registry
 * (a Node worker, the CLI). A module's default export (or its `plugin` export) is the plugin.
 */
import { DeepnetsError, registry as defaultRegistry, type Plugin, type Registry } from '@deepnets/core';

const isPlugin = (value: unknown): value is Plugin =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';

/**
 * Turns a package name (resolved from `cwd`, as `node` would from there) or a file path into a
 * `file:` URL that any thread can import. URLs pass through. Node only.
 */
export async function resolvePluginModule(specifier: string, cwd: string): Promise<string> {
  if (/^[a-z]+:/.test(specifier)) return specifier;
  const { createRequire } = await import(/* @vite-ignore */ 'node:module');
  const { isAbsolute, resolve } = await import(/* @vite-ignore */ 'node:path');
  const { pathToFileURL } = await import(/* @vite-ignore */ 'node:url');
  if (specifier.startsWith('.') || isAbsolute(specifier)) return pathToFileURL(resolve(cwd, specifier)).href;
  try {
    return pathToFileURL(createRequire(resolve(cwd, 'package.json')).resolve(specifier)).href;
  } catch {
    throw new DeepnetsError(
      'UNKNOWN_NAME',
      `cannot find plugin "${specifier}" from ${cwd} (install it, or give a path to its module)`,
    );
  }
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
