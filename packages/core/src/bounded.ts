/**
 * Bounded error text: user-supplied values (a 10 MB string, a 100,000-deep array) never reach an
 * error message in full. `describeValue` looks at the top level of a value only (no recursion, so
 * no stack overflow), `elide` shortens text by cutting out its middle.
 */

/** The most characters of an error message (path included); longer ones are elided in the middle. */
export const MAX_MESSAGE_LENGTH = 240;

/** `text` if it has at most `max` characters, else its start and end around an ellipsis. */
export function elide(text: string, max = 60): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.7);
  const tail = max - 1 - head;
  return `${text.slice(0, head)}…${tail > 0 ? text.slice(-tail) : ''}`;
}

/**
 * A short description of a value for an error message: numbers and booleans as written, strings
 * quoted (elided past 40 characters), arrays and objects by their size only.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(elide(value, 40));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value)) return `an array of ${value.length} entries`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
