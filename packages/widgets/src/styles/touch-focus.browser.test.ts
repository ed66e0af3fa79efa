/**
 * Touch targets and keyboard focus on every control of the composition, approximation and
 * network widgets (issue 19, item 6): controls at least 24 CSS px, draggable joints hit within
 * 11 px of their centre (a transparent circle larger than the drawn dot), and a visible ring on
 * whatever the Tab key reaches. At 390 and 1280 px, with the package stylesheet.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { host } from '../kit/test-helpers.ts';
import { getWidget } from '../registry.ts';
import stylesheet from './index.css?inline';

const WIDGETS = [
  'shallow-network',
  'composition',
  'composition-2d',
  'combining',
  'two-outputs',
  'layer-panels',
  'network-builder',
  'approximation',
  'random-labels',
];

beforeAll(() => {
  const style = document.head.appendChild(document.createElement('style'));
  style.dataset.test = 'touch-focus';
  style.textContent = stylesheet;
});
afterAll(() => document.head.querySelector('style[data-test="touch-focus"]')?.remove());
afterEach(() => document.body.replaceChildren());

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** Whether `el`, focused from the keyboard, shows a ring: an outline, or a thicker stroke on SVG shapes. */
function showsFocus(el: Element): boolean {
  const style = getComputedStyle(el);
  if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) return true;
  return el instanceof SVGElement && Number.parseFloat(style.strokeWidth) >= 3;
}

describe('touch targets and visible focus', () => {
  for (const width of [390, 1280]) {
    for (const name of WIDGETS) {
      it(`${name} at ${width} px: controls >= 24 px, joints hit within 11 px, focus visible`, async () => {
        await page.viewport(width, 900);
        const element = host();
        const handle = getWidget(name).mount(element);
        await frame();
        const root = element.querySelector(`[data-widget="${name}"]`) as HTMLElement;
        for (const control of root.querySelectorAll<HTMLElement>('input, button, select')) {
          if (control.closest('[hidden]') || control.getClientRects().length === 0) continue;
          // A radio button or checkbox is hit through its whole label.
          const target =
            control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')
              ? (control.closest('label') ?? control)
              : control;
          const box = target.getBoundingClientRect();
          expect(box.height, control.outerHTML.slice(0, 90)).toBeGreaterThanOrEqual(24);
          if (control.tagName === 'BUTTON') expect(box.width).toBeGreaterThanOrEqual(24);
        }
        for (const joint of root.querySelectorAll<SVGCircleElement>('[data-role="joint"][tabindex="0"]')) {
          joint.scrollIntoView({ block: 'center' });
          const box = joint.getBoundingClientRect();
          const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
          for (const [dx, dy] of [
            [11, 0],
            [-11, 0],
            [0, 11],
            [0, -11],
          ] as const) {
            const hit = document.elementFromPoint(cx + dx, cy + dy);
            expect(
              hit === joint || hit?.getAttribute('data-role') === 'joint-hit',
              `${name}: ${dx},${dy} from joint ${joint.dataset.unit} hits ${hit?.tagName}`,
            ).toBe(true);
          }
        }
        // Tab through the widget: every stop shows where the keyboard is.
        (document.activeElement as HTMLElement | null)?.blur();
        const seen = new Set<Element>();
        for (let i = 0; i < 80; i++) {
          await userEvent.keyboard('{Tab}');
          const active = document.activeElement;
          if (!active || !root.contains(active) || seen.has(active)) {
            if (seen.size) break;
            continue;
          }
          seen.add(active);
          expect(showsFocus(active), `${name}: no focus ring on ${active.outerHTML.slice(0, 90)}`).toBe(true);
        }
        expect(seen.size).toBeGreaterThan(0);
        handle.destroy();
      });
    }
  }
});
