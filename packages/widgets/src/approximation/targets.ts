/**
 * Target functions on [-1, 1]. The docs pass the trainer's `regressionTargets` (the names of the
 * `regression-1d` data set); these few are the widget's own default when none are given.
 */
export type Targets = Readonly<Record<string, (x: number) => number>>;

export const DEFAULT_TARGETS: Targets = {
  sin: (x) => Math.sin(Math.PI * x),
  abs: (x) => Math.abs(x),
  sawtooth: (x) => {
    const u = 2 * x - Math.floor(2 * x);
    return 1 - Math.abs(2 * u - 1);
  },
};

/** A drawn target: values at `n` equally spaced points of [lo, hi], linear in between. */
export function drawnTarget(values: readonly number[], [lo, hi]: readonly [number, number]) {
  const n = values.length;
  return (x: number) => {
    const t = Math.min(n - 1, Math.max(0, ((x - lo) / (hi - lo)) * (n - 1)));
    const i = Math.min(n - 2, Math.floor(t));
    const f = t - i;
    return (values[i] as number) * (1 - f) + (values[i + 1] as number) * f;
  };
}
