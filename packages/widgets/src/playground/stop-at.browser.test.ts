import { createRunner, type Runner } from '@deepnets/worker';
import DeepnetsWorker from '@deepnets/worker/browser-worker?worker';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { host, setSearch, until, urlSearch } from '../kit/test-helpers.ts';
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

const q = <T extends Element>(root: Element, selector: string) => root.querySelector(selector) as T;
const set = (root: Element, param: string, value: string) => {
  const el = q<HTMLSelectElement | HTMLInputElement>(root, `[data-param="${param}"]`);
  el.value = value;
  el.dispatchEvent(new Event('change'));
};

async function mounted(epochs: number) {
  const handle = mountPlayground(host(), {
    worker: runner.api,
    dataset: 'circles',
    hidden: [8, 8],
    epochs,
    learningRate: 0.03,
    checkpointEvery: 50,
    redrawEveryMs: 50,
  });
  const root = document.querySelector('[data-widget="playground"]') as HTMLElement;
  await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
  const train = async () => {
    const done = until(handle.subscribe, (s) => s.status === 'idle' && s.epoch > 0);
    q<HTMLButtonElement>(root, 'button[data-action="train"]').click();
    return done;
  };
  return { handle, root, train };
}

describe('playground: stop at a target, validation split, read-outs, log epochs, aspect ratio', {
  timeout: 90_000,
}, () => {
  it('stops when the training accuracy reaches the target and says so', async () => {
    const { handle, root, train } = await mounted(3000);
    set(root, 'stopAt', 'accuracy');
    set(root, 'stopValue', '90');
    expect(q<HTMLInputElement>(root, '[data-param="stopValue"]').value).toBe('0.9');
    const state = await train();
    expect(state.epoch).toBeLessThan(3000);
    expect(state.history.at(-1)?.epoch).toBe(state.epoch);
    expect(state.history.at(-1)?.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(state.history.slice(0, -1).every((h) => (h.accuracy as number) < 0.9)).toBe(true);
    expect(state.stopped).toBe('training accuracy reached 90%');
    await vi.waitFor(() =>
      expect(q(root, '[data-role="metrics"]').textContent).toContain(
        'Stopped: training accuracy reached 90%',
      ),
    );
    const shown = q(root, '[data-readout="accuracy"]').textContent;
    expect(shown).toBe(`${(100 * (state.history.at(-1)?.accuracy as number)).toFixed(1)}%`);
    handle.destroy();
  });

  it('stops when the training loss reaches the target', async () => {
    const { handle, root, train } = await mounted(3000);
    set(root, 'stopAt', 'loss');
    expect(q<HTMLInputElement>(root, '[data-param="stopValue"]').value).toBe('0.05');
    set(root, 'stopValue', '0.4');
    const state = await train();
    expect(state.epoch).toBeLessThan(3000);
    expect(state.history.at(-1)?.loss).toBeLessThanOrEqual(0.4);
    expect(state.history.slice(0, -1).every((h) => h.loss > 0.4)).toBe(true);
    expect(state.stopped).toBe('training loss reached 0.4');
    handle.destroy();
  });

  it('holds out a validation split and draws its curve beside the training curve on a log epoch axis', async () => {
    const { handle, root, train } = await mounted(100);
    set(root, 'validation', '0.2');
    const state = await train();
    expect(state.epoch).toBe(100);
    const last = state.history.at(-1);
    expect(last?.validationLoss).toBeGreaterThan(0);
    expect(last?.validationAccuracy).toBeGreaterThan(0);
    await vi.waitFor(() => expect(q(root, '[data-readout="validation-accuracy"]').textContent).toMatch(/%$/));
    const curves = q<SVGSVGElement>(root, '[data-panel="curves"] svg');
    const loss = q<SVGPathElement>(curves, 'path[data-role="loss"]');
    const validation = q<SVGPathElement>(curves, 'path[data-role="validation-loss"]');
    expect(validation).not.toBeNull();
    // x is linear in log10(epoch): the same pixels per decade between any two recorded epochs.
    const ticks = [...curves.querySelectorAll('.dn-tick')].map((t) => t.textContent);
    expect(ticks).toEqual(expect.arrayContaining(['1', '10', '10²']));
    const xs = (loss.getAttribute('d') ?? '').match(/-?[\d.]+(?=,)/g)?.map(Number) ?? [];
    const epochs = state.history.map((h) => h.epoch);
    expect(xs).toHaveLength(epochs.length);
    const perDecade = (i: number, j: number) =>
      ((xs[j] as number) - (xs[i] as number)) / Math.log10((epochs[j] as number) / (epochs[i] as number));
    const mid = Math.floor(epochs.length / 2);
    expect(epochs.length).toBeGreaterThan(2);
    expect(perDecade(0, mid)).toBeCloseTo(perDecade(mid, epochs.length - 1), 1);
    handle.destroy();
  });

  it("keeps the data's aspect ratio: a 4-by-2 range is drawn twice as wide as tall", async () => {
    const { handle, root } = await mounted(10);
    const rows = ['x,y,c'];
    for (let i = 0; i <= 20; i++) rows.push(`${(4 * i) / 20},${(2 * ((i * 7) % 21)) / 20},${i % 2}`);
    const input = q<HTMLInputElement>(root, '[data-role="data-tools"] input[type="file"]');
    const transfer = new DataTransfer();
    transfer.items.add(new File([rows.join('\n')], 'wide.csv'));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(q<HTMLElement>(root, '.dn-csv-dialog').hidden).toBe(false));
    q<HTMLButtonElement>(root, '[data-action="csv-use"]').click();
    const state = await until(handle.subscribe, (s) => s.source === 'csv' && s.network !== undefined);
    const [x0, x1, y0, y1] = state.box;
    expect((x1 - x0) / (y1 - y0)).toBeCloseTo(2, 12);
    const svg = q<SVGSVGElement>(root, '[data-panel="decision"] svg');
    expect(svg.getAttribute('viewBox')).toBe('0 0 320 176');
    const canvas = q<HTMLCanvasElement>(root, '[data-panel="decision"] canvas');
    const [w, h] = [canvas.getBoundingClientRect().width, canvas.getBoundingClientRect().height];
    expect(w / h).toBeCloseTo(2, 1);
    expect(canvas.width / canvas.height).toBeCloseTo(2, 1);
    handle.destroy();
  });
});

