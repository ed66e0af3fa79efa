/**
 * The widgets on a bare page (no docs theme), styled only by the package stylesheet
 * (`@deepnets/widgets/style.css`, built from ./index.css). Issue 13: outside the docs the curves
 * had `stroke: none` and the playground's heat map sat outside its frame. Each check is first
 * seen failing without the stylesheet, so it can fail.
 */
import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mountComposition } from '../composition/mount.ts';
import { host, until } from '../kit/test-helpers.ts';
import { mountPlayground } from '../playground/mount.ts';
import { mountShallowNetwork } from '../shallow-network/mount.ts';
import stylesheet from './index.css?inline';

let style: HTMLStyleElement | undefined;
const useStylesheet = () => {
  style = document.head.appendChild(document.createElement('style'));
  style.textContent = stylesheet;
};

/** Each curve's widget, computed stroke and stroke width. */
const strokes = (root: ParentNode) =>
  [...root.querySelectorAll<SVGPathElement>('.dn-curve')].map((path) => {
    const computed = getComputedStyle(path);
    return {
      widget: path.closest<HTMLElement>('[data-widget]')?.dataset.widget,
      stroke: computed.stroke,
      width: Number.parseFloat(computed.strokeWidth),
    };
  });
/** Resolves once the shallow-network widget has drawn its curve (it evaluates asynchronously). */
async function shallowDrawn(): Promise<void> {
  const end = performance.now() + 10_000;
  while (!document.querySelector('[data-widget="shallow-network"] .dn-curve')) {
    if (performance.now() > end) throw new Error('the shallow-network curve was not drawn within 10 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const visible = (s: { stroke: string; width: number }) =>
  s.stroke !== 'none' && !/rgba\(.*, 0\)$/.test(s.stroke) && s.width > 0;

let runner: Runner;
beforeAll(async () => {
  runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
});
afterAll(() => runner.terminate());
afterEach(() => {
  style?.remove();
  style = undefined;
  document.body.replaceChildren();
  document.documentElement.classList.remove('dark');
});

describe('widgets with only the package stylesheet', { timeout: 60_000 }, () => {
  it('draw the shallow-network and composition curves with a visible stroke (none without it)', async () => {
    mountShallowNetwork(host());
    mountComposition(host());
    await shallowDrawn();
    const bare = strokes(document.body);
    expect(bare.length).toBeGreaterThan(3);
    expect(new Set(bare.map((s) => s.widget))).toEqual(new Set(['shallow-network', 'composition']));
    // The defect: the shallow network's curve gets no stroke from its own markup.
    expect(bare.filter((s) => s.widget === 'shallow-network').every((s) => s.stroke === 'none')).toBe(true);
    useStylesheet();
    const styled = strokes(document.body);
    expect(new Set(styled.map((s) => s.widget))).toEqual(new Set(['shallow-network', 'composition']));
    for (const s of styled) expect(visible(s), JSON.stringify(s)).toBe(true);
  });

  it('follow a .dark ancestor with their dark defaults', async () => {
    useStylesheet();
    mountShallowNetwork(host());
    await shallowDrawn();
    const light = strokes(document.body)[0]?.stroke;
    document.documentElement.classList.add('dark');
    const dark = strokes(document.body)[0]?.stroke;
    expect(light).toBe('rgb(52, 81, 178)');
    expect(dark).toBe('rgb(168, 177, 255)');
    // A page's own --dn-* value wins over the defaults.
    document.body.style.setProperty('--dn-c-accent', 'rgb(1, 2, 3)');
    expect(strokes(document.body)[0]?.stroke).toBe('rgb(1, 2, 3)');
    document.body.style.removeProperty('--dn-c-accent');
  });

  it('keep the playground heat map inside its frame and draw a visible loss curve', async () => {
    const frameBox = () => {
      const frame = document.querySelector('[data-widget="playground"] .dn-cmp-heat') as HTMLElement;
      const svg = frame.querySelector('svg') as SVGSVGElement;
      return {
        canvas: (frame.querySelector('canvas') as HTMLCanvasElement).getBoundingClientRect(),
        svg: svg.getBoundingClientRect(),
      };
    };
    const handle = mountPlayground(host(), {
      worker: runner.api,
      hidden: [4],
      epochs: 20,
      redrawEveryMs: 20,
    });
    const ready = await until(handle.subscribe, (s) => s.network !== undefined);
    expect(ready.dataset).not.toBe('');
    const bare = frameBox();
    expect(
      bare.canvas.bottom <= bare.svg.top + 1,
      'without the stylesheet the canvas sits above the plot',
    ).toBe(true);
    useStylesheet();
    const { canvas, svg } = frameBox();
    // The canvas covers the plot area (createPlot's margins: 44, 12 in a 320-wide viewBox, plot 260
    // wide; the height follows the data's aspect ratio, so it is read from the viewBox).
    const viewHeight = Number(
      document
        .querySelector('[data-widget="playground"] .dn-cmp-heat svg')
        ?.getAttribute('viewBox')
        ?.split(' ')[3],
    );
    const scale = svg.width / 320;
    expect(canvas.left - svg.left).toBeCloseTo(44 * scale, 0);
    expect(canvas.top - svg.top).toBeCloseTo(12 * (svg.height / viewHeight), 0);
    expect(canvas.width).toBeCloseTo(260 * scale, 0);
    expect(canvas.height).toBeCloseTo((viewHeight - 46) * (svg.height / viewHeight), 0);
    const trained = until(handle.subscribe, (s) => s.status === 'idle' && s.epoch === 20);
    (document.querySelector('button[data-action="train"]') as HTMLButtonElement).click();
    await trained;
    const loss = strokes(document.body).filter((s) => s.widget === 'playground');
    expect(loss.length).toBeGreaterThan(0);
    for (const s of loss) expect(visible(s), JSON.stringify(s)).toBe(true);
    handle.destroy();
  });
});
