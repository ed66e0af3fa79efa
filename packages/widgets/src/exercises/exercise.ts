/**
 * The shape of one exercise: a statement in our words, the fields the reader fills in, a `check`
 * that computes the answer with @deepnets/core and @deepnets/regions (never a stored string), and a
 * worked solution whose numbers come from the same code.
 */
import { AnswerFormatError, parseIntegerAnswer } from './answers.ts';

export interface ExerciseField {
  name: string;
  /** Label shown before the input (plain text; symbols like D_k written out). */
  label: string;
  /** `integer` (exact, "6^10" allowed), `list` (numbers) or `choice` (one of `choices`). */
  kind: 'integer' | 'list' | 'choice';
  choices?: readonly string[];
  placeholder?: string;
}

export interface FieldVerdict {
  ok: boolean;
  /** Why the field is wrong or could not be read (bounded length). */
  note?: string;
}

export interface Verdict {
  correct: boolean;
  fields: Record<string, FieldVerdict>;
}

export interface Exercise {
  /** The book's problem number, e.g. "4.8". */
  id: string;
  title: string;
  /** Paragraphs of the statement. */
  statement: readonly string[];
  fields: readonly ExerciseField[];
  /** Checks the reader's answers (field name -> typed text) against values our code computes. */
  check(answers: Readonly<Record<string, string>>): Verdict;
  /** The worked solution, one paragraph per entry, its numbers computed. */
  solution(): string[];
}

/** A verdict from per-field verdicts: correct when every field is. */
export function verdictOf(fields: Record<string, FieldVerdict>): Verdict {
  return { correct: Object.values(fields).every((f) => f.ok), fields };
}

/** Compares each integer field with the value computed for it. */
export function checkIntegers(
  answers: Readonly<Record<string, string>>,
  expected: Readonly<Record<string, bigint>>,
): Record<string, FieldVerdict> {
  const fields: Record<string, FieldVerdict> = {};
  for (const [name, value] of Object.entries(expected)) {
    try {
      const given = parseIntegerAnswer(answers[name] ?? '');
      fields[name] = given === value ? { ok: true } : { ok: false, note: 'not this number' };
    } catch (error) {
      if (!(error instanceof AnswerFormatError)) throw error;
      fields[name] = { ok: false, note: error.message };
    }
  }
  return fields;
}
