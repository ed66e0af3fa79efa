/**
 * An independent reference for the tests: linear regions of a 1-D function counted by sampling it
 * densely (no @deepnets/regions). Slopes between neighbouring samples are constant inside a
 * region and change in the one or two cells that hold a joint; every run of at least `minRun`
 * cells with one slope is one linear region (regions shorter than that are not seen).
 */
export function sampledLinearRegions(
  f: (x: number) => number,
  [lo, hi]: readonly [number, number],
  samples = 200_000,
  minRun = 3,
): number {
  const h = (hi - lo) / samples;
  let previous = f(lo);
  const slopes = new Float64Array(samples);
  let scale = 0;
  for (let i = 1; i <= samples; i++) {
    const value = f(lo + i * h);
    slopes[i - 1] = (value - previous) / h;
    scale = Math.max(scale, Math.abs(slopes[i - 1] as number));
    previous = value;
  }
  const tolerance = 1e-6 * Math.max(1, scale);
  let regions = 0;
  let run = 1;
  for (let i = 1; i <= samples; i++) {
    if (i < samples && Math.abs((slopes[i] as number) - (slopes[i - 1] as number)) <= tolerance) {
      run++;
      continue;
    }
    if (run >= minRun) regions++;
    run = 1;
  }
  return regions;
}
