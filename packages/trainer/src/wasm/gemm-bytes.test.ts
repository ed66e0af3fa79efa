import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GEMM_RELAXED_BASE64, GEMM_SIMD_BASE64 } from './gemm-bytes.generated.ts';

describe('generated kernel bytes', () => {
  it('are reproduced exactly from scripts/gemm-wat.mjs by the build script', () => {
    const script = fileURLToPath(new URL('../../scripts/build-wasm.mjs', import.meta.url));
    // Exits non-zero (and the call throws) when the committed module differs from a fresh build.
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('are two different WebAssembly modules (magic number, version 1)', () => {
    for (const b64 of [GEMM_SIMD_BASE64, GEMM_RELAXED_BASE64]) {
      expect([...atob(b64).slice(0, 8)].map((c) => c.charCodeAt(0))).toEqual([0, 97, 115, 109, 1, 0, 0, 0]);
    }
    expect(GEMM_SIMD_BASE64).not.toBe(GEMM_RELAXED_BASE64);
  });
});
