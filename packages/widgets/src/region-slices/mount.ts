/**
 * Widget `region-slices`: the exact linear regions of the plane through three MNIST-1D training
 * examples, for the saved snapshots of `deepnets experiment region-density` (initialisation to
 * memorisation), beside the experiment's density curves; and a scaled-down live run whose plane
 * is recomputed while it trains. Wiring only: state.ts decides, view.ts draws, the injected
 * `planeRegions` (plane-source.ts) enumerates, in a worker in the docs.
 */
import { evaluate, type Network } from '@deepnets/core';
import { figureSvg } from '../kit/figure.ts';
import { createToolbar } from '../kit/toolbar.ts';
import { replaceUrlState } from '../kit/url-state.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import { STALE } from './latest.ts';
import { runLive } from './live.ts';
import { createSlicesNetworkFile } from './network-file.ts';
import type { RegionSlicesOptions, RegionSlicesState } from './options.ts';
import { planeJobs } from './plane-jobs.ts';
import { planeRegionsFrom } from './plane-source.ts';
import type { PlanePoint } from './plane-view.ts';
import { createSources, exampleOf } from './sources.ts';
import {
  choiceFromUrl,
  choiceToUrl,
  DEFAULT_CHOICE,
  type DensityMetric,
  densitySeries,
  modelCurves,
  pickByClass,
  pickRandom,
  type RegionSlicesChoice,
  type SnapshotFile,
  snapshotCaption,
  snapshotIndex,
} from './state.ts';
import { createView } from './view.ts';

export type { RegionSlicesOptions, RegionSlicesState };

