import { describe, expect, it } from 'vitest';
import { DeepnetsError } from './errors.ts';
import { createRng } from './rng.ts';

/** Reference xoshiro128** seeded by splitmix32, in BigInt arithmetic (independent of core's int32 code). */
function referenceStream(seed: number, n: number): number[] {
  const M = 0xffffffffn;
  let z = BigInt(seed >>> 0);
  const mix = (): bigint => {
    z = (z + 0x9e3779b9n) & M;
    let t = z ^ (z >> 16n);
    t = (t * 0x21f0aaadn) & M;
    t ^= t >> 15n;
    t = (t * 0x735a2d97n) & M;
    return t ^ (t >> 15n);
  };
  const s = [mix(), mix(), mix(), mix()];
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Number((rotl((s[1]! * 5n) & M, 7n) * 9n) & M));
    const t = (s[1]! << 9n) & M;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
  }
  return out;
}

describe('createRng', () => {
  it('produces the xoshiro128** stream of a BigInt reference implementation', () => {
    for (const seed of [0, 1, 42, 123456789, 0xffffffff]) {
      const rng = createRng(seed);
      expect(Array.from({ length: 50 }, () => rng.nextUint32())).toEqual(referenceStream(seed, 50));
    }
  });

  it('is reproducible and resumable from a JSON round trip of its state', () => {
    const a = createRng(7);
    a.uniform();
    const state = JSON.parse(JSON.stringify(a.getState()));
    const first = [a.uniform(), a.normal(), a.int(10)];
    const b = createRng(999);
    b.setState(state);
    expect([b.uniform(), b.normal(), b.int(10)]).toEqual(first);
  });

  it('uniform() lies in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 20000 }, () => rng.uniform());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    // Standard errors: sqrt(1/12/20000) ~ 0.002 for the mean; 5 sigma bounds.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.004);
  });

  it('normal() has mean 0, variance 1 and the normal tail mass beyond 2 sigma', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    const tail = xs.filter((x) => Math.abs(x) > 2).length / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.035);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(Math.abs(tail - 0.0455)).toBeLessThan(0.008); // P(|Z| > 2) = 0.0455
  });

  it('int(n) covers 0..n-1 evenly', () => {
    const rng = createRng(5);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 7000; i++) counts[rng.int(7)]++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });

  it('rejects bad seeds, states and ranges with typed errors', () => {
    expect(() => createRng(Number.NaN)).toThrow(DeepnetsError);
    expect(() => createRng(1).int(0)).toThrow('n: must be an integer in 1..2^32, got 0');
    expect(() => createRng(1).setState({ algorithm: 'xoshiro128**', s: [0, 0, 0, 0] })).toThrow('rng state');
    expect(() => createRng(1).setState({ algorithm: 'xoshiro128**', s: [1, 2, 3] as never })).toThrow(
      DeepnetsError,
    );
  });
});
