/**
 * The curves of the random-labels experiment (the book's Figure 20.2) as written by
 * `deepnets experiment random-labels` (`curves.json`, format `deepnets.random-labels/v1`), and the
 * helpers that read them: is the run complete, which model memorised first.
 */

export interface CurvePoint {
  epoch: number;
  loss: number;
  trainError: number;
  testError?: number;
}

export interface ModelCurve {
  name: string;
  widths: number[];
  parameters: number;
  kernel?: string;
  epoch: number;
  epochsTo100: number | null;
  curve: CurvePoint[];
}

export interface CurvesDocument {
  format: string;
  labels: string;
  learningRate: number;
  maxEpochs: number;
  seed?: number;
  models: ModelCurve[];
}

/** The four models of Figure 20.2, shallowest first (names as the CLI writes them). */
export const FIGURE_20_2_MODELS = [
  { name: '1x298', hidden: [298] },
  { name: '2x100', hidden: [100, 100] },
  { name: '3x75', hidden: [75, 75, 75] },
  { name: '4x63', hidden: [63, 63, 63, 63] },
] as const;

/** Parameters of 40-[hidden]-10. */
export const modelParameters = (hidden: readonly number[], inputs = 40, outputs = 10): number => {
  const w = [inputs, ...hidden, outputs];
  return w.slice(1).reduce((s, out, i) => s + out * ((w[i] as number) + 1), 0);
};

/** True when every model of the document reached 100% training accuracy. */
export const isComplete = (doc: CurvesDocument): boolean =>
  doc.models.length === FIGURE_20_2_MODELS.length && doc.models.every((m) => m.epochsTo100 !== null);

/** Model names ordered by epochs to 100% (unfinished last, by how far they got). */
export function memorisationOrder(
  models: readonly { name: string; epochsTo100: number | null; curve: readonly { trainError: number }[] }[],
): string[] {
  const key = (m: (typeof models)[number]) => m.epochsTo100 ?? Number.POSITIVE_INFINITY;
  return [...models]
    .sort((a, b) => key(a) - key(b) || (a.curve.at(-1)?.trainError ?? 1) - (b.curve.at(-1)?.trainError ?? 1))
    .map((m) => m.name);
}

/**
 * The sentence that ends a live run: the order by epochs to 100% when every model got there, and
 * otherwise how many did not (an order of unfinished runs would claim what was not measured).
 */
export function orderSentence(
  models: readonly { name: string; epochsTo100: number | null; curve: readonly { trainError: number }[] }[],
  maxEpochs: number,
): string {
  const unfinished = models.filter((m) => m.epochsTo100 === null).length;
  if (unfinished === 0) return `Fastest first: ${memorisationOrder(models).join(', ')}.`;
  const which = unfinished === 1 ? '1 model' : `${unfinished} models`;
  return `${which} did not reach 100% within ${maxEpochs.toLocaleString('en-US')} epochs, so no order is given.`;
}
