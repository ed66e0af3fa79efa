/**
 * The API page stays honest: every name that a package's index.ts exports is mentioned (in
 * backticks) in that package's section of docs/api/index.md, and every theme custom property of
 * the widgets' stylesheet is listed there and in the widgets README.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const apiPage = read('./index.md');

/** The names exported by `export { a, type B } from '...'` and `export type { C } from '...'`. */
function exportedNames(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s+from/g)) {
    for (const part of (match[1] as string).split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop();
      if (name) names.push(name);
    }
  }
  if (/export\s+\*/.test(source)) throw new Error('index.ts uses `export *`: list the names explicitly');
  return names;
}

/** The identifiers inside backticks in the `## <pkg>` section of the API page. */
function mentioned(pkg: string): Set<string> {
  const start = apiPage.indexOf(`## ${pkg}\n`);
  if (start < 0) throw new Error(`docs/api/index.md has no "## ${pkg}" section`);
  const next = apiPage.indexOf('\n## ', start + 1);
  const section = apiPage.slice(start, next < 0 ? undefined : next);
  const words = new Set<string>();
  for (const span of section.matchAll(/`([^`]+)`/g)) {
    for (const word of (span[1] as string).match(/[A-Za-z_$][\w$]*/g) ?? []) words.add(word);
  }
  return words;
}

describe('docs/api/index.md', () => {
  it('mentions every export of @deepnets/widgets', () => {
    const names = exportedNames(read('../../packages/widgets/src/index.ts'));
    expect(names.length).toBeGreaterThan(50);
    const words = mentioned('@deepnets/widgets');
    expect(names.filter((name) => !words.has(name))).toEqual([]);
  });

  it('reads the export list the way TypeScript does', () => {
    expect(
      exportedNames("export { a, type B } from './x.ts';\nexport type { C as D } from './y.ts';"),
    ).toEqual(['a', 'B', 'D']);
  });

  it("lists every --dn-* custom property of the widgets' theme, here and in the widgets README", () => {
    const tokens = read('../../packages/widgets/src/styles/tokens.css');
    const properties = [...new Set(tokens.match(/--dn-[\w-]+(?=\s*:)/g))];
    expect(properties.length).toBeGreaterThan(10);
    const readme = read('../../packages/widgets/README.md');
    expect(properties.filter((p) => !apiPage.includes(`\`${p}\``))).toEqual([]);
    expect(properties.filter((p) => !readme.includes(`\`${p}\``))).toEqual([]);
  });
});
