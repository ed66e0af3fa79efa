/** The chapter's problems offered on the Exercises page, in the book's order. */
import type { Exercise } from './exercise.ts';
import { problem41, problem42, problem43 } from './problems-composing.ts';
import { problem48, problem410, problem411 } from './problems-counting.ts';

export const EXERCISES: readonly Exercise[] = [
  problem41,
  problem42,
  problem43,
  problem48,
  problem410,
  problem411,
];

/** The exercise with book number `id` (e.g. "4.8"); undefined for an unknown id. */
export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}
