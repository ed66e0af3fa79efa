/**
 * Widget state in the page URL, so a configuration can be shared as a link.
 *
 * Each widget owns the query parameters that start with its prefix (`sn.theta.1.0=0.5`).
 * Values are parsed against a schema: only finite numbers inside their bounds (or listed
 * choices) are accepted. Anything else is ignored and reported as a notice of bounded length;
 * nothing from a URL is ever executed or inserted as markup. Keys are looked up as the schema's
 * own properties only, so `?w.constructor=1` or `?w.__proto__=1` is an unknown parameter, never
 * a prototype property.
 */

/** Text from a URL shown in a notice: at most `max` characters, the rest elided. */
const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export type FieldSchema =
  | { type: 'number'; min: number; max: number }
  | { type: 'integer'; min: number; max: number }
  | { type: 'choice'; values: readonly string[] };

export type UrlSchema = Record<string, FieldSchema>;

export interface UrlReadResult {
  values: Record<string, number | string>;
  /** One human-readable line per ignored parameter. */
  notices: string[];
}

/** Reads the parameters `prefix.key` of `search` that fit `schema`. */
export function readUrlState(prefix: string, schema: UrlSchema, search: string): UrlReadResult {
  const params = new URLSearchParams(search);
  const values = new Map<string, number | string>();
  const notices: string[] = [];
  for (const [fullName, raw] of params) {
    if (!fullName.startsWith(`${prefix}.`)) continue;
    const key = fullName.slice(prefix.length + 1);
    const field = Object.hasOwn(schema, key) ? schema[key] : undefined;
    const name = shorten(fullName, 60);
    const shown = shorten(raw, 40);
    if (!field) {
      notices.push(`Ignored unknown URL parameter "${name}".`);
      continue;
    }
    if (field.type === 'choice') {
      if (field.values.includes(raw)) values.set(key, raw);
      else notices.push(`Ignored "${name}=${shown}": expected one of ${field.values.join(', ')}.`);
      continue;
    }
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    const whole = field.type === 'integer' ? Number.isInteger(value) : true;
    if (Number.isFinite(value) && whole && value >= field.min && value <= field.max) values.set(key, value);
    else
      notices.push(
        `Ignored "${name}=${shown}": expected ${field.type === 'integer' ? 'a whole number' : 'a number'} from ${field.min} to ${field.max}.`,
      );
  }
  // Object.fromEntries defines own properties: a key never reaches a prototype
  return { values: Object.fromEntries(values), notices };
}

/** Returns `search` with this widget's parameters replaced by `values`. */
export function writeUrlState(
  prefix: string,
  values: Record<string, number | string>,
  search: string,
): string {
  const params = new URLSearchParams(search);
  for (const name of [...params.keys()]) if (name.startsWith(`${prefix}.`)) params.delete(name);
  for (const [key, value] of Object.entries(values)) {
    params.set(`${prefix}.${key}`, typeof value === 'number' ? String(Number(value.toPrecision(8))) : value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Shortest time between two URL writes: a drag fires dozens of inputs per second. */
export const URL_WRITE_INTERVAL_MS = 250;

/** The state each widget prefix asked for and the page URL does not show yet. */
const pending = new Map<string, Record<string, number | string>>();
let timer: ReturnType<typeof setTimeout> | undefined;
let lastWrite = Number.NEGATIVE_INFINITY;
let listening = false;

/**
 * Puts this widget's state in the browser URL's query (no new history entry), at most once per
 * `URL_WRITE_INTERVAL_MS`: the first change writes at once, later ones within the interval are
 * merged into one trailing write. Chromium throttles `history.replaceState` above about 100 calls
 * in 10 s, so a drag must not write on every input. Anything that reads the URL (Copy link, a
 * test) calls `flushUrlState()` first; leaving or hiding the page flushes too.
 */
export function replaceUrlState(prefix: string, values: Record<string, number | string>): void {
  if (typeof window === 'undefined') return;
  pending.set(prefix, values);
  if (!listening) {
    listening = true;
    window.addEventListener('pagehide', flushUrlState);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushUrlState();
    });
  }
  if (timer !== undefined) return;
  const wait = lastWrite + URL_WRITE_INTERVAL_MS - performance.now();
  if (wait <= 0) flushUrlState();
  else timer = setTimeout(flushUrlState, wait);
}

/** Writes every pending widget state into the URL now (one `replaceState`); no-op when none. */
export function flushUrlState(): void {
  clearTimeout(timer);
  timer = undefined;
  if (pending.size === 0 || typeof window === 'undefined') return;
  let search = window.location.search;
  for (const [prefix, values] of pending) search = writeUrlState(prefix, values, search);
  pending.clear();
  lastWrite = performance.now();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search}${window.location.hash}`,
  );
}

/** The page URL with every pending widget state written: what a shared link must hold. */
export function currentUrl(): string {
  flushUrlState();
  return typeof window === 'undefined' ? '' : window.location.href;
}
