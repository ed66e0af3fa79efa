/**
 * The widgets room keeps its shape (ARCHITECTURE.md): a widget folder (a folder with a mount.ts)
 * takes shared code from kit/ and depth-kit/, never from another widget's folder, and no source
 * file is over 300 lines. Tests may mount other widgets; they are not checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const MAX_LINES = 300;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });

const widgetFolders = readdirSync(SRC).filter((name) => {
  const path = join(SRC, name);
  return statSync(path).isDirectory() && readdirSync(path).includes('mount.ts');
});

/** Relative import specifiers of a file (import/export ... from '...'). */
const relativeImports = (text: string): string[] =>
  [...text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] as string);

describe('the widgets room keeps its shape', () => {
  it('finds the widget folders it checks', () => {
    expect(widgetFolders).toContain('composition');
    expect(widgetFolders).toContain('layer-panels');
    expect(widgetFolders.length).toBeGreaterThanOrEqual(20);
  });

  it('no widget folder imports from another widget folder', () => {
    const crossings: string[] = [];
    for (const folder of widgetFolders) {
      for (const file of sourceFiles(join(SRC, folder))) {
        for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
          const top = relative(SRC, resolve(dirname(file), spec)).split('/')[0] as string;
          if (top !== folder && widgetFolders.includes(top))
            crossings.push(`${relative(SRC, file)} -> ${spec}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  it(`no source file is over ${MAX_LINES} lines`, () => {
    const long = sourceFiles(SRC)
      .map((file) => ({
        file: relative(SRC, file),
        lines: readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
