#!/usr/bin/env node
// Checks that the package in the current directory has the published shape we promise:
// publint (exports, files, types) and, where it runs, @arethetypeswrong/cli (ESM-only profile).
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('pnpm', ['exec', 'publint', '--strict']);
run('pnpm', ['exec', 'attw', '--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']);
