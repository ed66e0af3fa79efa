/**
 * Notation widget, state: options and state types, tab names, URL schema, and the pure functions
 * that give the LaTeX of a tab and the summary line of a network. No DOM (tested in Node).
 */
import { type Network, toLatex } from '@deepnets/core';
import type { CoefRef } from '../kit/network-diagram.ts';
import type { UrlSchema } from '../kit/url-state.ts';
import { count } from '../kit/words.ts';
import { exampleNetwork, NOTATION_TABS, type NotationTab } from './coefficients.ts';
import { isTwoLayer, renamingLatex } from './renaming.ts';

export interface NotationOptions {
  /** The network shown; by default the section's example (3 inputs, widths 4, 2, 3, 2 outputs). */
  network: Network;
  tab: NotationTab;
  /** Numbers in place of symbols (scalar and vector tabs). */
  numbers: boolean;
  /** Seed of the example network's weights ("New numbers" adds one). */
  seed: number;
  /** Widths D_0..D_{K+1} of the example network (default 3, 4, 2, 3, 2, the section's example). */
  widths: readonly number[];
  urlPrefix?: string;
}

export interface NotationState {
  tab: NotationTab;
  numbers: boolean;
  latex: string;
  /** The coefficient each marked symbol stands for, in reading order. */
  coefficients: CoefRef[];
  parameters: number;
  ms: number;
}

export const TAB_NAMES: Record<NotationTab, string> = {
  scalar: 'Scalar',
  vector: 'Vector',
  matrix: 'Matrix',
  general: 'General (β, Ω)',
  renaming: 'Renaming (θ, ψ, φ → β, Ω)',
};

/** The two-layer network of the renaming tab: the widget's network if it has two hidden layers. */
export const twoLayer = (options: NotationOptions): Network =>
  isTwoLayer(options.network) ? options.network : exampleNetwork(options.seed, [1, 3, 3, 1]);

export const URL_SCHEMA = {
  tab: { type: 'choice', values: NOTATION_TABS },
  numbers: { type: 'choice', values: ['0', '1'] },
  seed: { type: 'integer', min: 0, max: 2 ** 31 },
} satisfies UrlSchema;

/** The LaTeX blocks of a tab for `network` (the general tab: the layer equations and the nested one). */
export function latexBlocks(network: Network, tab: NotationTab, numbers: boolean): string[] {
  if (tab === 'renaming') return renamingLatex(network);
  if (tab === 'matrix') return [toLatex(network, { notation: 'general', numbers: true })];
  if (tab === 'general')
    return [toLatex(network, { notation: 'general' }), toLatex(network, { notation: 'nested' })];
  return [toLatex(network, { notation: tab, numbers })];
}

/** The summary around the parameter count: "Dᵢ = 1 input, hidden layers of 3, 3 units, ...". */
export function summaryText(network: Network): { before: string; after: string } {
  const widths = [network.layers[0]?.weights[0]?.length ?? 0, ...network.layers.map((l) => l.weights.length)];
  const hidden = widths.slice(1, -1);
  const layers =
    hidden.length === 1
      ? `one hidden layer of ${count(hidden[0] as number, 'unit')}`
      : `hidden layers of ${hidden.join(', ')} units`;
  return {
    before: `Dᵢ = ${count(widths[0] as number, 'input')}, ${layers}, Dₒ = ${count(widths[widths.length - 1] as number, 'output')}: `,
    after: ` (K = ${count(hidden.length, 'hidden layer')}).`,
  };
}
