#!/usr/bin/env node
/**
 * Compiles the WebAssembly kernel (scripts/gemm-wat.mjs) with wabt and writes
 * src/wasm/gemm-bytes.generated.ts, which embeds both variants (SIMD, relaxed SIMD) as base64
 * so that the module loads synchronously without fetch in Node, browsers and workers.
 *
 *   node scripts/build-wasm.mjs          write the file (part of `pnpm build`)
 *   node scripts/build-wasm.mjs --check  exit 1 if the committed file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gemmModuleSource } from './gemm-module.mjs';

const target = fileURLToPath(new URL('../src/wasm/gemm-bytes.generated.ts', import.meta.url));
const text = await gemmModuleSource();
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error(`${target} is out of date: run node scripts/build-wasm.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
