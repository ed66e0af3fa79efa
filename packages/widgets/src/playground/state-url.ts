/**
 * The playground's URL schema: `prefix.dataset`, `.activation`, `.optimizer`, `.hidden`, `.lr`
 * and, for drawn data, `.points`. Pure: runs in Node.
 */
import type { Registry } from '@deepnets/core';
import { readUrlState } from '../kit/url-state.ts';
import { type DrawnPoint, decodePoints, encodePoints } from './drawn-data.ts';
import { optimizerMenu, parseHidden } from './menus.ts';
import { LEARNING_RATES, type PlaygroundState } from './state.ts';

/** What the URL asked for: settings that passed their checks, and one notice per ignored parameter. */
export interface PlaygroundUrl {
  activation?: string;
  optimizer?: string;
  hidden?: number[];
  learningRate?: number;
  /** Checked later, once the worker's catalog has named every data set ("drawn" and "function" are the page's). */
  dataset?: string;
  /** Drawn points (with dataset=drawn). */
  points?: DrawnPoint[];
  notices: string[];
}

/**
 * Reads `prefix.dataset`, `.activation`, `.optimizer`, `.hidden` and `.lr` from `search`. The
 * activation and optimizer must be known to `registry` (or be `fallbackOptimizers`).
 */
export function readPlaygroundUrl(
  prefix: string,
  search: string,
  registry: Registry,
  fallbackOptimizers?: readonly string[],
): PlaygroundUrl {
  const params = new URLSearchParams(search);
  const out: PlaygroundUrl = { notices: [] };
  const rawHidden = params.get(`${prefix}.hidden`);
  params.delete(`${prefix}.hidden`);
  const rawPoints = params.get(`${prefix}.points`);
  params.delete(`${prefix}.points`);
  if (rawPoints !== null) {
    try {
      out.points = decodePoints(rawPoints);
    } catch (e) {
      out.notices.push(`Ignored "${prefix}.points": ${(e as Error).message}.`);
    }
  }
  const dataset = params.get(`${prefix}.dataset`);
  if (dataset !== null) out.dataset = dataset;
  params.delete(`${prefix}.dataset`);
  if (rawHidden !== null) {
    try {
      out.hidden = parseHidden(rawHidden);
    } catch (e) {
      out.notices.push(`Ignored "${prefix}.hidden": ${(e as Error).message}.`);
    }
  }
  const read = readUrlState(
    prefix,
    {
      activation: { type: 'choice', values: registry.names('activation') },
      optimizer: {
        type: 'choice',
        values: optimizerMenu(registry, fallbackOptimizers).map((i) => i.value),
      },
      lr: { type: 'choice', values: LEARNING_RATES },
    },
    `?${params.toString()}`,
  );
  const v = read.values;
  if (v['activation'] !== undefined) out.activation = v['activation'] as string;
  if (v['optimizer'] !== undefined) out.optimizer = v['optimizer'] as string;
  if (v['lr'] !== undefined) out.learningRate = Number(v['lr']);
  out.notices.push(...read.notices);
  return out;
}

/**
 * The URL parameters (without prefix) that describe `state`. A CSV file's data is never written
 * (no data set parameter then); drawn points only up to MAX_URL_POINTS.
 */
export function playgroundUrlValues(state: PlaygroundState): Record<string, string> {
  const data: Record<string, string> = {};
  if (state.source === 'menu') data['dataset'] = state.dataset;
  else if (state.source === 'function') data['dataset'] = 'function';
  else if (state.source === 'drawn') {
    const points = encodePoints(state.points);
    if (points !== undefined) Object.assign(data, { dataset: 'drawn', points });
  }
  return {
    ...data,
    activation: state.activation,
    optimizer: state.optimizer,
    hidden: state.hidden.join(','),
    lr: String(state.learningRate),
  };
}
