import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DeepnetsError } from '@deepnets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePluginModule } from './plugin-modules.ts';
import { createRunner } from './runner.ts';

const fixture = fileURLToPath(new URL('./testing/fixture-plugin.mjs', import.meta.url));

/** tmp/app/node_modules/deepnets-plugin-fixture with a main entry and a `./extra` subpath. */
let app: string;
let pkg: string;
let elsewhere: string;
beforeAll(() => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'deepnets-resolve-')));
  app = join(root, 'app');
  pkg = join(app, 'node_modules', 'deepnets-plugin-fixture');
  elsewhere = join(root, 'elsewhere');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  mkdirSync(join(app, 'src', 'deep'), { recursive: true });
  mkdirSync(elsewhere);
  copyFileSync(fixture, join(pkg, 'dist', 'index.js'));
  writeFileSync(join(pkg, 'dist', 'extra.js'), 'export default { name: "x" };');
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({
      name: 'deepnets-plugin-fixture',
      type: 'module',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './extra': { import: './dist/extra.js' },
      },
    }),
  );
  writeFileSync(join(app, 'main.mjs'), '');
});

const url = (...parts: string[]) => pathToFileURL(join(...parts)).href;

describe('resolvePluginModule', () => {
  it('finds a package name through node_modules upwards from the base, with subpaths', async () => {
    expect(await resolvePluginModule('deepnets-plugin-fixture', app)).toBe(url(pkg, 'dist', 'index.js'));
    expect(await resolvePluginModule('deepnets-plugin-fixture/extra', join(app, 'src', 'deep'))).toBe(
      url(pkg, 'dist', 'extra.js'),
    );
  });

  it('takes a module URL as the base (import.meta.url of the caller)', async () => {
    expect(await resolvePluginModule('deepnets-plugin-fixture', pathToFileURL(join(app, 'main.mjs')))).toBe(
      url(pkg, 'dist', 'index.js'),
    );
  });

  it('loads a package directory (".") through its exports', async () => {
    expect(await resolvePluginModule('.', pkg)).toBe(url(pkg, 'dist', 'index.js'));
    expect(await resolvePluginModule('./node_modules/deepnets-plugin-fixture', app)).toBe(
      url(pkg, 'dist', 'index.js'),
    );
  });

  it('tries several bases in turn and names them when the plugin is nowhere', async () => {
    expect(await resolvePluginModule('deepnets-plugin-fixture', [elsewhere, app])).toBe(
      url(pkg, 'dist', 'index.js'),
    );
    const error = await resolvePluginModule('deepnets-plugin-fixture', elsewhere).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeepnetsError);
    expect((error as DeepnetsError).code).toBe('UNKNOWN_NAME');
    expect((error as Error).message).toContain(`from ${elsewhere}`);
  });

  it('refuses TypeScript source with what to give instead', async () => {
    const error = await resolvePluginModule('./src/index.ts', pkg).catch((e: unknown) => e);
    expect((error as DeepnetsError).code).toBe('INVALID_FORMAT');
    expect((error as Error).message).toContain('--plugin .');
  });

  it('says which export is missing and which built file does not exist', async () => {
    await expect(resolvePluginModule('deepnets-plugin-fixture/nope', app)).rejects.toThrow(
      'exports no "./nope"',
    );
    writeFileSync(join(elsewhere, 'package.json'), JSON.stringify({ exports: './dist/index.js' }));
    await expect(resolvePluginModule('.', elsewhere)).rejects.toThrow('build the plugin first');
  });
});

describe('createRunner({ plugins, pluginBase })', () => {
  it('resolves plugin names from the given base, not the current directory', async () => {
    expect(process.cwd()).not.toContain(app);
    const runner = await createRunner({ plugins: ['deepnets-plugin-fixture'], pluginBase: app });
    try {
      const layer = { weights: [[1]], biases: [0] };
      const net = { activation: 'fixture/steep-relu', layers: [layer, layer] };
      const y = await runner.api.evaluateBatch(net, Float64Array.from([-1, 2]), 2);
      expect(Array.from(y)).toEqual([0, 6]); // y = a[x] = max(0, 3x)
    } finally {
      await runner.terminate();
    }
  });
});
