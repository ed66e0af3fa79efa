#!/usr/bin/env node
// Builds dist/style.css (exported as `@deepnets/widgets/style.css`) from src/styles/index.css by
// inlining its `@import "./file.css";` lines in order, so a consumer loads one plain stylesheet
// whatever its bundler does with @import.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'styles', 'index.css');
const IMPORT = /^@import\s+["'](\.\/[\w-]+\.css)["'];\s*$/gm;

const index = readFileSync(entry, 'utf8');
const files = [...index.matchAll(IMPORT)].map((m) => m[1]);
if (files.length === 0) throw new Error(`${entry}: no @import "./NAME.css"; lines to inline`);
const rest = index
  .replace(IMPORT, '')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .trim();
if (rest !== '')
  throw new Error(`${entry}: only @import lines and comments are allowed, found: ${rest.slice(0, 80)}`);

const parts = files.map((file) => {
  const css = readFileSync(join(dirname(entry), file), 'utf8');
  if (/@import/.test(css)) throw new Error(`src/styles/${file}: nested @import is not supported`);
  return `/* ${file} */\n${css.trim()}\n`;
});
mkdirSync(join(root, 'dist'), { recursive: true });
const out = join(root, 'dist', 'style.css');
writeFileSync(out, `/* @deepnets/widgets/style.css */\n${parts.join('\n')}`);
console.log(`dist/style.css: ${files.length} files, ${readFileSync(out).length} bytes`);
