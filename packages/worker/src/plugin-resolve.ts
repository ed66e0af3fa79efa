/**
 * Where a deepnets plugin module lives, for Node processes and threads (the CLI, Node workers).
 * A plugin is named by
 *
 * - a package name (`deepnets-plugin-example`, `@me/deepnets-plugin-x`, or a subpath such as
 *   `deepnets-plugin-example/widgets`), found in `node_modules` from the base directory upwards
 *   and resolved through its `exports` with the conditions `node`, `import`, `default`;
 * - a package directory (`.`, `../my-plugin`): the package's own main entry, so a plugin can be
 *   tried from its folder right after its build;
 * - a built module file (`./dist/index.js`) or a `file:` URL.
 *
 * TypeScript sources (`./src/index.ts`) are refused with a message that says what to give
 * instead: Node 20 cannot import `.ts` files (and worker threads never can without a loader).
 */
import { DeepnetsError } from '@deepnets/core';

type Fs = typeof import('node:fs');
type Path = typeof import('node:path');

const CONDITIONS = ['node', 'import', 'default'];

/** The target of an `exports` entry under Node's ESM conditions, or undefined. */
function pickTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) return entry.map(pickTarget).find((t) => t !== undefined);
  if (entry === null || typeof entry !== 'object') return undefined;
  for (const [condition, value] of Object.entries(entry)) {
    if (CONDITIONS.includes(condition)) {
      const target = pickTarget(value);
      if (target !== undefined) return target;
    }
  }
  return undefined;
}

/** The file a package directory exports at `subpath` (`.` is the main entry). */
function packageEntry(fs: Fs, path: Path, dir: string, subpath: string, label: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    exports?: unknown;
    main?: string;
  };
  const { exports } = manifest;
  const map =
    typeof exports === 'object' && exports !== null && Object.keys(exports).some((k) => k.startsWith('.'))
      ? (exports as Record<string, unknown>)
      : exports === undefined
        ? undefined
        : { '.': exports };
  const target = map ? pickTarget(map[subpath]) : subpath === '.' ? (manifest.main ?? 'index.js') : subpath;
  if (target === undefined) {
    throw new DeepnetsError('UNKNOWN_NAME', `plugin "${label}": its package.json exports no "${subpath}"`);
  }
  const file = path.resolve(dir, target);
  if (!fs.existsSync(file)) {
    throw new DeepnetsError(
      'UNKNOWN_NAME',
      `plugin "${label}": ${path.relative(dir, file)} does not exist (build the plugin first)`,
    );
  }
  return file;
}

/** `name` split into the package name and the `exports` subpath (`./widgets`, or `.`). */
function splitName(name: string): { pkg: string; subpath: string } {
  const parts = name.split('/');
  const size = name.startsWith('@') ? 2 : 1;
  const rest = parts.slice(size).join('/');
  return { pkg: parts.slice(0, size).join('/'), subpath: rest ? `./${rest}` : '.' };
}

/** The directory of package `pkg` in `node_modules`, looking upwards from `from`. */
function findPackageDir(fs: Fs, path: Path, pkg: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', pkg);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Turns a plugin name, a package directory, a file path or a URL into a `file:` URL that any
 * thread can import. Names and relative paths resolve from each directory of `bases` in turn
 * (paths from the first); the error names the bases tried.
 */
export async function resolvePluginFrom(specifier: string, bases: readonly string[]): Promise<string> {
  if (/^[a-z]+:/.test(specifier)) return specifier;
  const fs = (await import(/* @vite-ignore */ 'node:fs')) as Fs;
  const path = (await import(/* @vite-ignore */ 'node:path')) as Path;
  const { pathToFileURL } = await import(/* @vite-ignore */ 'node:url');
  const first = bases[0] ?? '.';
  const isPath = specifier.startsWith('.') || path.isAbsolute(specifier);
  if (isPath) {
    const full = path.resolve(first, specifier);
    if (/\.[mc]?tsx?$/.test(full)) {
      throw new DeepnetsError(
        'INVALID_FORMAT',
        `plugin "${specifier}" is TypeScript source, which Node cannot import; build the plugin and give its package directory (--plugin .) or its built file (./dist/index.js)`,
      );
    }
    if (!fs.existsSync(full))
      throw new DeepnetsError('UNKNOWN_NAME', `plugin "${specifier}": ${full} does not exist`);
    const file = fs.statSync(full).isDirectory() ? packageEntry(fs, path, full, '.', specifier) : full;
    return pathToFileURL(file).href;
  }
  const { pkg, subpath } = splitName(specifier);
  for (const base of bases) {
    const dir = findPackageDir(fs, path, pkg, path.resolve(base));
    if (dir) return pathToFileURL(packageEntry(fs, path, dir, subpath, specifier)).href;
  }
  throw new DeepnetsError(
    'UNKNOWN_NAME',
    `cannot find plugin "${specifier}" from ${bases.join(' or ')} (install it, or give a path to its package or built module)`,
  );
}
