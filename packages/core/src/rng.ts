/**
 * A seeded random number generator that gives the same stream in Node, browsers and workers:
 * xoshiro128** (Blackman and Vigna) on 32-bit integers (`Math.imul`, shifts), seeded through
 * splitmix32. Its state is four 32-bit integers, JSON-serializable through `getState`. Normal
 * deviates use Marsaglia's polar method with a logarithm built from basic arithmetic, so every
 * value (not only the integers) is bit-identical across engines.
 */
import { DeepnetsError } from './errors.ts';
import { portableLog } from './exact-log.ts';

/** The JSON-serializable state of an `Rng`. */
export interface RngState {
  algorithm: 'xoshiro128**';
  s: [number, number, number, number];
}

/** A seeded stream of random numbers. */
export interface Rng {
  /** A 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform on [0, 1), with 53 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1) (Marsaglia's polar method, one value per call). */
  normal(): number;
  /** Uniform integer in 0..n-1 (unbiased; 1 <= n <= 2^32). */
  int(n: number): number;
  getState(): RngState;
  setState(state: RngState): void;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** splitmix32: expands one 32-bit seed into well-mixed state words. */
function splitmix32(seed: number): () => number {
  let z = seed >>> 0;
  return () => {
    z = (z + 0x9e3779b9) | 0;
    let t = z ^ (z >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

function checkState(state: unknown): [number, number, number, number] {
  const s = (state as RngState | null)?.s;
  const ok =
    (state as RngState | null)?.algorithm === 'xoshiro128**' &&
    Array.isArray(s) &&
    s.length === 4 &&
    s.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff) &&
    s.some((v) => v !== 0);
  if (!ok) {
    throw new DeepnetsError(
      'INVALID_FORMAT',
      'expected { algorithm: "xoshiro128**", s: four 32-bit unsigned integers, not all zero }',
      'rng state',
    );
  }
  return [...(s as number[])] as [number, number, number, number];
}

/** A generator seeded with any finite number (its low 32 bits after truncation are used). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new DeepnetsError('NON_FINITE', `must be finite, got ${seed}`, 'seed');
  const mix = splitmix32(Math.trunc(seed));
  let [a, b, c, d] = [mix(), mix(), mix(), mix()];
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uniform = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  return {
    nextUint32,
    uniform,
    normal: () => {
      // (v1, v2) uniform in the unit disk; then v1 sqrt(-2 ln(s) / s) ~ N(0, 1).
      for (;;) {
        const v1 = 2 * uniform() - 1;
        const v2 = 2 * uniform() - 1;
        const s = v1 * v1 + v2 * v2;
        if (s > 0 && s < 1) return v1 * Math.sqrt((-2 * portableLog(s)) / s);
      }
    },
    int: (n) => {
      if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) {
        throw new DeepnetsError('OUT_OF_RANGE', `must be an integer in 1..2^32, got ${n}`, 'n');
      }
      const limit = 2 ** 32 - (2 ** 32 % n); // reject the top partial block: no modulo bias
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return x % n;
    },
    getState: () => ({ algorithm: 'xoshiro128**', s: [a >>> 0, b >>> 0, c >>> 0, d >>> 0] }),
    setState: (state) => {
      [a, b, c, d] = checkState(state);
    },
  };
}
