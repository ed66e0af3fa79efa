/**
 * The exercises widget's DOM: one card per problem with its statement, the answer inputs, a Check
 * button, the verdict per field and the worked solution on request. Drawing only; `mount.ts` wires.
 */
import { htmlElement } from '../kit/dom.ts';
import type { Exercise, ExerciseField } from './exercise.ts';
import { type ExercisesState, solvedCount } from './state.ts';

export interface ExerciseCallbacks {
  onInput(id: string, field: string, text: string): void;
  onCheck(id: string): void;
  onSolution(id: string, shown: boolean): void;
}

export interface ExercisesView {
  render(state: ExercisesState): void;
}

function fieldInput(exercise: Exercise, field: ExerciseField, parent: HTMLElement, on: ExerciseCallbacks) {
  const label = htmlElement('label', { class: 'dn-exercise-field' }, parent);
  htmlElement('span', {}, label).textContent = field.label;
  const common = { 'data-field': field.name, 'aria-describedby': `dn-ex-${exercise.id}-${field.name}-note` };
  let input: HTMLInputElement | HTMLSelectElement;
  if (field.kind === 'choice') {
    input = htmlElement('select', common, label);
    htmlElement('option', { value: '' }, input).textContent = 'choose…';
    for (const choice of field.choices ?? [])
      htmlElement('option', { value: choice }, input).textContent = choice;
  } else {
    input = htmlElement(
      'input',
      {
        ...common,
        type: 'text',
        inputmode: field.kind === 'integer' ? 'numeric' : 'text',
        autocomplete: 'off',
      },
      label,
    );
    if (field.placeholder) input.placeholder = field.placeholder;
  }
  input.addEventListener('input', () => on.onInput(exercise.id, field.name, input.value));
  input.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Enter') on.onCheck(exercise.id);
  });
  const note = htmlElement('span', { class: 'dn-exercise-note', id: common['aria-describedby'] }, label);
  return { input, note };
}

/** Builds the cards once; `render` updates marks, verdicts and solutions. */
export function createExercisesView(
  root: HTMLElement,
  exercises: Exercise[],
  on: ExerciseCallbacks,
): ExercisesView {
  const summary = htmlElement(
    'p',
    { class: 'dn-caption', 'data-role': 'summary', 'aria-live': 'polite' },
    root,
  );
  const cards = exercises.map((exercise) => {
    const card = htmlElement('section', { class: 'dn-exercise', 'data-exercise': exercise.id }, root);
    htmlElement('h4', {}, card).textContent = `Problem ${exercise.id}: ${exercise.title}`;
    for (const paragraph of exercise.statement) htmlElement('p', {}, card).textContent = paragraph;
    const form = htmlElement('div', { class: 'dn-exercise-fields' }, card);
    const inputs = new Map(exercise.fields.map((f) => [f.name, fieldInput(exercise, f, form, on)]));
    const buttons = htmlElement('div', { class: 'dn-buttons' }, card);
    const check = htmlElement(
      'button',
      { type: 'button', class: 'dn-button', 'data-role': 'check' },
      buttons,
    );
    check.textContent = 'Check';
    check.addEventListener('click', () => on.onCheck(exercise.id));
    const reveal = htmlElement(
      'button',
      { type: 'button', class: 'dn-button', 'data-role': 'reveal' },
      buttons,
    );
    reveal.addEventListener('click', () =>
      on.onSolution(exercise.id, reveal.getAttribute('aria-expanded') !== 'true'),
    );
    const verdict = htmlElement(
      'p',
      { class: 'dn-exercise-verdict', 'data-role': 'verdict', 'aria-live': 'polite' },
      card,
    );
    const solution = htmlElement('div', { class: 'dn-exercise-solution', 'data-role': 'solution' }, card);
    solution.hidden = true;
    return { exercise, inputs, reveal, verdict, solution };
  });

  return {
    render(state) {
      summary.textContent = `${solvedCount(state)} of ${state.ids.length} solved (checked by computing each answer)`;
      for (const { exercise, inputs, reveal, verdict, solution } of cards) {
        const result = state.verdicts[exercise.id];
        for (const [name, { input, note }] of inputs) {
          const field = result?.fields[name];
          input.setAttribute('aria-invalid', field && !field.ok ? 'true' : 'false');
          input.dataset.verdict = field ? (field.ok ? 'right' : 'wrong') : '';
          note.textContent = field ? (field.ok ? '✓' : `✗ ${field.note ?? ''}`) : '';
        }
        verdict.dataset.verdict = result ? (result.correct ? 'right' : 'wrong') : '';
        verdict.textContent = result
          ? result.correct
            ? 'Right: every value matches what our code computes.'
            : 'Not yet: the marked fields differ from what our code computes.'
          : '';
        const shown = state.revealed.includes(exercise.id);
        reveal.setAttribute('aria-expanded', String(shown));
        reveal.textContent = shown ? 'Hide worked solution' : 'Show worked solution';
        if (shown && solution.childElementCount === 0) {
          for (const paragraph of exercise.solution()) htmlElement('p', {}, solution).textContent = paragraph;
        }
        solution.hidden = !shown;
      }
    },
  };
}
