/**
 * Widget `exercises`: the chapter's problems 4.1-4.3, 4.8, 4.10 and 4.11 in our words. The reader
 * types answers; Check computes the true values with @deepnets/core and @deepnets/regions and marks
 * each field; a worked solution (its numbers computed too) opens on request.
 */
import { htmlElement } from '../kit/dom.ts';
import { createHandle, createStore, type WidgetHandle } from '../kit/widget.ts';
import {
  type ExercisesOptions,
  type ExercisesState,
  exercisesFor,
  initialState,
  withAnswer,
  withCheck,
  withSolution,
} from './state.ts';
import { createExercisesView } from './view.ts';

export function mountExercises(
  element: HTMLElement,
  options: ExercisesOptions = {},
): WidgetHandle<ExercisesOptions, ExercisesState> {
  const exercises = exercisesFor(options);
  const store = createStore<ExercisesState | undefined>(undefined);
  let state = initialState(options);
  const root = htmlElement('div', { class: 'dn-widget dn-exercises', 'data-widget': 'exercises' }, element);
  const set = (next: ExercisesState) => {
    state = next;
    view.render(state);
    store.set(state);
  };
  const view = createExercisesView(root, exercises, {
    onInput: (id, field, text) => set(withAnswer(state, id, field, text)),
    onCheck: (id) => set(withCheck(state, id)),
    onSolution: (id, shown) => set(withSolution(state, id, shown)),
  });
  set(state);
  return createHandle(root, store, {
    update() {
      // the problems are fixed at mount; nothing else to change
    },
  });
}
