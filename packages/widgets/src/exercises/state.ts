/**
 * The exercises widget's state, pure: the reader's typed answers, the verdicts our code computed
 * for them, and which worked solutions are open. No DOM here (Node-tested).
 */
import type { Exercise, Verdict } from './exercise.ts';
import { EXERCISES, exerciseById } from './problems.ts';

export interface ExercisesOptions {
  /** Book numbers of the problems to show (all by default), e.g. `["4.8"]`. */
  only?: readonly string[];
}

export interface ExercisesState {
  /** Book numbers shown, in order. */
  ids: string[];
  /** id -> field -> typed text. */
  answers: Record<string, Record<string, string>>;
  /** id -> the last check's verdict (absent until checked). */
  verdicts: Record<string, Verdict>;
  /** Ids whose worked solution is shown. */
  revealed: string[];
}

/** Thrown for an unknown problem number in `only`. */
export class ExercisesOptionsError extends Error {
  readonly code = 'UNKNOWN_EXERCISE';
  constructor(id: string) {
    super(`unknown exercise "${id.slice(0, 20)}"; known: ${EXERCISES.map((e) => e.id).join(', ')}`);
    this.name = 'ExercisesOptionsError';
  }
}

/** The exercises shown for `options`, checking every id. */
export function exercisesFor(options: ExercisesOptions = {}): Exercise[] {
  if (!options.only) return [...EXERCISES];
  return options.only.map((id) => {
    const found = exerciseById(id);
    if (!found) throw new ExercisesOptionsError(id);
    return found;
  });
}

export function initialState(options: ExercisesOptions = {}): ExercisesState {
  return { ids: exercisesFor(options).map((e) => e.id), answers: {}, verdicts: {}, revealed: [] };
}

/** The state with one field's typed text replaced; the old verdict of that exercise is dropped. */
export function withAnswer(state: ExercisesState, id: string, field: string, text: string): ExercisesState {
  const { [id]: _dropped, ...verdicts } = state.verdicts;
  return {
    ...state,
    answers: { ...state.answers, [id]: { ...state.answers[id], [field]: text } },
    verdicts,
  };
}

/** The state with exercise `id` checked against what our code computes. */
export function withCheck(state: ExercisesState, id: string): ExercisesState {
  const exercise = exerciseById(id);
  if (!exercise) throw new ExercisesOptionsError(id);
  return { ...state, verdicts: { ...state.verdicts, [id]: exercise.check(state.answers[id] ?? {}) } };
}

/** The state with the worked solution of `id` shown or hidden. */
export function withSolution(state: ExercisesState, id: string, shown: boolean): ExercisesState {
  const others = state.revealed.filter((r) => r !== id);
  return { ...state, revealed: shown ? [...others, id] : others };
}

/** How many shown exercises are answered correctly. */
export function solvedCount(state: ExercisesState): number {
  return state.ids.filter((id) => state.verdicts[id]?.correct).length;
}
