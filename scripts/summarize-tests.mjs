#!/usr/bin/env node
// Reads the output of `pnpm test` on stdin and prints one closing line for CI:
// "N passed, N failed" summed over every Vitest project and the node:test end-to-end run.
import { readFileSync } from 'node:fs';

const ESC = String.fromCharCode(27);
const text = readFileSync(0, 'utf8').replaceAll(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '');
let passed = 0;
let failed = 0;
for (const line of text.split('\n')) {
  const vitest = line.match(/\bTests\s+(?:(\d+) failed \| )?(\d+) passed/);
  if (vitest) {
    failed += Number(vitest[1] ?? 0);
    passed += Number(vitest[2]);
    continue;
  }
  const onlyFailed = line.match(/\bTests\s+(\d+) failed \(/);
  if (onlyFailed) failed += Number(onlyFailed[1]);
  const nodePass = line.match(/# pass (\d+)$/);
  if (nodePass) passed += Number(nodePass[1]);
  const nodeFail = line.match(/# fail (\d+)$/);
  if (nodeFail) failed += Number(nodeFail[1]);
}
console.log(`${passed} passed, ${failed} failed`);
