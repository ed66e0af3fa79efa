/**
 * Reading a reader's typed answer: integers may carry thousands separators ("60,466,176"), spaces
 * or a power ("6^10"); lists are comma- or space-separated numbers ("4, -12, 9, -6").
 */

/** Thrown for an answer that is not a number; `code` names the kind, the message says where. */
export class AnswerFormatError extends Error {
  readonly code = 'BAD_ANSWER';
  constructor(message: string) {
    super(message.length > 200 ? `${message.slice(0, 199)}…` : message);
    this.name = 'AnswerFormatError';
  }
}

const INTEGER = /^[+-]?\d+$/;

/** An exact integer from "60,466,176", "60 466 176", "6^10" or "2^3^2" (right-associative). */
export function parseIntegerAnswer(text: string): bigint {
  const clean = text.replace(/[\s,_\u2009\u202f']/g, '');
  if (clean === '') throw new AnswerFormatError('the answer is empty: type a whole number');
  const parts = clean.split('^');
  if (!parts.every((p) => INTEGER.test(p))) {
    throw new AnswerFormatError(`"${text.slice(0, 40)}" is not a whole number (digits, commas, ^ allowed)`);
  }
  let value = BigInt(parts.at(-1) as string);
  for (let i = parts.length - 2; i >= 0; i--) {
    if (value < 0n || value > 4096n)
      throw new AnswerFormatError(`the exponent in "${text.slice(0, 40)}" is out of range`);
    value = BigInt(parts[i] as string) ** value;
  }
  return value;
}

/** Numbers separated by commas, semicolons or spaces ("4, -12, 9, -6"); fractions like 1/6 allowed. */
export function parseNumberList(text: string): number[] {
  const items = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (items.length === 0)
    throw new AnswerFormatError('the answer is empty: type numbers separated by commas');
  return items.map((item, i) => {
    const [num, den, extra] = item.split('/');
    const value = den === undefined ? Number(num) : Number(num) / Number(den);
    if (extra !== undefined || num === '' || !Number.isFinite(value)) {
      throw new AnswerFormatError(`item ${i + 1} ("${item.slice(0, 20)}") is not a number`);
    }
    return value;
  });
}

/** "60466176" -> "60,466,176". */
export function groupDigits(value: bigint | number): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