export function mountRegionSlices(
  element: HTMLElement,
  options: RegionSlicesOptions = {},
): WidgetHandle<RegionSlicesOptions, RegionSlicesState> {
  let opts = { ...options };
  const liveSettings = { examples: 400, learningRate: 0.1, maxEpochs: 3000, every: 25, ...opts.live };
  let choice: RegionSlicesChoice = { ...DEFAULT_CHOICE, ...opts.initial };
  let metric: DensityMetric = 'perLength';
  const state: RegionSlicesState = { choice, snapshots: 0, computing: false, draws: 0, live: undefined };
  const store = createStore<RegionSlicesState | undefined>(undefined);
  const sources = createSources(() => opts);
  let file: SnapshotFile | undefined;
  let liveAbort: AbortController | undefined;
  let destroyed = false;
  /** The plane shows the live run or an opened file (until the reader changes anything). */
  let liveShown = false;
  /** The network whose plane is drawn, for "Export network". */
  let shown: { network: Network; name: string } | undefined;

  const view = createView(
    element,
    {
      labels: (v) => change({ labels: v, snapshot: -1 }),
      model: (v) => change({ model: v, snapshot: -1 }),
      metric: (v) => {
        metric = v;
        drawChart();
      },
      examples: (v) =>
        new Set(v).size === 3 ? change({ examples: v }) : view.setStatus('Choose three different examples.'),
      byClass: (classes) =>
        void sources.data().then((d) => d && change({ examples: pickByClass(d.y[choice.labels], classes) })),
      random: () => change({ examples: pickRandom(Math.random) }),
      reference: (k) => {
        const plane = opts.curves?.reference[choice.labels]?.planes[k];
        if (plane) change({ examples: [...plane] as [number, number, number] });
      },
      snapshot: (i) => change({ snapshot: i }),
      live: () => void live(),
      stop: () => liveAbort?.abort(),
    },
    liveSettings.examples,
  );
  const toolbar = createToolbar(view.toolbarHost, {
    name: 'region-slices',
    svg: () => figureSvg(view.root, [view.plane.exportPanel(), { svg: view.chart.svg }]),
    ...(typeof window !== 'undefined' ? { link: () => window.location.href } : {}),
  });
  const notices: string[] = [];
  if (opts.urlPrefix && typeof window !== 'undefined') {
    const read = choiceFromUrl(opts.urlPrefix, window.location.search, choice);
    choice = read.choice;
    notices.push(...read.notices);
  }
  toolbar.notify(notices);
  const files = createSlicesNetworkFile(view.toolbarHost, {
    shown: () => shown,
    open: (net, fileName) => {
      liveShown = true;
      if (state.live?.running) liveAbort?.abort();
      view.setSnapshotCaption(
        `the opened file ${fileName} (move the slider to go back to the saved networks)`,
      );
      drawChart();
      void drawPlane(net, undefined, `Opened network ${fileName}.`);
    },
    dropTarget: view.plane.figure,
  });

  const publish = () => store.set({ ...state, choice: { ...choice, examples: [...choice.examples] } });
  const fail = (error: unknown) => {
    state.error = (error as Error)?.message ?? String(error);
    state.computing = false;
    view.setStatus(`Could not draw the plane: ${state.error}`);
    publish();
  };

  const planes = planeJobs(
    view,
    () => opts.planeRegions ?? planeRegionsFrom(),
    () => destroyed,
  );

  /** Draws the plane of `net` through the chosen examples (latest request wins). */
  async function drawPlane(
    net: Network,
    epoch: number | undefined,
    note: string,
    preempt = true,
  ): Promise<void> {
    const d = await sources.data();
    if (!d || destroyed) return void view.setStatus(sources.missing ?? '');
    const examples: [number, number, number] = [...choice.examples];
    const points = examples.map((i) => exampleOf(d, i)) as [number[], number[], number[]];
    const labels = d.y[choice.labels];
    const marks: PlanePoint[] = examples.map((index, k) => {
      const y = evaluate(net, points[k] as number[]);
      return { index, label: labels[index] as number, predicted: y.indexOf(Math.max(...y)) };
    });
    state.computing = true;
    publish();
    const done = await planes.request({ net, points, marks }, preempt).catch((error: unknown) => {
      fail(error);
      return STALE;
    });
    if (typeof done === 'symbol' || destroyed) return;
    state.computing = false;
    if (epoch === undefined) delete state.epoch;
    else state.epoch = epoch;
    const at = epoch === undefined ? 'opened' : `${liveShown ? 'live-' : ''}epoch-${epoch}`;
    shown = { network: net, name: `region-slices-${choice.labels}-${choice.model}-${at}` };
    files.refresh();
    state.regions = {
      linear: done.counts.linearRegions,
      activation: done.counts.activationRegions,
      ms: done.ms,
      examples,
    };
    state.draws++;
    delete state.error;
    view.plane.finish(done.counts.linearRegions);
    view.setCount(state.regions, note);
    view.setStatus('');
    publish();
  }

  async function showSnapshot(): Promise<void> {
    try {
      if (!sources.missing) view.setStatus(`Loading the saved networks of ${choice.model}…`);
      const f = await sources.file(choice.labels, choice.model);
      if (!f) return void view.setStatus(sources.missing ?? '');
      if (destroyed || `${f.labels}-${f.model}` !== `${choice.labels}-${choice.model}`) return;
      if (file !== f) sources.prefetch(f);
      file = f;
      const count = f.snapshots.length;
      if (choice.snapshot >= count) {
        toolbar.notify([
          ...notices,
          `Ignored snapshot ${choice.snapshot}: ${choice.model} has ${count} saved snapshots (0 to ${count - 1}).`,
        ]);
      }
      const index = snapshotIndex(choice.snapshot, count);
      choice = { ...choice, snapshot: index };
      state.snapshots = count;
      view.show(choice, count);
      writeUrl();
      const snap = f.snapshots[index] as SnapshotFile['snapshots'][number];
      const source = modelCurves(opts.curves, choice.labels, choice.model)?.checkpoints.find(
        (c) => c.epoch === snap.epoch,
      )?.source;
      view.setSnapshotCaption(snapshotCaption(snap, source));
      drawChart();
      await drawPlane(
        await sources.network(f, index),
        snap.epoch,
        `Saved network ${choice.model}, ${snapshotCaption(snap, source)}.`,
      );
    } catch (error) {
      fail(error);
    }
  }

  /** The curves are redrawn when labels, metric, model or curves change; a slider step moves the mark. */
  function drawChart(): void {
    const saved = file?.snapshots[snapshotIndex(choice.snapshot, file.snapshots.length)]?.epoch;
    view.chart.update(
      [choice.labels, metric, choice.model, opts.curves],
      () => densitySeries(opts.curves, choice.labels, metric),
      metric,
      choice.model,
      liveShown ? undefined : saved,
    );
  }

  function writeUrl(): void {
    if (opts.urlPrefix) replaceUrlState(opts.urlPrefix, choiceToUrl(choice, state.snapshots));
  }

  function change(partial: Partial<RegionSlicesChoice>): void {
    liveShown = false;
    if (state.live?.running) liveAbort?.abort();
    choice = { ...choice, ...partial };
    view.show(choice, state.snapshots || 1);
    view.setReferencePlanes(opts.curves?.reference[choice.labels]?.planes.length ?? 0);
    void showSnapshot();
  }

  async function live(): Promise<void> {
    const d = await sources.data();
    if (!d || !opts.trainModel) {
      view.setLiveStatus('No training worker is connected to this widget (pass `trainModel`).');
      return;
    }
    liveAbort?.abort();
    liveAbort = new AbortController();
    state.live = { running: true, epoch: 0, trainError: 1 };
    liveShown = true;
    view.setSnapshotCaption('the live run below (move the slider to go back to the saved networks)');
    view.setRunning(true);
    drawChart();
    await runLive({
      data: d,
      choice,
      settings: liveSettings,
      trainModel: opts.trainModel,
      signal: liveAbort.signal,
      onEpoch: (epoch, trainError) => {
        if (state.live) Object.assign(state.live, { epoch, trainError });
        publish();
      },
      onNetwork: (net, epoch, text) => drawPlane(net, epoch, text, false),
      onStatus: (text) => view.setLiveStatus(text),
    });
    if (destroyed) return;
    if (state.live) state.live.running = false;
    view.setRunning(false);
    drawChart();
    publish();
  }

  view.setReferencePlanes(opts.curves?.reference[choice.labels]?.planes.length ?? 0);
  view.show(choice, 1);
  view.setCount(undefined, 'The plane is computed when the widget comes into view.');
  drawChart();
  let observer: IntersectionObserver | undefined;
  if (typeof IntersectionObserver === 'undefined') void showSnapshot();
  else {
    observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer?.disconnect();
      void showSnapshot();
    });
    observer.observe(view.root);
  }

  return createHandle(view.root, store, {
    update(partial) {
      opts = { ...opts, ...partial };
      if (partial.initial) choice = { ...choice, ...partial.initial };
      change({});
    },
    cleanup() {
      destroyed = true;
      observer?.disconnect();
      liveAbort?.abort();
      planes.cancel();
      files.destroy();
      view.plane.destroy();
    },
  });
}
