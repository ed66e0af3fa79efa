/**
 * Figure 4.7 widget, view: one panel: the eq. 4.17 curves for K = 1..5 with their labels, the
 * marked point, the reader's added points and the selected point, on a log-y plot.
 */
import { formatBig, shortBig } from '../depth-kit/bigint.ts';
import { headroomTop, type LogPlot } from '../depth-kit/log-plot.ts';
import { polylinePath, svgElement } from '../kit/dom.ts';
import { unitColor } from '../kit/piecewise-draw.ts';
import { unitsPerPixel } from '../kit/text-size.ts';
import { type AddedPoint, logOf, type panelSeries } from './points.ts';

export interface PanelData {
  /** 0 for panel a, 1 for panel b. */
  panel: number;
  inputs: number;
  lines: ReturnType<typeof panelSeries>;
  added: readonly AddedPoint[];
  mark: AddedPoint | undefined;
  selected: { panel: number; layers: number; index: number };
}

export function drawPanel(plot: LogPlot, data: PanelData): void {
  const { lines, mark, panel: i } = data;
  const extra = data.added;
  const maxX = Math.max(...lines.flat().map((p) => p.parameters), ...extra.map((p) => p.parameters));
  const maxY = Math.max(...lines.flat().map((p) => p.log10Regions), ...extra.map((p) => logOf(p).bound));
  const scale = plot.frame([0, maxX * 1.04], [0, headroomTop(Math.ceil(maxY * 1.1 + 1))]);
  plot.curves.replaceChildren();
  plot.points.replaceChildren();
  plot.overlay.replaceChildren();
  const polylines: Array<{ xs: number[]; ys: number[] }> = [];
  lines.forEach((line, k) => {
    const color = unitColor(k);
    const xs = line.map((p) => scale.x(p.parameters));
    const ys = line.map((p) => scale.y(p.log10Regions));
    polylines.push({ xs, ys });
    svgElement(
      'path',
      {
        d: polylinePath(xs, ys),
        fill: 'none',
        style: `stroke: ${color}`,
        class: 'dn-curve',
        'data-layers': k + 1,
      },
      plot.curves,
    );
    line.forEach((_p, j) => {
      svgElement(
        'circle',
        { cx: xs[j] as number, cy: ys[j] as number, r: 2, style: `fill: ${color}; stroke: none` },
        plot.points,
      );
    });
    const last = line.at(-1);
    if (last) {
      const x = scale.x(last.parameters);
      // Right of the curve's end when the label fits before the frame's edge, else above-left.
      const room = scale.x.range[1] - x > 44 * (unitsPerPixel(plot.svg) ?? 1);
      svgElement(
        'text',
        {
          x: room ? x + 5 : x - 4,
          y: scale.y(last.log10Regions) + (room ? 4 : -6),
          'text-anchor': room ? 'start' : 'end',
          class: 'dn-tick dn-halo',
          style: `fill: ${color}`,
        },
        plot.overlay,
      ).textContent = `K=${k + 1}`;
    }
  });
  if (mark) {
    const cx = scale.x(mark.parameters);
    const cy = scale.y(logOf(mark).bound);
    svgElement(
      'circle',
      { cx, cy, r: 7, class: 'dn-depth-highlight', 'data-role': 'highlight' },
      plot.overlay,
    );
    const note = svgElement('text', { x: cx + 9, y: cy + 16, class: 'dn-tick dn-halo' }, plot.overlay);
    note.textContent = `${formatBig(mark.parameters)} params, ${shortBig(mark.bound)}`;
    placeClear(note, { cx, cy }, polylines, [scale.x.range, scale.y.range], plot.overlay);
  }
  for (const p of extra) {
    const log = logOf(p);
    const cx = scale.x(p.parameters);
    svgElement(
      'rect',
      {
        x: cx - 4,
        y: scale.y(log.bound) - 4,
        width: 8,
        height: 8,
        class: 'dn-depth-added',
        'data-role': 'added-bound',
      },
      plot.overlay,
    );
    if (log.exact !== undefined) {
      svgElement(
        'path',
        {
          d: `M${cx - 5},${scale.y(log.exact) + 4}L${cx + 5},${scale.y(log.exact) + 4}L${cx},${scale.y(log.exact) - 5}Z`,
          class: `dn-depth-exact dn-depth-${p.kind}`,
          'data-role': 'added-exact',
        },
        plot.overlay,
      );
    }
  }
  const sel = data.selected;
  if (sel.panel === i) {
    const p = lines[sel.layers - 1]?.[sel.index];
    if (p) {
      svgElement(
        'circle',
        { cx: scale.x(p.parameters), cy: scale.y(p.log10Regions), r: 6, class: 'dn-depth-selected' },
        plot.overlay,
      );
    }
  }
  plot.setTitle(
    `Figure 4.7${'ab'[i]}: linear regions by eq. 4.17 against parameters, ${data.inputs} input${data.inputs > 1 ? 's' : ''}, K = 1 to 5 layers, log scale.`,
  );
}

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** True when the segment (x0, y0)-(x1, y1) enters `box` (sampled finely: boxes are a few units). */
function segmentHits(box: Box, x0: number, y0: number, x1: number, y1: number): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 0.5));
  for (let n = 0; n <= steps; n++) {
    const x = x0 + ((x1 - x0) * n) / steps;
    const y = y0 + ((y1 - y0) * n) / steps;
    if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) return true;
  }
  return false;
}

