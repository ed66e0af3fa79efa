/**
 * The playground's URL schema: `prefix.dataset`, `.activation`, `.optimizer`, `.hidden`, `.lr`,
 * `.stop` and `.target` (Train's stop condition), `.validation` (the held-out fraction) and, for
 * drawn data, `.points`. Pure: runs in Node.
 */
import type { Registry } from '@deepnets/core';
import { readUrlState } from '../kit/url-state.ts';
import { type DrawnPoint, decodePoints, encodePoints } from './drawn-data.ts';
import { optimizerMenu, parseHidden } from './menus.ts';
import {
  LEARNING_RATES,
  type PlaygroundState,
  STOP_TARGETS,
  type StopAt,
  VALIDATION_SPLITS,
} from './state.ts';

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
  /** Train's stop condition (`.stop` and `.target`). */
  stopAt?: StopAt;
  /** The validation fraction, one of VALIDATION_SPLITS. */
  validation?: number;
  notices: string[];
}

/** The kinds of stop condition, as `.stop` spells them. */
const STOP_KINDS: readonly StopAt['kind'][] = ['none', 'accuracy', 'loss'];
/** The largest loss target a URL may ask for (cross-entropy and squared losses start far below). */
const MAX_LOSS_TARGET = 1000;

/**
 * The stop condition from the URL's checked `.stop` and `.target`: an accuracy target is a
 * fraction in (0, 1], a loss target a number >= 0; a target without a kind is ignored, a kind
 * without a target takes its usual one (STOP_TARGETS). Pushes a notice for what it ignores.
 */
function stopFromUrl(prefix: string, kind: unknown, target: unknown, notices: string[]): StopAt | undefined {
  const value = target as number | undefined;
  const k = kind as StopAt['kind'] | undefined;
  if (value !== undefined && (k === undefined || k === 'none')) {
    notices.push(
      `Ignored "${prefix}.target=${value}": set "${prefix}.stop" to accuracy or loss for a target.`,
    );
  }
  if (k === undefined) return undefined;
  if (k === 'none') return { kind: 'none', value: 1 };
  if (k === 'accuracy' && value !== undefined && !(value > 0 && value <= 1)) {
    notices.push(`Ignored "${prefix}.target=${value}": an accuracy target is a fraction above 0, at most 1.`);
    return { kind: k, value: STOP_TARGETS[k] };
  }
  return { kind: k, value: value ?? STOP_TARGETS[k] };
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
      stop: { type: 'choice', values: STOP_KINDS },
      target: { type: 'number', min: 0, max: MAX_LOSS_TARGET },
      validation: { type: 'choice', values: VALIDATION_SPLITS.map(String) },
    },
    `?${params.toString()}`,
  );
  const v = read.values;
  if (v['activation'] !== undefined) out.activation = v['activation'] as string;
  if (v['optimizer'] !== undefined) out.optimizer = v['optimizer'] as string;
  if (v['lr'] !== undefined) out.learningRate = Number(v['lr']);
  if (v['validation'] !== undefined) out.validation = Number(v['validation']);
  out.notices.push(...read.notices);
  const stopAt = stopFromUrl(prefix, v['stop'], v['target'], out.notices);
  if (stopAt) out.stopAt = stopAt;
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
    stop: state.stopAt.kind,
    ...(state.stopAt.kind === 'none' ? {} : { target: String(state.stopAt.value) }),
    validation: String(state.validation),
  };
}
