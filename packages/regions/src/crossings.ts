/**
 * The crossings found on one piece of the 1-D sweep: position t, unit, and tolerance delta_t, in
 * flat typed arrays, sorted by t in O(c log c) (a piece of a 200,000-unit layer has 200,000 of them).
 */

/** Up to this many crossings are sorted by insertion (fast for the few of a typical piece). */
const INSERTION_LIMIT = 32;

export class Crossings {
  ts: Float64Array;
  us: Int32Array;
  ds: Float64Array;
  count = 0;

  /** Room for `capacity` crossings (D_k times the number of breakpoints of a[.]). */
  constructor(capacity: number) {
    this.ts = new Float64Array(capacity);
    this.us = new Int32Array(capacity);
    this.ds = new Float64Array(capacity);
  }

  push(t: number, unit: number, delta: number): void {
    const c = this.count++;
    this.ts[c] = t;
    this.us[c] = unit;
    this.ds[c] = delta;
  }

  /** Sorts the crossings by t (ties keep their order). */
  sort(): void {
    const { ts, us, ds, count } = this;
    if (count <= INSERTION_LIMIT) {
      for (let c = 1; c < count; c++) {
        const t = ts[c] as number;
        const u = us[c] as number;
        const d = ds[c] as number;
        let q = c;
        while (q > 0 && (ts[q - 1] as number) > t) {
          ts[q] = ts[q - 1] as number;
          us[q] = us[q - 1] as number;
          ds[q] = ds[q - 1] as number;
          q--;
        }
        ts[q] = t;
        us[q] = u;
        ds[q] = d;
      }
      return;
    }
    const order = new Int32Array(count);
    for (let c = 0; c < count; c++) order[c] = c;
    order.sort((a, b) => (ts[a] as number) - (ts[b] as number) || a - b);
    const t2 = ts.slice(0, count);
    const u2 = us.slice(0, count);
    const d2 = ds.slice(0, count);
    for (let c = 0; c < count; c++) {
      const from = order[c] as number;
      ts[c] = t2[from] as number;
      us[c] = u2[from] as number;
      ds[c] = d2[from] as number;
    }
  }
}