/**
 * Moves the marked point's note to a spot no curve crosses, clear of the curve labels and inside
 * the plot: beside the point (below or above, right or left), else in the plot's lower right
 * corner with a thin leader line to the point. Left as drawn when the text cannot be measured.
 */
function placeClear(
  note: SVGTextElement,
  { cx, cy }: { cx: number; cy: number },
  polylines: ReadonlyArray<{ xs: number[]; ys: number[] }>,
  [xRange, yRange]: [readonly number[], readonly number[]],
  overlay: SVGGElement,
): void {
  const measured = typeof note.getBBox === 'function' ? note.getBBox() : undefined;
  if (!measured || !(measured.width > 0)) return;
  const { width, height } = measured;
  const labels = [...overlay.querySelectorAll('text')].filter((t) => t !== note).map((t) => t.getBBox());
  const [left, right] = [Math.min(...xRange), Math.max(...xRange)];
  const [top, bottom] = [Math.min(...yRange), Math.max(...yRange)];
  const near = [16, -10, 30, -24].flatMap((dy) =>
    (['start', 'end'] as const).map((anchor) => ({
      x: anchor === 'start' ? cx + 9 : cx - 9,
      y: cy + dy,
      anchor,
    })),
  );
  const corner = { x: right - 4, y: bottom - 6, anchor: 'end' as const };
  for (const spot of [...near, corner]) {
    const x = spot.anchor === 'start' ? spot.x : spot.x - width;
    const box = { x: x - 2, y: spot.y - height + 2, width: width + 4, height: height + 2 };
    if (box.x < left || box.x + box.width > right || box.y < top || box.y + box.height > bottom) continue;
    if (labels.some((l) => overlaps(box, l))) continue;
    const crossed = polylines.some(({ xs, ys }) =>
      xs.some((_, j) => j > 0 && segmentHits(box, xs[j - 1]!, ys[j - 1]!, xs[j]!, ys[j]!)),
    );
    if (crossed) continue;
    note.setAttribute('x', String(spot.x));
    note.setAttribute('y', String(spot.y));
    note.setAttribute('text-anchor', spot.anchor);
    if (spot === corner) {
      const [lx, ly] = [box.x + box.width / 2, box.y];
      const leader = svgElement('path', {
        d: `M${cx},${cy}L${lx},${ly}`,
        class: 'dn-leader',
        'data-role': 'leader',
      });
      // under the marked circle, and not between it and its note
      overlay.insertBefore(leader, overlay.querySelector('[data-role="highlight"]') ?? note);
    }
    return;
  }
}
