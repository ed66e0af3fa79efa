import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getActivation } from '@deepnets/core';
import { describe, expect, it } from 'vitest';
import { UsageError } from './command.ts';
import { loadPlugins, pluginNames } from './plugins.ts';

describe('--plugin', () => {
  it('merges DEEPNETS_PLUGINS and --plugin without repeats', () => {
    expect(pluginNames('a, b', 'b,c')).toEqual(['b', 'c', 'a']);
    expect(pluginNames(undefined, undefined)).toEqual([]);
    expect(() => pluginNames(true, undefined)).toThrow(UsageError);
  });

  it('imports a plugin module by path and registers its activation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deepnets-plugin-'));
    writeFileSync(
      join(dir, 'plugin.mjs'),
      `export default { name: 'deepnets-plugin-tmp', activations: [{
        name: 'tmp/step-relu', description: 'ReLU with slope 2', kind: 'piecewise-linear',
        breakpoints: [0], slopes: [0, 2], intercepts: [0, 0],
        f: (z) => Math.max(0, 2 * z), derivative: (z) => (z >= 0 ? 2 : 0) }] };`,
    );
    expect(await loadPlugins(['./plugin.mjs'], dir)).toEqual(['deepnets-plugin-tmp']);
    expect(getActivation('tmp/step-relu').f(1.5)).toBe(3);
  });

  it('loads the package in a directory (--plugin .) through its exports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deepnets-plugin-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'deepnets-plugin-dir', type: 'module', exports: { '.': './dist/index.js' } }),
    );
    writeFileSync(join(dir, 'dist', 'index.js'), `export default { name: 'deepnets-plugin-dir' };`);
    expect(await loadPlugins(['.'], dir)).toEqual(['deepnets-plugin-dir']);
    await expect(loadPlugins(['./src/index.ts'], dir)).rejects.toThrow('TypeScript source');
  });

  it('says what is wrong with a missing or non-plugin module', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deepnets-plugin-'));
    writeFileSync(join(dir, 'not-a-plugin.mjs'), 'export const x = 1;');
    await expect(loadPlugins(['./not-a-plugin.mjs'], dir)).rejects.toThrow(
      'does not export a deepnets plugin',
    );
    await expect(loadPlugins(['deepnets-plugin-nowhere'], dir)).rejects.toThrow(
      'cannot find plugin "deepnets-plugin-nowhere"',
    );
  });
});
