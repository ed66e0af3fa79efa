import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { host, setSearch, until, urlSearch } from '../kit/test-helpers.ts';
import { MAX_URL_POINTS } from './drawn-data.ts';
import { mountPlayground } from './mount.ts';

let runner: Runner;
beforeAll(async () => {
  runner = await createRunner({ createWorker: () => new DeepnetsWorker() });
});
afterAll(() => runner.terminate());
afterEach(() => {
  document.body.replaceChildren();
  setSearch('');
});

const file = (name: string, text: string) => {
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'text/csv' }));
  return transfer;
};
function pickCsv(root: HTMLElement, name: string, text: string): void {
  const input = root.querySelector('[data-role="data-tools"] input[type="file"]') as HTMLInputElement;
  input.files = file(name, text).files;
  input.dispatchEvent(new Event('change'));
}
const dropOn = (target: HTMLElement, name: string, text: string) =>
  target.dispatchEvent(
    new DragEvent('drop', { dataTransfer: file(name, text), bubbles: true, cancelable: true }),
  );
const q = <T extends Element>(root: Element, selector: string) => root.querySelector(selector) as T;

function mount(extra: Parameters<typeof mountPlayground>[1] = {}) {
  const handle = mountPlayground(host(), {
    worker: runner.api,
    dataset: 'circles',
    hidden: [6],
    epochs: 60,
    checkpointEvery: 20,
    redrawEveryMs: 20,
    ...extra,
  });
  return { handle, root: document.querySelector('[data-widget="playground"]') as HTMLElement };
}

/** A 3-class CSV: three well separated clusters, 30 rows each, with a header. */
const clusters = () => {
  const rows = ['a,b,kind'];
  const centres = [
    [-0.6, -0.5, 'cat'],
    [0.6, -0.5, 'dog'],
    [0, 0.6, 'eel'],
  ] as const;
  for (let i = 0; i < 90; i++) {
    const [cx, cy, kind] = centres[i % 3] as (typeof centres)[number];
    rows.push(`${(cx + 0.1 * Math.sin(i)).toFixed(3)},${(cy + 0.1 * Math.cos(i)).toFixed(3)},${kind}`);
  }
  return `${rows.join('\n')}\n`;
};

