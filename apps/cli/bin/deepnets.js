#!/usr/bin/env node
// The `deepnets` executable as package managers link it. This stub is committed (not built), so
// `pnpm install` on a fresh clone can link the bin before `pnpm build` has made dist/; it starts
// the built entry, or says how to build it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('deepnets: the CLI is not built yet; run "pnpm build" in the repository first\n');
  process.exit(1);
}
await import(entry.href);
