/** The height of a drawn polyline (xs ascending, ys) at x, by linear interpolation: what the eye reads. */
export function polylineAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  let i = 0;
  while (i < xs.length - 2 && (xs[i + 1] as number) < x) i++;
  const x0 = xs[i] as number;
  const x1 = xs[i + 1] as number;
  const t = x1 === x0 ? 0 : (x - x0) / (x1 - x0);
  return (ys[i] as number) + t * ((ys[i + 1] as number) - (ys[i] as number));
}
