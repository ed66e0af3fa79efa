/**
 * Painting a heat map without blocking a drag (issue 19, item 5): a coarse picture at once, then
 * the full-resolution one in row chunks, each chunk its own short task, started once the input has
 * been quiet for `SETTLE_MS`. Calling the returned function drops the unfinished work (a newer
 * picture replaces it).
 */
import { paintHeatMap, pixelGrid, rampInto } from '../kit/heatmap.ts';

/** Side of the coarse picture, in samples, painted at once on every change. */
const COARSE = 72;
/** Quiet time before the full picture starts. */
const SETTLE_MS = 120;
/** Samples evaluated and coloured per task of the full picture. */
const CHUNK = 12_000;

export interface HeatSource {
  evaluate(points: Float64Array, count: number): Float64Array;
  range: readonly [number, number];
}

/** Paints `source` on `box` into `canvas` at `pixels` x `pixels`, progressively; returns cancel. */
export function paintProgressively(
  canvas: HTMLCanvasElement,
  box: readonly [number, number, number, number],
  pixels: number,
  source: HeatSource,
): () => void {
  const coarse = Math.min(pixels, COARSE);
  paintHeatMap(
    canvas,
    source.evaluate(pixelGrid(box, coarse, coarse), coarse * coarse),
    coarse,
    coarse,
    source.range,
  );
  if (coarse === pixels) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const image = new ImageData(pixels, pixels);
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK / pixels));
  const [x0, x1, y0, y1] = box;
  const chunk = (row: number) => {
    const rows = Math.min(rowsPerChunk, pixels - row);
    // The rows [row, row + rows) of the full grid: the same pixel centres as pixelGrid(box, pixels, pixels).
    const top = y1 - (row * (y1 - y0)) / pixels;
    const bottom = y1 - ((row + rows) * (y1 - y0)) / pixels;
    const points = pixelGrid([x0, x1, bottom, top], pixels, rows);
    rampInto(image.data, source.evaluate(points, pixels * rows), source.range, row * pixels);
    if (row + rows < pixels) {
      timer = setTimeout(() => chunk(row + rows), 0);
      return;
    }
    timer = undefined;
    if (canvas.width !== pixels) canvas.width = pixels;
    if (canvas.height !== pixels) canvas.height = pixels;
    canvas.getContext('2d')?.putImageData(image, 0, 0);
  };
  timer = setTimeout(() => chunk(0), SETTLE_MS);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
  };
}
