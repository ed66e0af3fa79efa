import { afterEach, describe, expect, it } from 'vitest';
import { host, nextDraw } from '../kit/test-helpers.ts';
import { mountExercises } from './mount.ts';

afterEach(() => document.body.replaceChildren());

function type(root: ParentNode, id: string, field: string, text: string): void {
  const input = root.querySelector(`[data-exercise="${id}"] [data-field="${field}"]`) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}
const click = (root: ParentNode, id: string, role: string) =>
  (root.querySelector(`[data-exercise="${id}"] [data-role="${role}"]`) as HTMLButtonElement).click();
const verdict = (root: ParentNode, id: string) =>
  root.querySelector(`[data-exercise="${id}"] [data-role="verdict"]`) as HTMLElement;

describe('exercises widget in Chromium', () => {
  it('shows the six problems and marks a right answer to 4.8 right', async () => {
    const element = host();
    const handle = mountExercises(element);
    expect(element.querySelectorAll('[data-exercise]')).toHaveLength(6);
    type(element, '4.8', 'phi', '4, -12, 9, -6');
    type(element, '4.8', 'one', '4');
    type(element, '4.8', 'two', '16');
    type(element, '4.8', 'three', '64');
    const next = nextDraw(handle.subscribe);
    click(element, '4.8', 'check');
    const state = await next;
    expect(state.verdicts['4.8']?.correct).toBe(true);
    expect(verdict(element, '4.8').dataset.verdict).toBe('right');
    expect(element.querySelector('[data-role="summary"]')?.textContent).toMatch(/^1 of 6/);
    handle.destroy();
    expect(element.children).toHaveLength(0);
  });

  it('marks a wrong field wrong and an unreadable one with the parser message', () => {
    const element = host();
    mountExercises(element, { only: ['4.11'] });
    type(element, '4.11', 'shallowParameters', '286');
    type(element, '4.11', 'deepParameters', '286');
    type(element, '4.11', 'shallowRegions', '95');
    type(element, '4.11', 'deepRegions', 'lots');
    click(element, '4.11', 'check');
    expect(verdict(element, '4.11').dataset.verdict).toBe('wrong');
    const field = (name: string) => element.querySelector(`[data-field="${name}"]`) as HTMLInputElement;
    expect(field('shallowParameters').dataset.verdict).toBe('right');
    expect(field('shallowRegions').getAttribute('aria-invalid')).toBe('true');
    expect(field('deepRegions').closest('label')?.textContent).toMatch(/not a whole number/);
    type(element, '4.11', 'shallowRegions', '96');
    type(element, '4.11', 'deepRegions', '6^10');
    (field('deepRegions') as HTMLInputElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(verdict(element, '4.11').dataset.verdict).toBe('right');
  });

  it('reveals a worked solution with computed numbers, and hides it again', () => {
    const element = host();
    mountExercises(element, { only: ['4.3', '4.11'] });
    click(element, '4.11', 'reveal');
    const solution = element.querySelector('[data-exercise="4.11"] [data-role="solution"]') as HTMLElement;
    expect(solution.hidden).toBe(false);
    expect(solution.textContent).toContain('60,466,176');
    click(element, '4.11', 'reveal');
    expect(solution.hidden).toBe(true);
    const select = element.querySelector('[data-field="outer"]') as HTMLSelectElement;
    select.value = 'lambda_0 lambda_1';
    select.dispatchEvent(new Event('input'));
    click(element, '4.3', 'check');
    expect(verdict(element, '4.3').dataset.verdict).toBe('wrong');
  });
});
