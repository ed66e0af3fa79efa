/**
 * The decision map's shape: one unit of x1 as long as one unit of x2, so a 4-by-2 data range is
 * drawn twice as wide as tall (issue 19). Height over width is kept within [1/2, 3/2]; a range
 * flatter or taller than that is padded on its short side (equal units still). Pure.
 */

/** createPlot's margins: 44 left, 16 right, 12 top, 34 bottom. */
const MARGIN = { left: 44, right: 16, top: 12, bottom: 34 };
/** Width of the viewBox and of the plot area inside it. */
const WIDTH = 320;
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
export const MIN_RATIO = 0.5;
export const MAX_RATIO = 1.5;
const NEAR_SQUARE = 0.05;

export interface MapLayout {
  /** The box drawn, [x0, x1, y0, y1]: the data's, padded when its ratio was out of range. */
  box: [number, number, number, number];
  /** The viewBox size. */
  width: number;
  height: number;
  /** The plot area inside the viewBox. */
  left: number;
  top: number;
  plotWidth: number;
  plotHeight: number;
}

/** The layout that draws `box` with equal units on both axes. */
export function mapLayout(box: readonly [number, number, number, number]): MapLayout {
  let [x0, x1, y0, y1] = box;
  const ratio = (y1 - y0) / (x1 - x0);
  const clamped = Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));
  // A nearly square range (within 5%) is drawn square, padded: sampled data need not change the frame.
  const kept = Math.abs(clamped - 1) < NEAR_SQUARE ? 1 : clamped;
  if (ratio < kept) {
    const pad = ((x1 - x0) * kept - (y1 - y0)) / 2;
    [y0, y1] = [y0 - pad, y1 + pad];
  } else if (ratio > kept) {
    const pad = ((y1 - y0) / kept - (x1 - x0)) / 2;
    [x0, x1] = [x0 - pad, x1 + pad];
  }
  const plotHeight = Math.round(PLOT_WIDTH * kept);
  return {
    box: [x0, x1, y0, y1],
    width: WIDTH,
    height: plotHeight + MARGIN.top + MARGIN.bottom,
    left: MARGIN.left,
    top: MARGIN.top,
    plotWidth: PLOT_WIDTH,
    plotHeight,
  };
}

/** Heat-map pixels down the plot for `cols` across (at least 2). */
export const rowsFor = (layout: MapLayout, cols: number): number =>
  Math.max(2, Math.round((cols * layout.plotHeight) / layout.plotWidth));
