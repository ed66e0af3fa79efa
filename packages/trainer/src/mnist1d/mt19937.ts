/**
 * MT19937, the Mersenne Twister of Matsumoto and Nishimura (1998), as numpy's `RandomState` uses
 * it: a 624-word state, outputs tempered 32-bit words, and doubles with 53 random bits.
 *
 * Seeding follows numpy's legacy `np.random.seed`: an integer in [0, 2^32) goes through the
 * reference `init_genrand` (x_i = 1812433253 (x_{i-1} xor (x_{i-1} >> 30)) + i); an array of
 * 32-bit words goes through the reference `init_by_array`.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class MT19937 {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** Seeded like `np.random.seed(seed)` for an integer seed (0 <= seed < 2^32). */
  constructor(seed = 5489) {
    this.seed(seed);
  }

  /** Reference `init_genrand(seed)`; the next output regenerates the whole state. */
  seed(seed: number): void {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] as number;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.index = N;
  }

  /** Reference `init_by_array(key)`, used by `np.random.seed([k0, k1, ...])`. */
  seedByArray(key: readonly number[]): void {
    this.seed(19650218);
    const mt = this.mt;
    const length = key.length;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, length); k > 0; k--) {
      const prev = mt[i - 1] as number;
      mt[i] = ((mt[i] as number) ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + (key[j] as number) + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
      if (j >= length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] as number;
      mt[i] = ((mt[i] as number) ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
    }
    mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
    this.index = N;
  }

  /** The next tempered 32-bit output, as an unsigned integer. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * A double in [0, 1) with 53 random bits: (a 2^26 + b) / 2^53 with a = first output >> 5 and
   * b = second output >> 6 (`genrand_res53`, numpy's `random_sample`).
   */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Regenerates all 624 words (the reference `genrand_int32` refill loop). */
  private twist(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = ((mt[k] as number) & UPPER) | ((mt[(k + 1) % N] as number) & LOWER);
      mt[k] = (mt[(k + M) % N] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }
}
