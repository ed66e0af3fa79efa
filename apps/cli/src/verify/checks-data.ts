/**
 * Claims about data and sizes: MNIST-1D's published facts (from our generator), the committed
 * Figure 20.2 run (experiments/random-labels/curves.json), and the 1-megapixel arithmetic.
 */
import { parametersForWidths } from '@deepnets/core';
import { makeMnist1d } from '@deepnets/trainer';
import { type Check, grouped } from './rows.ts';

const MNIST_SOURCE = 'MNIST-1D reference generator (Greydanus 2020), defaults, seed 42';

export function mnist1dChecks(): Check[] {
  const d = makeMnist1d();
  const counts = new Array<number>(10).fill(0);
  for (const label of d.y) counts[label] = (counts[label] as number) + 1;
  const stated = [398, 396, 411, 394, 394, 402, 401, 404, 402, 398];
  return [
    {
      claim: 'MNIST-1D training split: examples per class 0..9',
      source: MNIST_SOURCE,
      stated: stated.join(', '),
      computed: counts.join(', '),
      ok: counts.every((c, i) => c === stated[i]),
    },
    {
      claim: 'MNIST-1D: mean of all 5000 x 40 values before standardisation',
      source: MNIST_SOURCE,
      stated: '-0.0055075',
      computed: d.moments.mean.toFixed(9),
      ok: Math.abs(d.moments.mean - -0.0055075) < 5e-8,
    },
    {
      claim: 'MNIST-1D: standard deviation before standardisation',
      source: MNIST_SOURCE,
      stated: '0.154678',
      computed: d.moments.std.toFixed(9),
      ok: Math.abs(d.moments.std - 0.154678) < 5e-7,
    },
  ];
}

/** The part of a `deepnets.random-labels/v1` document the check reads. */
interface CurvesDocument {
  models: { name: string; widths: number[]; epochsTo100?: number | null }[];
}

/** Figure 20.2's ordering from the committed run; `text` is curves.json, undefined when absent. */
export function figure202Checks(text: string | undefined): Check[] {
  const claim = 'Figure 20.2: deeper models need fewer epochs to fit random labels';
  const source = 'slide "Fitting and generalization", Figure 20.2 caption';
  const stated = 'deeper models require fewer epochs';
  if (text === undefined) {
    return [
      {
        claim,
        source,
        stated,
        computed: 'experiments/random-labels/curves.json not found',
        ok: false,
        missing: true,
      },
    ];
  }
  const doc = JSON.parse(text) as CurvesDocument;
  const models = [...doc.models].sort((a, b) => a.widths.length - b.widths.length);
  const epochs = models.map((m) => m.epochsTo100 ?? Number.POSITIVE_INFINITY);
  const finished = epochs.every(Number.isFinite);
  const decreasing = epochs.every((e, i) => i === 0 || e < (epochs[i - 1] as number));
  const list = models.map(
    (m, i) => `${m.name} ${Number.isFinite(epochs[i]) ? grouped(epochs[i] as number) : 'unfinished'}`,
  );
  return [
    {
      claim,
      source,
      stated,
      computed: `epochs to 100% training accuracy, committed run (one seed): ${list.join(', ')}`,
      ok: finished && decreasing,
    },
    {
      claim: 'Figure 20.2: how many epochs fitting random labels takes at learning rate 0.0025',
      source: 'docs, section 5',
      stated: null,
      computed: finished
        ? `${grouped(Math.min(...epochs))} to ${grouped(Math.max(...epochs))}: hundreds of thousands`
        : 'run unfinished',
      ok: finished && Math.min(...epochs) >= 100_000 && Math.max(...epochs) < 1_000_000,
    },
  ];
}

/** Layers of k x k convolutions (stride 1) before one unit of an n-pixel line sees all of it. */
function layersToSeeAll(n: number, k: number): number {
  // Each layer widens the window of the best-placed (central) unit by k - 1 pixels.
  let lo = Math.floor((n - 1) / 2);
  let hi = lo;
  let layers = 0;
  while (lo > 0 || hi < n - 1) {
    lo = Math.max(0, lo - (k - 1) / 2);
    hi = Math.min(n - 1, hi + (k - 1) / 2);
    layers++;
  }
  return layers;
}

export function imageChecks(): Check[] {
  const pixels = 1000 * 1000;
  const dense = parametersForWidths([pixels, pixels]);
  const terabytes = (dense * 4) / 1e12;
  const conv = 3 * 3 * 1 * 1 + 1;
  const source = 'slide "Large structured networks"';
  return [
    {
      claim: 'a fully connected layer from a 1-megapixel image to as many hidden units',
      source,
      stated: 'not practical',
      computed: `${grouped(dense)} parameters = ${terabytes.toFixed(1)} TB as 32-bit floats`,
      ok: dense === pixels * pixels + pixels && terabytes > 1,
    },
    {
      claim: 'a 3 x 3 convolution, one input and one output channel: parameters',
      source: 'docs, section 5',
      stated: null,
      computed: `${conv} (9 weights + 1 bias)`,
      ok: conv === parametersForWidths([9, 1]),
    },
    {
      claim: '3 x 3 convolution layers before one unit sees a 1000 x 1000 image',
      source: 'docs, section 5',
      stated: null,
      computed: `${layersToSeeAll(1000, 3)} (window of the central unit grown layer by layer)`,
      // Closed form: the central unit is ceil((n - 1) / 2) pixels from the far edge, k - 1 / 2 per layer.
      ok: layersToSeeAll(1000, 3) === Math.ceil(Math.ceil(999 / 2) / 1),
    },
  ];
}