describe('playground: your own data', { timeout: 60_000 }, () => {
  it('opens a good CSV, takes the columns chosen in the dialog, and trains on it in the worker', async () => {
    const { handle, root } = mount();
    await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    pickCsv(root, 'clusters.csv', clusters());
    const dialog = q<HTMLElement>(root, '.dn-csv-dialog');
    await vi.waitFor(() => expect(dialog.hidden).toBe(false));
    expect(dialog.textContent).toContain('90 rows, 3 columns');
    expect(q<HTMLSelectElement>(dialog, '[data-param="csv-task"]').value).toBe('classification');
    q<HTMLButtonElement>(dialog, '[data-action="csv-use"]').click();
    const state = await until(handle.subscribe, (s) => s.source === 'csv' && s.network !== undefined);
    expect(state.dataset).toBe('CSV: clusters.csv');
    expect(state.network?.layers.at(-1)?.weights).toHaveLength(3);
    expect(root.querySelectorAll('[data-role="data"] circle')).toHaveLength(90);
    expect(q<HTMLElement>(root, '[data-role="data-note"]').textContent).toMatch(/cannot share/);
    expect(q<HTMLSelectElement>(root, 'select[data-param="dataset"]').value).toBe('CSV: clusters.csv');
    const done = until(handle.subscribe, (s) => s.status === 'idle' && s.epoch === 60);
    q<HTMLButtonElement>(root, 'button[data-action="train"]').click();
    const trained = await done;
    expect(trained.history.at(-1)?.accuracy).toBeGreaterThan(0.9);
    // A dropped CSV opens the dialog too; the URL never carries file data.
    dropOn(root, 'again.csv', clusters());
    await vi.waitFor(() => expect(dialog.textContent).toContain('again.csv'));
    handle.destroy();
  });

  it("shows papaparse's line and column for bad files and never throws", async () => {
    const { handle, root } = mount({ urlPrefix: 'pg' });
    await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    const note = q<HTMLElement>(root, '[data-role="data-note"]');
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const cases: [string, RegExp][] = [
      [
        'a,b,c\n1,2,3\n4,"5,6\n',
        /bad\.csv: line 3, column 4: Quoted field unterminated \(MissingQuotes\) \[INVALID_FORMAT\]/,
      ],
      ['a,b,c\n1,2,3\n4,5\n', /line 3: expected 3 fields like the first row, got 2/],
      ['\n\n', /no rows/],
    ];
    for (const [text, message] of cases) {
      pickCsv(root, 'bad.csv', text);
      await vi.waitFor(() => expect(note.textContent).toMatch(message));
      expect(note.hidden).toBe(false);
      expect(note.dataset.error).toBe('true');
      expect(note.getAttribute('role')).toBe('alert');
      expect(note.textContent).toMatch(message);
    }
    // A cell that is not a number is found when the columns are chosen.
    pickCsv(root, 'cells.csv', 'x,y,c\n1,2,0\n1,oops,1\n');
    await vi.waitFor(() => expect(q<HTMLElement>(root, '.dn-csv-dialog').textContent).toContain('cells.csv'));
    q<HTMLButtonElement>(root, '[data-action="csv-use"]').click();
    expect(note.textContent).toMatch(/line 3, column 2: expected a number in column "y", got "oops"/);
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    expect(q<HTMLSelectElement>(root, 'select[data-param="dataset"]').value).toBe('circles');
    handle.destroy();
  });

  it('draws points by class with pointer events; small sets go into the URL, large ones say they cannot', async () => {
    const { handle, root } = mount({ urlPrefix: 'pg' });
    await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    q<HTMLButtonElement>(root, '[data-action="draw"]').click();
    // The plot area is 260 of the 320 x 306 viewBox, from (44, 12).
    const at = (x1: number, x2: number, pointerType = 'mouse', widget = root) => {
      const svg = q<SVGSVGElement>(widget, '[data-panel="decision"] svg');
      const box = svg.getBoundingClientRect();
      const px = box.left + ((44 + ((x1 + 1) / 2) * 260) / 320) * box.width;
      const py = box.top + ((12 + ((1 - x2) / 2) * 260) / 306) * box.height;
      svg.dispatchEvent(
        new PointerEvent('pointerdown', { clientX: px, clientY: py, pointerType, bubbles: true, button: 0 }),
      );
    };
    at(-0.5, 0.5);
    q<HTMLButtonElement>(root, '[data-action="class-0"]').click();
    at(0.5, -0.5, 'touch');
    const state = await until(handle.subscribe, (s) => s.points.length === 2 && s.network !== undefined);
    expect(state.source).toBe('drawn');
    expect(state.points.map((p) => p.c)).toEqual([1, 0]);
    expect(state.points[0]?.x1).toBeCloseTo(-0.5, 1);
    expect(state.points[1]?.x2).toBeCloseTo(-0.5, 1);
    expect(root.querySelectorAll('[data-role="data"] circle')).toHaveLength(2);
    const search = new URLSearchParams(urlSearch());
    expect(search.get('pg.dataset')).toBe('drawn');
    expect(search.get('pg.points')?.split('~')).toHaveLength(2);
    // The link restores the points.
    const link = urlSearch();
    handle.destroy();
    setSearch(link);
    const again = mount({ urlPrefix: 'pg' });
    const restored = await until(
      again.handle.subscribe,
      (s) => s.source === 'drawn' && s.network !== undefined,
    );
    expect(restored.points).toEqual(state.points);
    for (let i = 0; i < MAX_URL_POINTS; i++) at(-0.9 + (1.8 * i) / MAX_URL_POINTS, 0.1, 'pen', again.root);
    expect(new URLSearchParams(urlSearch()).get('pg.points')).toBeNull();
    expect(q<HTMLElement>(again.root, '[data-role="data-note"]').textContent).toMatch(/too many for a link/);
    again.handle.destroy();
  });

  it('fits the toy function (regression): the loss falls and there is no accuracy', async () => {
    const { handle, root } = mount({ hidden: [12, 12], epochs: 150, learningRate: 0.01 });
    await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    q<HTMLButtonElement>(root, '[data-action="function"]').click();
    const ready = await until(handle.subscribe, (s) => s.source === 'function' && s.network !== undefined);
    expect(ready.network?.layers.at(-1)?.weights).toHaveLength(1);
    const done = until(handle.subscribe, (s) => s.status === 'idle' && s.epoch === 150);
    q<HTMLButtonElement>(root, 'button[data-action="train"]').click();
    const state = await done;
    const first = state.history[0];
    const last = state.history.at(-1);
    expect(last?.accuracy).toBeUndefined();
    expect(last?.loss).toBeLessThan((first?.loss ?? 0) / 2);
    expect(q<HTMLElement>(root, '[data-panel="decision"] figcaption').textContent).toContain(
      "network's output",
    );
    handle.destroy();
  });
});
