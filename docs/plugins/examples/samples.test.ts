// Runs the guide's samples, so the code on the plugins page cannot rot.

import { readFileSync } from 'node:fs';
import { corePlugin, createRegistry, registry } from '@deepnets/core';
import { useTrainerPlugin } from '@deepnets/trainer';
import kinkPlugin from 'deepnets-plugin-kink';
import { kinkWidgetsPlugin } from 'deepnets-plugin-kink/widgets';
import { describe, expect, it } from 'vitest';
import shapesPlugin from './more-kinds.ts';
import { counts, fitSquare, y } from './use.ts';

describe('plugin guide samples', () => {
  it('use.ts: the plugin activation evaluates, is analysed exactly and trains', async () => {
    // h1 = a[1.5] = 1.5 + 0.5 = 2, h2 = a[-2.5] = 0; y = h1 + h2.
    expect(y).toEqual([2]);
    // Unit 1 bends at x = 0 and 1, unit 2 at x = 0.25 and -0.25: 5 pieces on [-2, 2].
    expect(counts.activationRegions).toBe(5);
    const { history } = await fitSquare();
    expect(history.at(-1)?.loss).toBeLessThan(history[0]?.loss ?? Number.NaN);
  });

  it('more-kinds.ts: every contribution registers under its kind and the data set is right', () => {
    const r = createRegistry([corePlugin]);
    useTrainerPlugin(r);
    r.use(shapesPlugin);
    expect(r.get('optimizer', 'shapes/sign-descent').batchSize).toBe('full');
    expect(r.get('loss', 'shapes/absolute').targets).toBe('values');
    expect(r.has('widget', 'shapes/hello')).toBe(true);
    const data = r.get('dataset', 'shapes/ring').generate({ samples: 50 });
    for (let i = 0; i < data.train.count; i++) {
      const [a, b] = [data.train.x[2 * i] as number, data.train.x[2 * i + 1] as number];
      expect(data.train.y[i]).toBe(a * a + b * b > 0.25 ? 1 : 0);
    }
    expect(registry.has('dataset', 'shapes/ring')).toBe(false); // the fresh registry kept it apart
  });

  it('kink/: the package keeps DOM code on ./widgets; both entries register side by side', () => {
    const source = (file: string) => readFileSync(new URL(`./kink/src/${file}`, import.meta.url), 'utf8');
    expect(source('index.ts')).not.toMatch(/@deepnets\/widgets/);
    const manifest = JSON.parse(readFileSync(new URL('./kink/package.json', import.meta.url), 'utf8'));
    expect(Object.keys(manifest.exports)).toEqual(['.', './widgets', './package.json']);
    expect(manifest.peerDependenciesMeta['@deepnets/widgets']).toEqual({ optional: true });
    const r = createRegistry([corePlugin]);
    r.use(kinkPlugin).use(kinkWidgetsPlugin);
    expect(r.ownerOf('widget', 'kink/table')).toBe('deepnets-plugin-kink/widgets');
    expect(r.get('activation', 'kink/double').f(2)).toBe(3);
  });
});