describe('playground: stop-at and validation in the URL', { timeout: 90_000 }, () => {
  it('reads them from a link, writes them back when changed, and says what it ignored', async () => {
    setSearch('?pg.stop=loss&pg.target=0.2&pg.validation=0.1');
    const handle = mountPlayground(host(), { worker: runner.api, dataset: 'circles', urlPrefix: 'pg' });
    const root = document.querySelector('[data-widget="playground"]') as HTMLElement;
    const state = await until(handle.subscribe, (s) => s.dataset === 'circles' && s.network !== undefined);
    expect([state.stopAt, state.validation]).toEqual([{ kind: 'loss', value: 0.2 }, 0.1]);
    expect(q<HTMLSelectElement>(root, '[data-param="stopAt"]').value).toBe('loss');
    expect(q<HTMLInputElement>(root, '[data-param="stopValue"]').value).toBe('0.2');
    set(root, 'stopAt', 'accuracy');
    set(root, 'stopValue', '80');
    set(root, 'validation', '0.3');
    const params = new URLSearchParams(urlSearch());
    expect([params.get('pg.stop'), params.get('pg.target'), params.get('pg.validation')]).toEqual([
      'accuracy',
      '0.8',
      '0.3',
    ]);
    handle.destroy();
    document.body.replaceChildren();
    setSearch('?pg.stop=accuracy&pg.target=2&pg.validation=0.9');
    const bad = mountPlayground(host(), { worker: runner.api, dataset: 'circles', urlPrefix: 'pg' });
    const badRoot = document.querySelector('[data-widget="playground"]') as HTMLElement;
    const s = await until(bad.subscribe, (x) => x.dataset === 'circles' && x.network !== undefined);
    expect([s.stopAt, s.validation]).toEqual([{ kind: 'accuracy', value: 0.95 }, 0]);
    const notice = q<HTMLElement>(badRoot, '.dn-toolbar .dn-notice');
    await vi.waitFor(() =>
      expect(notice.textContent).toContain('"pg.target=2": an accuracy target is a fraction'),
    );
    expect(notice.textContent).toContain('"pg.validation=0.9": expected one of 0, 0.1, 0.2, 0.3');
    bad.destroy();
  });
});
