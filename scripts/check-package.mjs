#!/usr/bin/env node
// Checks that the package in the current directory has the published shape we promise:
// the release fields (LICENSE, repository, publishConfig), publint (exports, files, types) and,
// where it runs, @arethetypeswrong/cli (ESM-only profile).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { checkReleaseFields } from './release-fields.mjs';

const problems = checkReleaseFields(
  JSON.parse(readFileSync('package.json', 'utf8')),
  readFileSync('LICENSE', 'utf8'),
  readFileSync(new URL('../LICENSE', import.meta.url), 'utf8'),
);
if (problems.length > 0) {
  console.error(`release fields of ${process.cwd()}:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('pnpm', ['exec', 'publint', '--strict']);
run('pnpm', ['exec', 'attw', '--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']);
